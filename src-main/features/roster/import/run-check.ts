import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../../lib/worker-file';
import { AppError } from '../../../lib/errors';
import { checkFile, type CheckSink, type FileChecked } from './check-file';
import type { WorkerIn, WorkerOut } from './worker-protocol';

/**
 * Runs the read-and-check pass of an import: in a worker thread for a file big enough to take more than a
 * frame (reading a workbook is CPU work the main thread must not do while the counter is in use), in the
 * main thread for a small one (a worker costs more to start than such a file takes to read).
 */

export interface CheckRun {
  result: Promise<FileChecked>;
  /** Stops the run (a cancelled or replaced import); the result then rejects with `cancelled`. */
  abort(): void;
}

export const cancelled = new Error('import cancelled');

/** Old-generation heap the worker may use: far above what a file within the limits needs (see the benchmark). */
const WORKER_HEAP_MB = 512;

const TOO_BIG = '文件内容太多，读取时超出了内存上限：请按楼栋把名册拆成几个较小的文件分批导入。';
const BROKEN = '无法读取文件：文件可能已损坏。请在 Excel 中另存为 .xlsx 或「CSV UTF-8」后重试。';
const NOT_STARTED = '读取文件的后台任务没能启动，名册没有任何改动：请重启程序后重试；如仍失败，请联系技术支持。';

export function checkInline(bytes: Uint8Array, fileName: string, sink: CheckSink, maxRows: number): CheckRun {
  return { result: checkFile(bytes, fileName, sink, { maxRows }), abort: () => {} };
}

/** The built worker (next to the bundle or one folder up from a chunk), or the TypeScript source under tsx (tests). */
function spawn(data: WorkerIn): Worker {
  return startWorker('import.worker', import.meta.url, {
    workerData: data,
    transferList: [data.bytes],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
}

export function checkInWorker(bytes: Uint8Array, fileName: string, sink: CheckSink, maxRows: number): CheckRun {
  // a copy the worker owns: the caller's Buffer may share its memory with others
  const own = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(own).set(bytes);
  let settle: ((e: Error | null, v?: FileChecked) => void) | null = null;
  const result = new Promise<FileChecked>((resolve, reject) => {
    settle = (e, v) => {
      settle = null;
      if (e) reject(e);
      else resolve(v as FileChecked);
    };
  });
  const end = (e: Error | null, v?: FileChecked) => {
    settle?.(e, v);
    void worker.terminate();
  };
  const worker = spawn({ bytes: own, fileName, maxRows });
  let heard = false;
  let checked: FileChecked | null = null;
  worker.on('message', (m: WorkerOut) => {
    heard = true;
    if (!settle || m.t === 'ready') return;
    if (m.t === 'progress') sink.progress(m);
    else if (m.t === 'done') {
      checked = { encoding: m.encoding, headerN: m.headerN, total: m.total, issues: m.issues };
      if (m.batches === 0) end(null, checked);
      else worker.postMessage('next');
    } else if (m.t === 'rows') {
      sink.rows(m.rows);
      if (m.last) end(null, checked as FileChecked);
      else worker.postMessage('next');
    } else end(m.message === null ? new AppError('IMPORT_FAILED', BROKEN) : new AppError('IMPORT_FAILED', m.message, m.params));
  });
  const failed = () => new AppError('IMPORT_FAILED', heard ? BROKEN : NOT_STARTED);
  worker.on('error', (e: Error & { code?: string }) => end(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('IMPORT_FAILED', TOO_BIG) : failed()));
  worker.on('exit', () => end(failed()));
  return { result, abort: () => end(cancelled) };
}
