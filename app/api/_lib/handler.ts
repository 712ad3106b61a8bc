// The shape every JSON API handler shares: origin check, authentication, role, JSON body, idempotency, errors.
import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { createTranslator } from 'next-intl';
import { ensureLedger } from '@/lib/bootstrap';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/actor';
import { can, type Permission } from '@/lib/auth/roles';
import { isSameOrigin } from '@/lib/auth/origin';
import { SESSION_COOKIE, unsealSessionToken } from '@/lib/auth/cookie';
import { validateSession } from '@/lib/auth/sessions';
import { DomainError } from '@/lib/errors';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/locale';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/names';
import { replayIdempotent, type IdempotentResult } from './idempotency';
import { storageFailure } from '@/lib/ops/storage-errors';

export type ApiContext<P> = {
  req: NextRequest;
  db: Db;
  actor: Actor;
  params: P;
  locale: Locale;
  /** The parsed JSON body (400 when it is not JSON); only for writes. */
  body: unknown;
};

type Access = Permission | 'public';
const MAX_BODY_BYTES = 1_000_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function apiLocale(req: NextRequest): Locale {
  return resolveLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get('accept-language'));
}

export function errorResponse(locale: Locale, error: DomainError): NextResponse {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const tr = (key: string, values?: Record<string, string | number>) => (t.has(`errors.${key}` as never) ? t(`errors.${key}` as never, values as never) : key);
  const fields = Object.fromEntries(Object.entries(error.fields).map(([f, m]) => [f, tr(m.key, m.values)]));
  const headers: Record<string, string> = {};
  if (error.status === 429 && typeof error.values.seconds === 'number') headers['Retry-After'] = String(error.values.seconds);
  return NextResponse.json({ error: { code: error.messageKey, message: tr(error.messageKey, error.values), fields } }, { status: error.status, headers });
}

export async function currentActor(req: NextRequest, db: Db): Promise<Actor | null> {
  const token = await unsealSessionToken(db, req.cookies.get(SESSION_COOKIE)?.value);
  return token ? validateSession(db, token) : null;
}

async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new DomainError(413, 'tooLarge');
  // a DELETE (signing out) needs no body; POST and PATCH bodies must be JSON
  if (req.method === 'DELETE' && text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError(400, 'badJson');
  }
}

export function parseId(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > 2 ** 31) throw new DomainError(404, 'notFound');
  return Number(value);
}

/**
 * Wraps a route handler. The handler returns { status, body } (or a Response). Writes need a same-origin request;
 * a POST with an Idempotency-Key answers a repeat with the first result instead of doing the work twice.
 */
export function api<P = Record<string, never>>(
  access: Access,
  handler: (ctx: ApiContext<P>) => Promise<IdempotentResult | Response> | IdempotentResult | Response,
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    return withServerTiming(await respond(req, context), started);
  };

  async function respond(req: NextRequest, context: { params: Promise<P> }): Promise<Response> {
    const locale = apiLocale(req);
    try {
      const isWrite = WRITE_METHODS.has(req.method);
      if (isWrite && !isSameOrigin(req.headers, req.url)) throw new DomainError(403, 'crossOrigin');
      const db = ensureLedger();
      const actor = access === 'public' ? null : await currentActor(req, db);
      if (access !== 'public') {
        if (!actor) throw new DomainError(401, 'unauthorized');
        if (!can(actor, access)) throw new DomainError(403, 'forbidden');
      }
      const body = isWrite ? await readJson(req) : undefined;
      const params = await context.params;
      const run = () => handler({ req, db, actor: actor!, params, locale, body });
      const key = req.method === 'POST' ? req.headers.get('idempotency-key') : null;
      const result = key && actor ? await replayIdempotent(db, actor, key, `${req.method} ${new URL(req.url).pathname}`, run) : await run();
      if (result instanceof Response) return result;
      return NextResponse.json(result.body, { status: result.status });
    } catch (error) {
      if (error instanceof DomainError) return errorResponse(locale, error);
      const storage = storageFailure(error);
      console.error(JSON.stringify({ level: 'error', at: new Date().toISOString(), method: req.method, path: new URL(req.url).pathname, code: storage, error: String(error) }));
      // a full or read-only disk is not the request's fault: say the ledger cannot be written now (nothing was)
      return errorResponse(locale, storage ? new DomainError(503, 'ledgerUnavailable') : new DomainError(500, 'serverError'));
    }
  }
}

/** The handler's own time (authentication, work, serialisation) as `Server-Timing: app;dur=…`, read by `npm run bench`. */
function withServerTiming(response: Response, started: number): Response {
  try {
    response.headers.set('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`);
  } catch {
    // a response with immutable headers (a redirect built elsewhere) keeps its own
  }
  return response;
}
