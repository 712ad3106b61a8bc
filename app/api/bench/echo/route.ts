// The benchmark's baseline: a trivial JSON POST handler (parse, answer), to compare recording a pledge against.
// It exists only when the server runs with LEDGER_BENCH=1 (as `npm run bench` starts it); otherwise it is a 404.
import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

export async function POST(req: NextRequest) {
  if (process.env.LEDGER_BENCH !== '1') return NextResponse.json({ error: { code: 'notFound', message: 'Not found', fields: {} } }, { status: 404 });
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return NextResponse.json({ error: { code: 'badJson', message: 'Body is not JSON', fields: {} } }, { status: 400 });
  }
  return NextResponse.json({ ok: true, keys: typeof body === 'object' && body !== null ? Object.keys(body).length : 0 }, { status: 201 });
}
