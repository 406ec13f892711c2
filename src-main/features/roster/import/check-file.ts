import type { ImportIssue } from '@shared/contract';
import { AppError } from '../../../lib/errors';
import { findHeader, type Header } from './columns';
import { emptyFile, MAX_ROWS, readRows, type ReadProgress, type RawRow } from './parse';
import { RowChecker, type CheckedRow } from './validate';

/**
 * Bytes → checked rows, as one pass over the file: rows are checked as they are read, so no table of raw
 * rows is kept. The same function runs in the import worker thread (large files) and in the main thread
 * (small ones); checked rows leave it in batches through the sink. No database here.
 */

/** The import keeps the first problems found; the preview lists them row by row. */
export const MAX_ISSUES = 2_000;
/** Rows per batch handed to the sink (one message from the worker). */
export const BATCH_ROWS = 2_000;
/** The header is looked for in the first rows; a few more are kept to tell full room codes (3-2-501) apart. */
const HEAD_ROWS = 120;

export interface CheckSink {
  progress(p: ReadProgress): void;
  rows(batch: CheckedRow[]): void;
}

export interface FileChecked {
  encoding: string;
  /** File row number of the header. */
  headerN: number;
  /** Data rows checked (every one went to the sink). */
  total: number;
  /** Problems found in the rows themselves, in row order (the first MAX_ISSUES). */
  issues: ImportIssue[];
}

export interface CheckOptions {
  maxRows?: number;
}

export async function checkFile(bytes: Uint8Array, fileName: string, sink: CheckSink, opts: CheckOptions = {}): Promise<FileChecked> {
  const head: RawRow[] = [];
  let header: Header | null = null;
  let checker: RowChecker | null = null;
  let batch: CheckedRow[] = [];
  let total = 0;
  const issues: ImportIssue[] = [];

  const check = (raw: RawRow) => {
    const { row, issues: found } = (checker as RowChecker).check(raw);
    for (const x of found) if (issues.length < MAX_ISSUES) issues.push(x);
    batch.push(row);
    total++;
    if (batch.length >= BATCH_ROWS) {
      sink.rows(batch);
      batch = [];
    }
  };
  const startChecking = () => {
    header = findHeader(head);
    checker = new RowChecker(header);
    for (const raw of head.slice(header.index + 1)) check(raw);
    head.length = 0;
  };

  const info = await readRows(
    bytes,
    fileName,
    (raw) => {
      if (checker) return check(raw);
      head.push(raw);
      if (head.length >= HEAD_ROWS) startChecking();
    },
    { maxRows: opts.maxRows ?? MAX_ROWS, onProgress: (p) => sink.progress(p) },
  );
  if (!checker) {
    if (head.length === 0) throw emptyFile(fileName);
    startChecking();
  }
  const h = header as unknown as Header;
  if (total === 0) throw new AppError('IMPORT_FAILED', `「${fileName}」只有表头（第 ${h.n} 行），没有住户数据：请在表头下面逐行填写住户后重试。`);
  if (batch.length > 0) sink.rows(batch);
  return { encoding: info.encoding, headerN: h.n, total, issues };
}
