// A fresh backup as an HTTP download: copied and verified into a private temp folder, streamed, and gone afterwards.
import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupLedger } from './backup';
import { backupFileName } from './retention';

/** Streams a file handle and closes it at the end, on error, or when the client goes away. */
function streamHandle(handle: fs.promises.FileHandle): ReadableStream<Uint8Array> {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = Buffer.allocUnsafe(256 * 1024);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) {
          await close();
          controller.close();
        } else {
          controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
        }
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    cancel: close,
  });
}

/**
 * A Response carrying a consistent, verified copy of the ledger. The temp file is unlinked as soon as it is open,
 * so it disappears whatever happens to the download (finished, aborted, or the process killed).
 */
export async function backupDownloadResponse(sqlite: Database.Database, now = new Date()): Promise<Response> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-download-'));
  const name = backupFileName(now);
  try {
    const report = backupLedger(sqlite, path.join(dir, name));
    const handle = await fs.promises.open(report.file, 'r');
    return new Response(streamHandle(handle), {
      status: 200,
      headers: {
        'Content-Type': 'application/vnd.sqlite3',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Content-Length': String(report.bytes),
        'Cache-Control': 'no-store',
        'X-Ledger-Pledges': String(report.pledges),
      },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
