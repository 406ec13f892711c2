import { parentPort, workerData } from 'node:worker_threads';
import { auditCheck } from './audit-check';
import { expectedTriggers } from './guards';
import type { WorkerTask } from './maintenance';
import { openDatabase, integrityCheck } from './open';

/**
 * Checks that read the whole file, on their own read-only connection, off the main thread (seconds on a large
 * file): the full PRAGMA integrity_check, or the full protection check of the audit chain and ledger rows.
 */
const { task, file, nativeBinding, at, limit } = workerData as WorkerTask;
let result: unknown;
try {
  const db = openDatabase(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (task === 'audit') {
      result = auditCheck(db, {
        expected: expectedTriggers(nativeBinding),
        since: null,
        full: true,
        at: at ?? new Date().toISOString(),
        ...(limit ? { limit } : {}),
      });
    } else {
      const problems = integrityCheck(db);
      result = { ok: problems.length === 0, problems };
    }
  } finally {
    db.close();
  }
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  result = task === 'audit' ? { error: message } : { ok: false, problems: [message] };
}
parentPort?.postMessage(result);
