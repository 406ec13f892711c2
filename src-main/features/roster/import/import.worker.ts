import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../lib/errors';
import { checkFile } from './check-file';
import type { WorkerIn, WorkerOut } from './worker-protocol';

/** The roster import's read-and-check pass, in a worker thread: the main thread keeps answering calls meanwhile. */
const input = workerData as WorkerIn;
const post = (m: WorkerOut) => parentPort?.postMessage(m);

post({ t: 'ready' });

checkFile(new Uint8Array(input.bytes), input.fileName, { progress: (p) => post({ t: 'progress', ...p }), rows: (rows) => post({ t: 'rows', rows }) }, { maxRows: input.maxRows }).then(
  (done) => post({ t: 'done', ...done }),
  (e: unknown) => post(isAppError(e) ? { t: 'fail', message: e.message, ...(e.params ? { params: e.params } : {}) } : { t: 'fail', message: null }),
);
