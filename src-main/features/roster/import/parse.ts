import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError, isAppError } from '../../../lib/errors';
import { xlsxRows } from './xlsx-stream';

/**
 * Bytes → a table of raw cells, with the row numbers the user sees in Excel.
 * Knows about file formats and text encodings only; no roster rules here.
 */

/** One cell as read: text (CSV, or a text cell), a number, or a date (XLSX date cells). */
export type Cell = string | number | Date | null;

export interface RawRow {
  /** 1-based row number as Excel shows it (header included). */
  n: number;
  cells: Cell[];
}

export type FileFormat = 'csv' | 'xlsx';

export interface Table {
  format: FileFormat;
  /** 'UTF-8', 'GB18030', 'UTF-16LE' for text files; 'XLSX' for workbooks. */
  encoding: string;
  /** Non-empty rows only, in file order. */
  rows: RawRow[];
}

/** More rows than any property roster has; beyond this the file is split into batches (checked while reading). */
export const MAX_ROWS = 200_000;

const SAVE_AS = '请在 Excel 或 WPS 中打开该文件，另存为「Excel 工作簿（.xlsx）」或「CSV UTF-8（逗号分隔）」后重试。';

const fail = (message: string): never => {
  throw new AppError('IMPORT_FAILED', message);
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Picks the format by content, not by the file name: a zip (`PK\x03\x04`) is a workbook, text is CSV.
 * Legacy .xls, PDFs, images and other binaries are refused with a message that says what to do.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): FileFormat {
  if (bytes.length === 0) fail('文件是空的（0 字节）：请确认选对了文件。');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) fail(`「${fileName}」是旧版 Excel 97-2003（.xls）文件，无法直接导入。${SAVE_AS}`);
  if (startsWith(bytes, [0x50, 0x4b])) fail(`「${fileName}」是损坏或加密的压缩文件，无法读取。${SAVE_AS}`);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) fail(`「${fileName}」是 PDF 文件，无法导入名册。${SAVE_AS}`);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'csv'; // UTF-16 text ("Unicode 文本")
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) fail(`无法识别「${fileName}」的文件格式（不是表格文件）。${SAVE_AS}`);
  return 'csv';
}

/**
 * Text encoding of a CSV: a strict UTF-8 decode first (with or without BOM); when that fails the
 * file came from Chinese Excel's plain "CSV" and is GBK, read as its superset GB18030.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // A UTF-8 file with a few broken bytes (e.g. one cell pasted from a GBK file) stays UTF-8: the broken
    // cells then show U+FFFD and the row check reports them. GBK text read as UTF-8 is nearly all U+FFFD.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    let bad = 0;
    let good = 0;
    for (const ch of lenient) {
      if (ch === '\uFFFD') bad++;
      else if (ch.charCodeAt(0) > 0x7f) good++;
    }
    if (good >= 4 * bad) return { text: lenient, encoding: 'UTF-8' };
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'GB18030' };
  }
}

function isBlank(c: Cell): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

export function isEmptyRow(cells: Cell[]): boolean {
  return cells.every(isBlank);
}

/** Text or workbook: what readRows found. */
export interface ReadInfo {
  format: FileFormat;
  encoding: string;
  /** Non-empty rows handed over (at most maxRows + 1). */
  rows: number;
}

export interface ReadProgress {
  /** How far into the file the reader has got (bytes of the file as uploaded). */
  bytesRead: number;
  totalBytes: number;
  /** Non-empty rows read so far. */
  rows: number;
}

export interface ReadOptions {
  /** Rows allowed besides the header (default MAX_ROWS); the row after them stops the reading. */
  maxRows?: number;
  onProgress?: (p: ReadProgress) => void;
}

/** Refused as soon as the row after the limit is seen: nothing past it is read. */
export function tooManyRows(maxRows: number, rowNumber: number): AppError {
  const max = maxRows.toLocaleString('zh-CN');
  return new AppError(
    'IMPORT_FAILED',
    `文件超过 ${max} 行，一次最多导入 ${max} 行住户（读到第 ${rowNumber.toLocaleString('zh-CN')} 行时已停止读取）：请按楼栋把名册拆成几个文件，每个不超过 ${max} 行，分批导入。`,
    { maxRows, row: rowNumber },
  );
}

/** Counts the non-empty rows and refuses the one past the limit (the header row comes on top of maxRows). */
function rowGate(maxRows: number, onRow: (row: RawRow) => void): (row: RawRow) => number {
  let rows = 0;
  return (row) => {
    if (rows >= maxRows + 1) throw tooManyRows(maxRows, row.n);
    rows++;
    onRow(row);
    return rows;
  };
}

/** CSV with comma, semicolon or tab delimiters (papaparse guesses); quoted fields may span lines. Stops at the row limit. */
function readCsv(text: string, totalBytes: number, gate: (row: RawRow) => number, onProgress: ReadOptions['onProgress']): number {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let record = 0;
  let rows = 0;
  let stop: unknown = null;
  Papa.parse<string[]>(body, {
    header: false,
    delimiter: '',
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: false,
    step: (res, parser) => {
      // Excel shows one row per record (a quoted line break stays inside its cell), so record index + 1 is the row number.
      record++;
      const cells = res.data;
      if (!Array.isArray(cells) || isEmptyRow(cells)) return;
      try {
        rows = gate({ n: record, cells });
      } catch (e) {
        stop = e;
        parser.abort();
        return;
      }
      if (onProgress && rows % PROGRESS_ROWS === 0)
        onProgress({ bytesRead: Math.round((res.meta.cursor / Math.max(1, body.length)) * totalBytes), totalBytes, rows });
    },
  });
  if (stop) throw stop;
  return rows;
}

const PROGRESS_ROWS = 1_000;

/** CSV text → non-empty rows, with the row numbers Excel shows. */
export function parseCsv(text: string): RawRow[] {
  const rows: RawRow[] = [];
  readCsv(
    text,
    text.length,
    rowGate(Number.MAX_SAFE_INTEGER - 1, (r) => rows.push(r)),
    undefined,
  );
  return rows;
}

type XlsxValue = ExcelJS.CellValue | undefined;

/** An XLSX cell value as plain text / number / date: rich text joined, formulas by their cached result. */
export function xlsxCell(v: XlsxValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return xlsxCell((v as ExcelJS.CellFormulaValue).result as XlsxValue);
    if ('error' in v) return String(v.error);
    if ('text' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof t === 'string' ? t : xlsxCell(t as XlsxValue);
    }
  }
  return null;
}

/** The first worksheet (in tab order) of a workbook, streamed: stops reading at the row limit. */
async function readXlsx(bytes: Uint8Array, fileName: string, gate: (row: RawRow) => number, onProgress: ReadOptions['onProgress']): Promise<number> {
  let bytesRead = 0;
  let rows = 0;
  try {
    for await (const row of xlsxRows(bytes, (n) => (bytesRead = n))) {
      const cells: Cell[] = [];
      for (let c = 0; c < row.values.length; c++) cells.push(xlsxCell(row.values[c]));
      if (isEmptyRow(cells)) continue;
      rows = gate({ n: row.n, cells });
      if (onProgress && rows % PROGRESS_ROWS === 0) onProgress({ bytesRead, totalBytes: bytes.length, rows });
    }
  } catch (e) {
    if (isAppError(e)) throw e;
    fail(`无法读取「${fileName}」：文件可能已损坏、加密（设了打开密码），或不是 Excel 工作簿。${SAVE_AS}`);
  }
  return rows;
}

/**
 * Reads a roster file row by row: each non-empty row goes to `onRow` in file order. A file with more than
 * `maxRows` data rows is refused with IMPORT_FAILED as soon as the row after the limit is seen, before the
 * rest of the file is read. Other unreadable files: IMPORT_FAILED with a next step.
 */
export async function readRows(bytes: Uint8Array, fileName: string, onRow: (row: RawRow) => void, opts: ReadOptions = {}): Promise<ReadInfo> {
  const format = sniffFormat(bytes, fileName);
  const gate = rowGate(opts.maxRows ?? MAX_ROWS, onRow);
  if (format === 'xlsx') return { format, encoding: 'XLSX', rows: await readXlsx(bytes, fileName, gate, opts.onProgress) };
  const { text, encoding } = decodeText(bytes);
  return { format, encoding, rows: readCsv(text, bytes.length, gate, opts.onProgress) };
}

/** The message for a file with no rows at all. */
export const emptyFile = (fileName: string): AppError =>
  new AppError('IMPORT_FAILED', `「${fileName}」里没有任何内容：请确认选对了文件，名册应在第一个工作表里。`);

/** Reads a whole roster file into raw rows (the row limit applies). Throws AppError('IMPORT_FAILED') with a next step when it cannot. */
export async function readTable(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<Table> {
  const rows: RawRow[] = [];
  const info = await readRows(bytes, fileName, (r) => rows.push(r), opts);
  if (rows.length === 0) throw emptyFile(fileName);
  return { format: info.format, encoding: info.encoding, rows };
}
