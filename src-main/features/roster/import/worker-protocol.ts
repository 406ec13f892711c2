import type { ErrorParams } from '../../../lib/errors';
import type { FileChecked } from './check-file';
import type { ReadProgress } from './parse';
import type { CheckedRow } from './validate';

/** Messages between the import service and its worker thread. */
export interface WorkerIn {
  /** The file, transferred (not copied) to the worker. */
  bytes: ArrayBuffer;
  fileName: string;
  maxRows: number;
}

export type WorkerOut =
  /** the worker's code has loaded (a failure before this is a start-up failure, not a bad file) */
  | { t: 'ready' }
  | ({ t: 'progress' } & ReadProgress)
  | { t: 'rows'; rows: CheckedRow[] }
  | ({ t: 'done' } & FileChecked)
  /** message null: not an AppError (a bug or a broken file the reader choked on) */
  | { t: 'fail'; message: string | null; params?: ErrorParams };
