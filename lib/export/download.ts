// HTTP answers for downloads: the file's type, and its name in the person's language with an ASCII fallback.
import { todayInChina } from '../time';

export function attachment(body: Buffer | string | ReadableStream<Uint8Array>, type: string, asciiName: string, localName: string): Response {
  const date = todayInChina();
  const ext = asciiName.slice(asciiName.lastIndexOf('.'));
  const base = (n: string) => `${n.slice(0, n.lastIndexOf('.'))}-${date}${ext}`;
  return new Response(typeof body === 'string' || body instanceof ReadableStream ? body : new Uint8Array(body), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${base(asciiName)}"; filename*=UTF-8''${encodeURIComponent(base(localName))}`,
      'Cache-Control': 'no-store',
    },
  });
}
