import type { ErrorParams } from '../../../lib/errors';
import type { FileChecked } from './check-file';
import type { ReadProgress } from './parse';
import type { CheckedRow } from './validate';

/** Messages between the import service and its worker thread. The service asks for each batch of rows with 'next'. */
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
  /** one batch of checked rows, sent after 'done' in answer to 'next' */
  | { t: 'rows'; rows: CheckedRow[]; last: boolean }
  /** the whole file passed; `batches` batches of rows are waiting */
  | ({ t: 'done'; batches: number } & FileChecked)
  /** message null: not an AppError (a bug or a broken file the reader choked on) */
  | { t: 'fail'; message: string | null; params?: ErrorParams };
