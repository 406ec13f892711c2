import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { workbookPartsFirst } from './zip-order';

/**
 * The first worksheet of a workbook, row by row, without loading the workbook: exceljs' streaming reader
 * over the file's bytes. Memory stays at the shared-string table plus one chunk of the worksheet, and the
 * caller can stop at any row (the rest of the file is then never unpacked).
 */

const CHUNK = 64 * 1024;

type XlsxValue = ExcelJS.CellValue | undefined;

export interface XlsxRow {
  /** 1-based row number as Excel shows it. */
  n: number;
  /** Cell values from column A (index 0) on. */
  values: XlsxValue[];
}

/**
 * The bytes as a stream of 64 KB chunks that reports how far the reader has got. The reader pipes it
 * into its unzipper; each file it unpacks is set to decode as UTF-8 there, because exceljs decodes every
 * chunk on its own and would split a Chinese character that straddles two chunks into two U+FFFD.
 */
function chunks(bytes: Uint8Array, onRead: (bytesRead: number) => void): Readable {
  let at = 0;
  const stream = new Readable({
    highWaterMark: CHUNK,
    read() {
      if (at >= bytes.length) {
        this.push(null);
        return;
      }
      const end = Math.min(bytes.length, at + CHUNK);
      const piece = Buffer.from(bytes.buffer, bytes.byteOffset + at, end - at);
      at = end;
      onRead(at);
      this.push(piece);
    },
  });
  const pipe = stream.pipe.bind(stream);
  stream.pipe = <T extends NodeJS.WritableStream>(unzip: T, opts?: { end?: boolean }): T => {
    // the unzipper yields one stream per file in the zip, before any of its bytes
    (unzip as unknown as Readable).on('data', (file: { setEncoding?: (e: BufferEncoding) => unknown }) => file.setEncoding?.('utf8'));
    return pipe(unzip, opts);
  };
  return stream;
}

interface SheetInfo {
  name: string;
}
/** The parts of exceljs' streaming reader this relies on beyond its typings (exceljs is pinned). */
interface ReaderInternals {
  model?: { sheets?: SheetInfo[] };
  sharedStrings?: unknown[];
}

/**
 * Yields the non-null rows of the first worksheet in tab order. `onRead` is told how many bytes of the file
 * have been taken in so far (for progress, and for the tests that check a stop really stops the reading).
 * Stopping the iteration (break / return / throw in the loop) stops the reading.
 */
export async function* xlsxRows(bytes: Uint8Array, onRead: (bytesRead: number) => void = () => {}): AsyncGenerator<XlsxRow> {
  const ordered = workbookPartsFirst(bytes);
  const input = chunks(ordered.bytes, onRead);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date cells are told apart from numbers by their number format
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  // The parts are in order now, so a workbook without a shared-string table has none to wait for: without
  // this the reader would spool each worksheet to a temporary file first, waiting for one that never comes.
  if (ordered.moved) internals.sharedStrings = [];
  try {
    for await (const sheet of reader) {
      const tabs = internals.model?.sheets ?? [];
      const name = (sheet as unknown as SheetInfo).name;
      // skip only sheets known to be other tabs; an unmatched one (odd relationships) is read as the first
      if (tabs.length > 0 && tabs.some((t) => t.name === name) && tabs[0]?.name !== name) continue;
      for await (const row of sheet) {
        const values = row.values as XlsxValue[];
        yield { n: row.number, values: values.slice(1) };
      }
      return;
    }
  } finally {
    input.destroy();
  }
}
