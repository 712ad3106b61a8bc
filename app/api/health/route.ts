import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { ensureLedger } from '@/lib/bootstrap';

export const dynamic = 'force-dynamic';

export function GET() {
  try {
    ensureLedger().get(sql`SELECT 1`);
    return NextResponse.json({ ok: true });
  } catch {
    return NextResponse.json({ ok: false }, { status: 503 });
  }
}
