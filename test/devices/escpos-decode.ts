/**
 * An independent ESC/POS decoder, the oracle of the printer tests. Written from the command reference
 * (Epson ESC/POS, with the GB18030 "Kanji mode" of Chinese printers), not from receiptline's code: it turns
 * bytes into a list of operations plus the lines a 203 dpi printer would print, and records every byte it
 * can't account for as an error, so a broken stream (a lost length byte, a truncated image, stray bytes)
 * fails the test instead of passing quietly.
 */
import iconv from 'iconv-lite';
import { readBarcode, readBlock, readRasterV0, type BarcodeOp, type Block, type Op, type RasterOp } from './escpos-blocks';

export type { BarcodeOp, Op, RasterOp } from './escpos-blocks';

export interface PrintedChar {
  ch: string;
  /** dots from the left edge of the print area */
  x: number;
  w: number;
  /** width and height multipliers (GS ! / ESC !) */
  scale: number;
  tall: number;
}
export interface Line {
  chars: PrintedChar[];
  /** characters placed on a 12-dot grid, gaps as spaces (wide characters take one string position) */
  text: string;
  /** rightmost dot used, from the left paper edge (print area offset included) */
  right: number;
}
export interface Decoded {
  ops: Op[];
  lines: Line[];
  /** lines' text, right-trimmed */
  text: string[];
  barcodes: BarcodeOp[];
  rasters: RasterOp[];
  /** QR data stored with GS ( k (printer-generated QR) */
  qrData: string[];
  cuts: number;
  pulses: { pin: number; onMs: number; offMs: number }[];
  statusQueries: number[];
  errors: string[];
}

const CH = 12; // ANK character width in dots (font A, 203 dpi); GB18030 multi-byte characters are 24

type Fixed = Record<number, number>; // command byte → parameter count
const ESC_FIXED: Fixed = {
  0x21: 1,
  0x2d: 1,
  0x45: 1,
  0x47: 1,
  0x4d: 1,
  0x61: 1,
  0x74: 1,
  0x52: 1,
  0x20: 1,
  0x7b: 1,
  0x32: 0,
  0x33: 1,
  0x4a: 1,
  0x64: 1,
  0x24: 2,
  0x5c: 2,
  0x40: 0,
  0x56: 1,
  0x70: 3,
};
const GS_FIXED: Fixed = { 0x21: 1, 0x42: 1, 0x48: 1, 0x68: 1, 0x77: 1, 0x66: 1, 0x4c: 2, 0x57: 2, 0x61: 1, 0x72: 1 };
const FS_FIXED: Fixed = { 0x26: 0, 0x2e: 0, 0x21: 1, 0x2d: 1, 0x43: 1, 0x53: 2 };
const NAME: Record<number, string> = { 0x1b: 'ESC', 0x1d: 'GS', 0x1c: 'FS', 0x10: 'DLE' };
/** 'ESC a', 'GS !', 'ESC SP' … as the command reference names them */
const name = (prefix: number, f: number): string => `${NAME[prefix]} ${f === 0x20 ? 'SP' : String.fromCharCode(f)}`;

export function decodeEscPos(input: Uint8Array, opts: { paperDots?: number } = {}): Decoded {
  const b = input;
  const paperDots = opts.paperDots ?? 576;
  const out: Decoded = { ops: [], lines: [], text: [], barcodes: [], rasters: [], qrData: [], cuts: 0, pulses: [], statusQueries: [], errors: [] };
  const st = {
    chinese: false,
    left: 0,
    areaWidth: paperDots,
    x: 0,
    align: 0,
    gsScale: 0,
    escBang: 0,
    ankSpace: 0,
    kanjiL: 0,
    kanjiR: 0,
    bw: 3,
    bh: 162,
    hri: 0,
  };
  let chars: PrintedChar[] = [];
  let positioned = false;
  const err = (at: number, msg: string): void => void out.errors.push(`@${at}: ${msg}`);

  const endLine = (): void => {
    let shift = 0;
    const width = chars.reduce((m, c) => Math.max(m, c.x + c.w), 0);
    if (!positioned && st.align > 0) shift = Math.floor(((st.areaWidth - width) * st.align) / 2);
    const placed = chars.map((c) => ({ ...c, x: c.x + shift }));
    const right = placed.length ? st.left + Math.max(...placed.map((c) => c.x + c.w)) : 0;
    if (right > paperDots) err(-1, `line "${placed.map((c) => c.ch).join('')}" ends at dot ${right}, paper is ${paperDots}`);
    const cells: string[] = [];
    for (const c of placed) {
      const col = Math.round(c.x / CH);
      while (cells.length < col) cells.push(' ');
      cells[col] = c.ch;
      for (let k = 1; k < c.w / CH; k++) cells[col + k] = '';
    }
    const text = Array.from(cells, (c) => c ?? ' ').join('');
    out.lines.push({ chars: placed, text, right });
    out.text.push(text.trimEnd());
    chars = [];
    st.x = 0;
    positioned = false;
  };

  const scaleW = (): number => ((st.gsScale >> 4) & 7) + 1 + (st.escBang & 0x20 ? 1 : 0);
  const scaleH = (): number => (st.gsScale & 7) + 1 + (st.escBang & 0x10 ? 1 : 0);
  const put = (ch: string, wide: boolean): void => {
    const s = scaleW();
    const w = (wide ? 2 * CH : CH) * s + (wide ? st.kanjiL + st.kanjiR : st.ankSpace);
    chars.push({ ch, x: st.x, w, scale: s, tall: scaleH() });
    st.x += w;
    if (st.x > st.areaWidth) err(-1, `text runs past the print area (${st.x} > ${st.areaWidth} dots)`);
  };

  /** A run of printable bytes: GB18030 while Chinese mode is on, single bytes otherwise. */
  const text = (start: number): number => {
    let i = start;
    while (i < b.length && b[i]! >= 0x20 && b[i] !== 0x7f) {
      const c = b[i]!;
      if (c < 0x80) {
        put(String.fromCharCode(c), false);
        i++;
      } else if (!st.chinese) {
        put('\ufffd', false); // a code page character: not expected in these documents
        i++;
      } else {
        const c2 = b[i + 1];
        let n = 0;
        if (c >= 0x81 && c <= 0xfe && c2 !== undefined && ((c2 >= 0x40 && c2 <= 0x7e) || (c2 >= 0x80 && c2 <= 0xfe))) n = 2;
        else if (
          c >= 0x81 &&
          c <= 0xfe &&
          c2 !== undefined &&
          c2 >= 0x30 &&
          c2 <= 0x39 &&
          (b[i + 2] ?? 0) >= 0x81 &&
          (b[i + 2] ?? 0) <= 0xfe &&
          (b[i + 3] ?? 0) >= 0x30 &&
          (b[i + 3] ?? 0) <= 0x39
        )
          n = 4;
        if (n === 0) {
          err(i, `invalid GB18030 sequence ${Buffer.from(b.subarray(i, i + 4)).toString('hex')}`);
          i++;
          continue;
        }
        put(iconv.decode(Buffer.from(b.subarray(i, i + n)), 'gb18030'), true);
        i += n;
      }
    }
    out.ops.push({ at: start, cmd: 'text', args: [] });
    return i;
  };

  let i = 0;
  const need = (at: number, n: number, cmd: string): boolean => {
    if (at + n <= b.length) return true;
    err(at, `${cmd} truncated: needs ${n} more bytes, ${b.length - at} left`);
    i = b.length;
    return false;
  };
  const u16 = (at: number): number => b[at]! | (b[at + 1]! << 8);

  while (i < b.length) {
    const at = i;
    const c = b[i]!;
    if (c >= 0x20 && c !== 0x7f) {
      i = text(i);
      continue;
    }
    if (c === 0x0a) {
      i += 1;
      out.ops.push({ at, cmd: 'LF', args: [] });
      endLine();
    } else if (c === 0x0d) {
      i += 1;
      out.ops.push({ at, cmd: 'CR', args: [] });
    } else if (c === 0x10) {
      if (!need(at, 3, 'DLE')) break;
      const [f, n] = [b[at + 1]!, b[at + 2]!];
      if (f === 0x04 && n >= 1 && n <= 4) {
        i += 3;
        out.statusQueries.push(n);
        out.ops.push({ at, cmd: 'DLE EOT', args: [n] });
      } else if (f === 0x14 && n === 1 && need(at, 5, 'DLE DC4')) {
        out.pulses.push({ pin: b[at + 3]!, onMs: b[at + 4]! * 100, offMs: b[at + 4]! * 100 });
        i += 5;
      } else {
        i += 1;
        err(at, `unknown DLE 0x${f.toString(16)}`);
      }
    } else if (c === 0x1b || c === 0x1d || c === 0x1c) {
      if (!need(at, 2, NAME[c]!)) break;
      const f = b[at + 1]!;
      const cmd = name(c, f);
      const fixed = (c === 0x1b ? ESC_FIXED : c === 0x1d ? GS_FIXED : FS_FIXED)[f];
      if (fixed !== undefined) {
        if (!need(at + 2, fixed, cmd)) break;
        const args = Array.from(b.subarray(at + 2, at + 2 + fixed));
        i = at + 2 + fixed;
        out.ops.push({ at, cmd, args });
        apply(cmd, args, at);
      } else if (c === 0x1d) {
        i = variableGs(at, f);
      } else if (c === 0x1c && f === 0x28 && need(at, 5, 'FS (')) {
        const p = u16(at + 3);
        const fs = `FS ( ${String.fromCharCode(b[at + 2]!)}`;
        if (!need(at + 5, p, fs)) break;
        i = at + 5 + p;
        out.ops.push({ at, cmd: fs, args: [p] });
      } else {
        i += 2;
        err(at, `unknown command ${cmd} (0x${f.toString(16)})`);
      }
    } else {
      i += 1;
      err(at, `stray control byte 0x${c.toString(16)}`);
    }
  }
  if (chars.length) endLine();
  return out;

  function apply(cmd: string, a: number[], at: number): void {
    const n = a[0] ?? 0;
    switch (cmd) {
      case 'ESC @':
        Object.assign(st, { chinese: false, left: 0, areaWidth: paperDots, x: 0, align: 0, gsScale: 0, escBang: 0, ankSpace: 0, kanjiL: 0, kanjiR: 0 });
        break;
      case 'FS &':
        st.chinese = true;
        break;
      case 'FS .':
        st.chinese = false;
        break;
      case 'ESC a':
        st.align = n % 48;
        break;
      case 'ESC !':
        st.escBang = n;
        break;
      case 'GS !':
        st.gsScale = n;
        break;
      case 'ESC SP':
        st.ankSpace = n;
        break;
      case 'FS S':
        st.kanjiL = n;
        st.kanjiR = a[1] ?? 0;
        break;
      case 'ESC $':
        st.x = n | ((a[1] ?? 0) << 8);
        positioned = true;
        break;
      case 'ESC \\':
        st.x += ((n | ((a[1] ?? 0) << 8)) << 16) >> 16; // signed 16-bit
        positioned = true;
        break;
      case 'GS L':
        st.left = n | ((a[1] ?? 0) << 8);
        break;
      case 'GS W':
        st.areaWidth = n | ((a[1] ?? 0) << 8);
        if (st.left + st.areaWidth > paperDots) err(at, `print area ${st.left}+${st.areaWidth} wider than the paper`);
        break;
      case 'GS w':
        st.bw = n;
        break;
      case 'GS h':
        st.bh = n;
        break;
      case 'GS H':
        st.hri = n;
        break;
      case 'ESC d':
        endLine();
        for (let k = 1; k < n; k++) endLine();
        break;
      case 'ESC p':
        if (![0, 1, 48, 49].includes(n)) err(at, `ESC p pin ${n} invalid`);
        out.pulses.push({ pin: n % 48, onMs: (a[1] ?? 0) * 2, offMs: (a[2] ?? 0) * 2 });
        break;
    }
  }

  function variableGs(at: number, f: number): number {
    const cmd = name(0x1d, f);
    if (f === 0x56) {
      // GS V m (m = 0,1,48,49) or GS V m n (m = 65,66,97,98,103,104)
      if (!need(at, 3, cmd)) return b.length;
      const m = b[at + 2]!;
      const withN = [65, 66, 97, 98, 103, 104].includes(m);
      if (!withN && ![0, 1, 48, 49].includes(m)) return (err(at, `GS V: invalid mode ${m}`), at + 3);
      if (withN && !need(at, 4, cmd)) return b.length;
      if (chars.length) endLine();
      out.cuts++;
      out.ops.push({ at, cmd, args: withN ? [m, b[at + 3]!] : [m] });
      return at + (withN ? 4 : 3);
    }
    if (f !== 0x6b && f !== 0x76 && f !== 0x38 && f !== 0x28) {
      err(at, `unknown command ${cmd} (0x${f.toString(16)})`);
      return at + 2;
    }
    if (f === 0x6b && chars.length) err(at, 'barcode in the middle of a text line');
    const r: Block = f === 0x6b ? readBarcode(b, at, st) : f === 0x76 ? readRasterV0(b, at) : readBlock(b, at, f);
    out.errors.push(...r.errors.map((e) => `@${at}: ${e}`));
    if (r.op) out.ops.push(r.op);
    if (r.barcode) out.barcodes.push(r.barcode);
    if (r.qrData !== undefined) out.qrData.push(r.qrData);
    if (r.raster) {
      out.rasters.push(r.raster);
      if (st.left + r.raster.widthDots > paperDots) err(at, `raster ${r.raster.widthDots} dots wide, paper ${paperDots}`);
    }
    if (r.barcode?.widthDots !== undefined && st.left + r.barcode.widthDots > paperDots) {
      err(at, `CODE128 is ${r.barcode.widthDots} dots wide, paper ${paperDots}`);
    }
    return r.next;
  }
}
