import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../lib/errors';
import { checkFile } from './check-file';
import type { CheckedRow } from './validate';
import type { WorkerIn, WorkerOut } from './worker-protocol';

/**
 * The roster import's read-and-check pass, in a worker thread: the main thread keeps answering calls meanwhile.
 * The checked rows stay here until the whole file has passed (a file over the row limit costs the main
 * thread nothing), then go over one batch per request, so each batch is a short task of its own there.
 */
const input = workerData as WorkerIn;
const post = (m: WorkerOut) => parentPort?.postMessage(m);
const batches: Array<CheckedRow[] | undefined> = [];
let next = 0;

post({ t: 'ready' });
parentPort?.on('message', (m: 'next') => {
  if (m !== 'next') return;
  const rows = batches[next];
  batches[next++] = undefined;
  post({ t: 'rows', rows: rows ?? [], last: next >= batches.length });
});

checkFile(
  new Uint8Array(input.bytes),
  input.fileName,
  { progress: (p) => post({ t: 'progress', ...p }), rows: (rows) => batches.push(rows) },
  { maxRows: input.maxRows },
).then(
  (done) => post({ t: 'done', ...done, batches: batches.length }),
  (e: unknown) => post(isAppError(e) ? { t: 'fail', message: e.message, ...(e.params ? { params: e.params } : {}) } : { t: 'fail', message: null }),
);
