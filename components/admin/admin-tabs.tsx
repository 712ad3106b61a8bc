'use client';
// The admin section's own navigation: users, audit log, year-end close.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

export function AdminTabs({ label, tabs }: { label: string; tabs: { href: string; text: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="no-print mb-5 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1 text-sm whitespace-nowrap">
        {tabs.map((tab) => {
          const current = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? 'page' : undefined}
                className={cn('-mb-px inline-flex min-h-10 items-center border-b-2 px-3', current ? 'border-brand-700 font-semibold text-brand-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900')}
              >
                {tab.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
