'use client';
import { Button } from '@/components/ui/button';

/** The browser's own print dialog, which also saves as PDF; the page's print styles lay it out on A4. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
