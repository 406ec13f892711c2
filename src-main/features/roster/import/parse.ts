import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../../../lib/errors';

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

/** More rows than any property roster has; beyond this the file is split into batches. */
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
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    fail(`「${fileName}」是旧版 Excel 97-2003（.xls）文件，无法直接导入。${SAVE_AS}`);
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

/** CSV with comma, semicolon or tab delimiters (papaparse guesses); quoted fields may span lines. */
export function parseCsv(text: string): RawRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const res = Papa.parse<string[]>(body, { header: false, delimiter: '', delimitersToGuess: [',', '\t', ';', '|'], skipEmptyLines: false });
  const rows: RawRow[] = [];
  // Excel shows one row per record (a quoted line break stays inside its cell), so record index + 1 is the row number.
  res.data.forEach((cells, i) => {
    if (!Array.isArray(cells) || isEmptyRow(cells)) return;
    rows.push({ n: i + 1, cells });
  });
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

/** The first worksheet (in tab order) of a workbook. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    fail(`无法读取「${fileName}」：文件可能已损坏、加密（设了打开密码），或不是 Excel 工作簿。${SAVE_AS}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) return fail(`「${fileName}」里没有工作表。${SAVE_AS}`);
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as XlsxValue[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(xlsxCell(values[c]));
    if (!isEmptyRow(cells)) rows.push({ n, cells });
  });
  return rows;
}

/** Reads a roster file into raw rows. Throws AppError('IMPORT_FAILED') with a next step when it cannot. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  const format = sniffFormat(bytes, fileName);
  let table: Table;
  if (format === 'xlsx') {
    table = { format, encoding: 'XLSX', rows: await readXlsx(bytes, fileName) };
  } else {
    const { text, encoding } = decodeText(bytes);
    table = { format, encoding, rows: parseCsv(text) };
  }
  if (table.rows.length === 0) fail(`「${fileName}」里没有任何内容：请确认选对了文件，名册应在第一个工作表里。`);
  if (table.rows.length > MAX_ROWS + 1) fail(`文件有 ${table.rows.length.toLocaleString('zh-CN')} 行，超过一次最多 ${MAX_ROWS.toLocaleString('zh-CN')} 行：请按楼栋拆成几个文件分批导入。`);
  return table;
}
