// Downloads written as they are read: a whole ledger at national scale does not fit in the server's memory at once.
import 'server-only';
import { openReadSnapshot, type Db } from '@/db/client';
import { pledgeDetails, type PledgeDetail, type Reader } from '@/db/queries/pledges';
import { pledgeIdsAfter } from '@/db/queries/open-data';

/** Rows per page read for a download. */
export const DOWNLOAD_PAGE = 500;

/** Lets the event loop go, so that other requests go on between two pages of a large download. */
export const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The items, then `close` once they are done, failed or abandoned (a download cancelled half way). */
export async function* closing<T>(items: AsyncIterable<T>, close: () => void): AsyncGenerator<T> {
  try {
    yield* items;
  } finally {
    close();
  }
}

/**
 * A download of the ledger as of this moment: `write` reads from a snapshot of its own (see openReadSnapshot), closed
 * when the last chunk is out or the download is cancelled.
 */
export function fromSnapshot<T>(db: Db, write: (reader: Reader) => AsyncIterable<T>): AsyncIterable<T> {
  const snapshot = openReadSnapshot(db);
  return closing(write(snapshot.reader), snapshot.close);
}

/** Text chunks as a byte stream, gathered into pieces of about 64 kB. */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let piece = '';
      while (piece.length < 65_536) {
        const next = await iterator.next();
        if (next.done) {
          if (piece) controller.enqueue(encoder.encode(piece));
          controller.close();
          return;
        }
        piece += next.value;
      }
      controller.enqueue(encoder.encode(piece));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** Rows in id order, a page at a time by keyset (`id > after`): each page as cheap as the first, the event loop let go between. */
export async function* pagesById<T>(page: (afterId: number) => T[], idOf: (row: T) => number): AsyncGenerator<T[]> {
  for (let after = 0; ; ) {
    const rows = page(after);
    if (!rows.length) return;
    yield rows;
    after = idOf(rows[rows.length - 1]!);
    await nextTurn();
  }
}

/** Every pledge (voided ones included) in id order, a page at a time. */
export async function* everyPledgePage(reader: Reader): AsyncGenerator<PledgeDetail[]> {
  for await (const ids of pagesById((after) => pledgeIdsAfter(reader, after, DOWNLOAD_PAGE), (id) => id)) yield pledgeDetails(reader, ids);
}
