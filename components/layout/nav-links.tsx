'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

export function NavLinks({ links, label }: { links: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const active = (href: string) => (href === '/' ? pathname === '/' : pathname === href || (pathname.startsWith(`${href}/`) && !links.some((l) => l.href !== href && l.href.startsWith(href) && pathname.startsWith(l.href))));
  return (
    <nav aria-label={label} className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
      <ul className="flex gap-1 text-sm whitespace-nowrap">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={active(l.href) ? 'page' : undefined}
              className={cn('inline-flex min-h-9 items-center rounded-md px-3', active(l.href) ? 'bg-white/15 font-semibold' : 'text-white/85 hover:bg-white/10')}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
