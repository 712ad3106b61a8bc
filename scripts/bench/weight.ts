// The overview's first-load JavaScript as a browser gets it: every <script src> in the page's HTML, fetched and gzipped.
import zlib from 'node:zlib';
import type { Client } from './http';
import { BenchError } from './errors';

export type PageWeight = { chunks: number; rawBytes: number; gzipBytes: number; files: { src: string; gzipBytes: number }[] };

export async function firstLoadJs(client: Client, path: string): Promise<PageWeight> {
  const page = await client.request('GET', path, { headers: { accept: 'text/html' } });
  if (page.status !== 200) throw new BenchError(`GET ${path} answered ${page.status}`);
  const html = page.body.toString('utf8');
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))];
  const files: PageWeight['files'] = [];
  let rawBytes = 0;
  for (const src of sources) {
    const url = new URL(src, client.origin);
    if (url.origin !== client.origin) continue;
    const reply = await client.request('GET', url.pathname + url.search);
    if (reply.status !== 200) throw new BenchError(`GET ${src} answered ${reply.status}`);
    rawBytes += reply.body.length;
    // level 9, as the gzip-size figures of Next's build output used to be
    files.push({ src, gzipBytes: zlib.gzipSync(reply.body, { level: 9 }).length });
  }
  return { chunks: files.length, rawBytes, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0), files };
}
