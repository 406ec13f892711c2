/**
 * Symbol checks for the test decoder, written from the ESC/POS command reference (GS k function B, m=73) and
 * ISO/IEC 18004 (QR finder patterns), not from any encoder's source.
 */

export interface Code128 {
  ok: boolean;
  /** the human-readable data (code set switches removed) */
  text: string;
  /** symbol characters: start + switches/shifts/FNCs + data + check, without the stop */
  symbols: number;
  /** bar modules including the 13-module stop, without quiet zones */
  modules: number;
  error?: string;
}

/**
 * ESC/POS CODE128 data: must open with `{A`, `{B` or `{C`; `{` introduces a code set switch (`{A {B {C`),
 * a shift (`{S`), FNC1–4 (`{1`…`{4`) or a literal brace (`{{`). In set C each byte 0–99 is two digits.
 */
export function decodeCode128(data: Uint8Array): Code128 {
  const fail = (error: string): Code128 => ({ ok: false, text: '', symbols: 0, modules: 0, error });
  if (data.length < 2 || data[0] !== 0x7b || !(data[1]! >= 0x41 && data[1]! <= 0x43)) {
    return fail('CODE128 data must begin with {A, {B or {C');
  }
  let set = String.fromCharCode(data[1]!);
  let text = '';
  let symbols = 1; // start
  let shift = false;
  for (let i = 2; i < data.length; i++) {
    const b = data[i]!;
    if (b === 0x7b) {
      const c = data[++i];
      if (c === undefined) return fail('CODE128 data ends after "{"');
      const k = String.fromCharCode(c);
      symbols++;
      if ('ABC'.includes(k)) set = k;
      else if (k === 'S') shift = true;
      else if ('1234'.includes(k)) continue;
      else if (k === '{' && set !== 'C') text += '{';
      else return fail(`CODE128: "{${k}" is not a valid function`);
      continue;
    }
    const current = shift ? (set === 'A' ? 'B' : 'A') : set;
    shift = false;
    if (current === 'C') {
      if (b > 99) return fail(`CODE128 set C byte ${b} is not 0–99`);
      text += String(b).padStart(2, '0');
    } else if (current === 'B') {
      if (b < 0x20 || b > 0x7f) return fail(`CODE128 set B byte 0x${b.toString(16)} out of range`);
      text += String.fromCharCode(b);
    } else {
      if (b > 0x5f) return fail(`CODE128 set A byte 0x${b.toString(16)} out of range`);
      text += String.fromCharCode(b);
    }
    symbols++;
  }
  symbols++; // check character
  return { ok: true, text, symbols, modules: symbols * 11 + 13 };
}

/** A 1-bit raster as printed: row-major, MSB first, `bytesPerRow` bytes per row. */
export interface Bitmap {
  widthDots: number;
  heightDots: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function dark(b: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= b.widthDots || y >= b.heightDots) return false;
  return ((b.data[y * b.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

/**
 * Finds a QR symbol in a raster by its three finder patterns (7×7 modules: dark ring, light ring, dark 3×3
 * centre) at top-left, top-right and bottom-left, and returns the module size and modules per side.
 */
export function findQr(b: Bitmap): { ok: boolean; cell: number; size: number; error?: string } {
  let y0 = -1;
  let x0 = -1;
  for (let y = 0; y < b.heightDots && y0 < 0; y++) {
    for (let x = 0; x < b.widthDots; x++) {
      if (dark(b, x, y)) {
        y0 = y;
        x0 = x;
        break;
      }
    }
  }
  if (y0 < 0) return { ok: false, cell: 0, size: 0, error: 'blank raster' };
  let run = 0;
  while (dark(b, x0 + run, y0)) run++;
  let last = x0;
  for (let x = x0; x < b.widthDots; x++) if (dark(b, x, y0)) last = x;
  const cell = run / 7;
  const size = (last - x0 + 1) / cell;
  if (!Number.isInteger(cell) || !Number.isInteger(size) || (size - 21) % 4 !== 0 || size < 21) {
    return { ok: false, cell, size, error: `not a QR grid (run ${run}, width ${last - x0 + 1})` };
  }
  const module = (mx: number, my: number): boolean => dark(b, x0 + mx * cell + (cell >> 1), y0 + my * cell + (cell >> 1));
  const finderAt = (ox: number, oy: number): boolean => {
    for (let y = 0; y < 7; y++) {
      for (let x = 0; x < 7; x++) {
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
        if (module(ox + x, oy + y) !== (ring !== 2)) return false;
      }
    }
    return true;
  };
  const ok = finderAt(0, 0) && finderAt(size - 7, 0) && finderAt(0, size - 7);
  return ok ? { ok, cell, size } : { ok, cell, size, error: 'finder patterns missing' };
}
