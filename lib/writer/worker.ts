// The writer thread (started by lib/writer/thread.ts): its own connection to the ledger file, on which it runs the
// write use cases requests send it. Jobs that arrive together are committed together (lib/write-batch.ts), and each is
// answered once its batch is committed: the same guarantee as writing on the request's own connection.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@/db/client';
import { deferCheckpoints } from '@/lib/ops/checkpointer';
import { commitTogether } from '@/lib/write-batch';
import { errorData, type Outcome } from './outcome';
import type { FromWriter, ToWriter, WriterData } from './protocol';
import { isWriteName, runWrite } from './use-cases';

const port = parentPort!;
const { file, deferCheckpoints: checkpointedElsewhere } = workerData as WriterData;
// the server opened this file (and checked it) before starting this thread
const handle = openDatabase(file, { alreadyChecked: true });
if (checkpointedElsewhere) deferCheckpoints(handle.sqlite);
// 16 MB of pages: a province-scale write touches some fifty index and roll-up pages, and measured at 1,000,000 pledges
// this records as fast as 32 MB did, with the server's memory (both threads, both connections) under 400 MB
handle.sqlite.pragma('cache_size = -16384');

let pending = 0;
let stopping = false;
const send = (message: FromWriter) => port.postMessage(message);

function closeWhenIdle(): void {
  if (!stopping || pending > 0) return;
  handle.sqlite.close();
  port.close();
}

port.on('message', (message: ToWriter) => {
  if (message.kind === 'stop') {
    stopping = true;
    return closeWhenIdle();
  }
  for (const job of message.jobs) {
    pending++;
    const settle = (outcome: Outcome) => {
      pending--;
      send({ kind: 'done', id: job.id, outcome });
      closeWhenIdle();
    };
    if (!isWriteName(job.name)) {
      settle({ ok: false, error: errorData(new Error(`no write use case named "${job.name}"`)) });
      continue;
    }
    const name = job.name;
    commitTogether(handle.db, () => runWrite(handle.db, name, job.actor, JSON.parse(job.args) as unknown[])).then(
      (value) => settle({ ok: true, value }),
      (error: unknown) => settle({ ok: false, error: errorData(error) }),
    );
  }
});

send({ kind: 'ready' });
