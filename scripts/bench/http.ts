// A minimal keep-alive HTTP client for sequential measurements: client-side time and the handler's Server-Timing.
import http from 'node:http';
import { BenchError } from './errors';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; clientMs: number; serverMs: number | null };

/** `app;dur=12.34` → 12.34 (null when the response carries no app timing, as pages and static files do not). */
export function serverTiming(header: string | string[] | undefined): number | null {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const m = /(?:^|,)\s*app;dur=([\d.]+)/.exec(text);
  return m ? Number(m[1]) : null;
}

class StaleSocketError extends Error {}

export class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  cookie = '';

  constructor(readonly origin: string) {}

  /**
   * Sends one request and reads the whole response; `clientMs` runs from sending to the last byte. A kept-alive socket
   * the server closed while idle (its keep-alive timeout) fails on reuse: that request is sent again once, on a new socket.
   */
  async request(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    try {
      return await this.send(method, path, opts);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return this.send(method, path, opts);
    }
  }

  private send(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> }): Promise<Reply> {
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
    const headers: Record<string, string> = { accept: 'application/json, text/html', ...opts.headers };
    // API reads skip the figure cache (lib/ledger-cache.ts), so that what is timed is the computation itself;
    // pages are timed as people get them (a repeat view of an unchanged ledger comes from the cache)
    if (method === 'GET' && path.startsWith('/api/')) headers['cache-control'] = 'no-cache';
    if (this.cookie) headers.cookie = this.cookie;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
      headers.origin = this.origin;
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(`${this.origin}${path}`, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            clientMs: performance.now() - started,
            serverMs: serverTiming(res.headers['server-timing']),
          }),
        );
      });
      req.setTimeout(120_000, () => req.destroy(new BenchError(`${method} ${path}: no answer within 120 s`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        reject(stale ? new StaleSocketError(error.message) : error);
      });
      req.end(payload);
    });
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.request(method, path, { body });
    if (reply.status < 200 || reply.status > 299) throw new BenchError(`${method} ${path} answered ${reply.status}: ${reply.body.toString('utf8').slice(0, 300)}`);
    return JSON.parse(reply.body.toString('utf8')) as T;
  }

  /** Signs in through the API and keeps the session cookie for every later request (pages included). */
  async signIn(username: string, password: string): Promise<void> {
    const reply = await this.request('POST', '/api/v1/session', { body: { username, password } });
    if (reply.status !== 200) throw new BenchError(`signing in as ${username} failed with ${reply.status}: ${reply.body.toString('utf8').slice(0, 300)}`);
    const setCookie = reply.headers['set-cookie'] ?? [];
    this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    if (!this.cookie) throw new BenchError('signing in returned no session cookie');
  }

  close(): void {
    this.agent.destroy();
  }
}
