/**
 * Puts a workbook's small parts (relationships, workbook, styles, shared strings) before its worksheets.
 *
 * exceljs' streaming reader reads a zip front to back. When a worksheet comes before the shared strings
 * (Excel, WPS and exceljs itself all write it that way) the reader cannot resolve the worksheet's cells
 * yet, so it first copies the whole worksheet to a temporary file and parses it only at the end: a
 * 10 MB workbook with millions of rows would be unpacked to hundreds of MB on disk before the first row
 * is seen, and the row limit could not stop the reading early. The file is in memory already, so this
 * only re-orders its local records (each record is header + data + optional descriptor, moved as is;
 * nothing is decompressed). The streaming parser does not use the central directory, which is kept.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** The parts the worksheets need, in the order the reader wants them. */
const FIRST = ['_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

interface Entry {
  name: string;
  offset: number;
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)) >>> 0;
}

function endRecord(b: Uint8Array): number {
  // 22 bytes of end record, then at most a 64 KB comment
  for (let at = b.length - 22; at >= 0 && at >= b.length - 22 - 0xffff; at--) if (u32(b, at) === END) return at;
  return -1;
}

/** The entries named by the central directory, or null when the zip is not a plain (non-zip64) archive. */
function entries(b: Uint8Array): { list: Entry[]; directory: number } | null {
  const end = endRecord(b);
  if (end < 0) return null;
  const count = u16(b, end + 10);
  const size = u32(b, end + 12);
  const directory = u32(b, end + 16);
  if (count === 0xffff || directory === 0xffffffff || directory + size > end) return null;
  const list: Entry[] = [];
  const names = new TextDecoder('utf-8');
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(b, at) !== CENTRAL) return null;
    const nameLength = u16(b, at + 28);
    const skip = nameLength + u16(b, at + 30) + u16(b, at + 32);
    const offset = u32(b, at + 42);
    if (offset >= directory || u32(b, offset) !== LOCAL) return null;
    list.push({ name: names.decode(b.subarray(at + 46, at + 46 + nameLength)), offset });
    at += 46 + skip;
  }
  return { list, directory };
}

/**
 * The same zip with the workbook parts moved to the front. Returns the bytes unchanged (and `moved: false`)
 * when the archive is not one this can read safely; the streaming reader then still reads it, the slow way.
 */
export function workbookPartsFirst(bytes: Uint8Array): { bytes: Uint8Array; moved: boolean } {
  const found = entries(bytes);
  if (!found || found.list.length === 0) return { bytes, moved: false };
  const byOffset = [...found.list].sort((a, b) => a.offset - b.offset);
  if ((byOffset[0] as Entry).offset !== 0) return { bytes, moved: false }; // data before the first record (self-extractor)
  const records = byOffset.map((e, i) => ({ name: e.name, from: e.offset, to: i + 1 < byOffset.length ? (byOffset[i + 1] as Entry).offset : found.directory }));
  if (records.some((r) => r.to <= r.from)) return { bytes, moved: false };
  const rank = (name: string) => {
    const i = FIRST.indexOf(name);
    return i < 0 ? FIRST.length : i;
  };
  const ordered = records.map((r, i) => ({ ...r, i })).sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i);
  const out = new Uint8Array(bytes.length);
  let at = 0;
  for (const r of ordered) {
    out.set(bytes.subarray(r.from, r.to), at);
    at += r.to - r.from;
  }
  out.set(bytes.subarray(found.directory), at);
  return { bytes: out, moved: true };
}
