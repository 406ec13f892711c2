import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, integrityCheck } from './open';

/** Full PRAGMA integrity_check on its own read-only connection, off the main thread (seconds on a large file). */
const { file, nativeBinding } = workerData as { file: string; nativeBinding?: string };
let result: { ok: boolean; problems: string[] };
try {
  const db = openDatabase(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const problems = integrityCheck(db);
    result = { ok: problems.length === 0, problems };
  } finally {
    db.close();
  }
} catch (e) {
  result = { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
}
parentPort?.postMessage(result);
