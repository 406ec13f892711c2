/**
 * The length-prefixed commands of the test decoder: barcodes (GS k), rasters (GS v 0, GS 8 L, GS ( L) and
 * GS ( k. Each reads from `at` and says where the next command starts; a length field that points past the
 * data or disagrees with the content is an error, which is how a lost length byte gets caught.
 */
import iconv from 'iconv-lite';
import { decodeCode128, type Bitmap, type Code128 } from './escpos-symbols';

export interface Op {
  at: number;
  /** e.g. 'ESC @', 'GS k', 'FS &', 'text' */
  cmd: string;
  args: number[];
}

export interface BarcodeOp {
  at: number;
  system: number;
  declaredLength: number;
  raw: Uint8Array;
  code128?: Code128;
  moduleWidth: number;
  height: number;
  hri: number;
  widthDots?: number;
}

export interface RasterOp extends Bitmap {
  at: number;
  cmd: string;
}

export interface Block {
  next: number;
  errors: string[];
  op?: Op;
  barcode?: BarcodeOp;
  raster?: RasterOp;
  qrData?: string;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const truncated = (b: Uint8Array, at: number, n: number, what: string): Block | null =>
  at + n <= b.length ? null : { next: b.length, errors: [`${what} truncated: needs ${n} more bytes, ${b.length - at} left`] };

/** GS k m d1…dk NUL (m 0–6) or GS k m n d1…dn (m 65–79); m 73 is CODE128. */
export function readBarcode(b: Uint8Array, at: number, bar: { bw: number; bh: number; hri: number }): Block {
  const short = truncated(b, at, 4, 'GS k');
  if (short) return short;
  const m = b[at + 2]!;
  let raw: Uint8Array;
  let next: number;
  if (m <= 6) {
    const end = b.indexOf(0, at + 3);
    if (end < 0) return { next: b.length, errors: ['GS k (NUL-terminated form) has no NUL'] };
    raw = b.slice(at + 3, end);
    next = end + 1;
  } else if (m >= 65 && m <= 79) {
    const n = b[at + 3]!;
    const cut = truncated(b, at + 4, n, `GS k ${m} data`);
    if (cut) return cut;
    raw = b.slice(at + 4, at + 4 + n);
    next = at + 4 + n;
  } else return { next: at + 3, errors: [`GS k: unknown barcode system ${m}`] };
  const barcode: BarcodeOp = { at, system: m, declaredLength: raw.length, raw, moduleWidth: bar.bw, height: bar.bh, hri: bar.hri };
  const errors: string[] = [];
  if (m === 73) {
    barcode.code128 = decodeCode128(raw);
    if (!barcode.code128.ok) errors.push(barcode.code128.error ?? 'bad CODE128');
    barcode.widthDots = barcode.code128.modules * bar.bw;
  }
  return { next, errors, barcode, op: { at, cmd: 'GS k', args: [m, raw.length] } };
}

/** GS v 0 m xL xH yL yH d1…dk with k = x·y (x in bytes a row). */
export function readRasterV0(b: Uint8Array, at: number): Block {
  const short = truncated(b, at, 8, 'GS v 0');
  if (short) return short;
  if (b[at + 2] !== 0x30) return { next: at + 3, errors: ['GS v without 0'] };
  const bytesPerRow = u16(b, at + 4);
  const rows = u16(b, at + 6);
  const cut = truncated(b, at + 8, bytesPerRow * rows, 'GS v 0 raster');
  if (cut) return cut;
  const data = b.slice(at + 8, at + 8 + bytesPerRow * rows);
  return {
    next: at + 8 + bytesPerRow * rows,
    errors: [],
    raster: { at, cmd: 'GS v 0', widthDots: bytesPerRow * 8, heightDots: rows, bytesPerRow, data },
    op: { at, cmd: 'GS v 0', args: [b[at + 3]!, bytesPerRow, rows] },
  };
}

/** GS 8 L (32-bit length) and GS ( L / GS ( k (16-bit length): the length must match the content. */
export function readBlock(b: Uint8Array, at: number, f: number): Block {
  const big = f === 0x38;
  const short = truncated(b, at, big ? 7 : 5, 'GS block');
  if (short) return short;
  const kind = String.fromCharCode(b[at + 2]!);
  const cmd = `GS ${String.fromCharCode(f)} ${kind}`;
  const p = big ? (b[at + 3]! | (b[at + 4]! << 8) | (b[at + 5]! << 16) | (b[at + 6]! << 24)) >>> 0 : u16(b, at + 3);
  const body = at + (big ? 7 : 5);
  const cut = truncated(b, body, p, cmd);
  if (cut) return cut;
  const fn = b[body + 1];
  const r: Block = { next: body + p, errors: [], op: { at, cmd, args: [p, b[body]!, fn ?? -1] } };
  if (kind === 'L' && fn === 112) {
    // store raster: m fn a bx by c xL xH yL yH d1…dk, k = ceil(x/8)·y
    const w = u16(b, body + 6);
    const h = u16(b, body + 8);
    const bytesPerRow = Math.ceil(w / 8);
    if (p !== 10 + bytesPerRow * h) r.errors.push(`${cmd}: length ${p} but ${w}×${h} raster needs ${10 + bytesPerRow * h}`);
    else r.raster = { at, cmd, widthDots: w, heightDots: h, bytesPerRow, data: b.slice(body + 10, body + p) };
  } else if (kind === 'k' && b[body] === 49) {
    // QR (cn 49): fixed lengths per function; fn 80 stores the data
    const expected: Record<number, number> = { 65: 4, 67: 3, 69: 3, 81: 3 };
    if (fn === 80) r.qrData = iconv.decode(Buffer.from(b.subarray(body + 3, body + p)), 'gb18030');
    else if (fn !== undefined && expected[fn] !== undefined && expected[fn] !== p) r.errors.push(`${cmd} fn ${fn}: length ${p}, expected ${expected[fn]}`);
  } else if (kind !== 'L' && kind !== 'k') r.errors.push(`unknown block command ${cmd}`);
  return r;
}
