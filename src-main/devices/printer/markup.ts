/**
 * Building receiptline documents safely, and turning them into printer bytes, an SVG preview and plain text.
 * Every string that comes from a person (names, rooms, notes, references) goes through `esc()`: receiptline
 * treats `\ | { } - = ~ _ " ` ^` as markup, and a resident called `张_伟` or a note reading `{code:…}` must
 * print as typed, not as underlines or a barcode.
 */
import { createHash } from 'node:crypto';
import { commands, transform, type BaseCommand, type Printer } from 'receiptline';

export type Width = 58 | 80;

/** Characters per line: receiptline's font is 12 dots, and 58/80 mm heads are 384/576 dots wide. */
export function cpl(width: Width): number {
  return width === 58 ? 32 : 48;
}

/**
 * Text as the printer should get it: `¥` (U+00A5, four bytes in GB18030, garbage on GBK-only printers)
 * becomes `￥`; control characters, tabs and line breaks become spaces; runs of spaces collapse; ends trimmed.
 */
export function normalizeText(s: string): string {
  return (
    s
      .replace(/\u00a5/g, '￥')
      .replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** Normalised, then every receiptline special character escaped; spaces kept literal. */
export function esc(s: string): string {
  return normalizeText(s).replace(/[\\|{}\-=~_"`^]/g, (c) => `\\${c}`);
}

/** For a property value such as `{code:…}`: backslash, `| { } ;` are special there (an escaped `:` would be dropped). */
export function escProperty(s: string): string {
  return normalizeText(s).replace(/[\\|{};]/g, (c) => `\\${c}`);
}

/** Columns a string takes on a GB18030 printer: ASCII 1, everything else (CJK, ￥, full-width forms) 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of normalizeText(s)) w += (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return w;
}

/** Generic ESC/POS, with two changes to receiptline's `generic` command set:
 *  - close() does not send `GS r 1`: it asks the printer to send a status byte nobody reads, which lands
 *    in front of the next DLE EOT reply on a shared connection;
 *  - hr() prints ASCII dashes: receiptline's rule switches to code page 1 box-drawing bytes (FS . ESC t 1 0x95),
 *    which clone printers render as stray symbols. */
const escposCommand: BaseCommand = {
  ...commands.generic,
  close(this: BaseCommand): string {
    return this.cutting ? this.cut() : '';
  },
  hr(width: number): string {
    return '\x1bt\x00' + '-'.repeat(width);
  },
};

export interface Rendered {
  /** ESC/POS for the printer: GB18030 text with FS &, CODE128/QR, a cut at the end */
  bytes: Uint8Array;
  /** preview for the screen (receiptline SVG; Chinese needs a CJK font such as Noto Sans CJK) */
  svg: string;
  /** the same document as plain text, e.g. for logs or a screen reader */
  text: string;
}

/**
 * Renders a receiptline document for a paper width. Pure: same document, same bytes, same SVG. The bytes are
 * made at once; the SVG and the text on first read (the print path needs only the bytes: ~1 ms instead of ~3).
 */
export function renderMarkup(doc: string, width: Width): Rendered {
  const base: Printer = { cpl: cpl(width), encoding: 'gb18030', spacing: false, cutting: true, gradient: false, upsideDown: false };
  // a copy of its own: a small Buffer is a view into Node's shared pool, and callers may keep `bytes.buffer`
  const bytes = new Uint8Array(Buffer.from(transform(doc, { ...base, command: escposCommand }), 'binary'));
  let svg: string | undefined;
  let text: string | undefined;
  return {
    bytes,
    get svg(): string {
      if (svg === undefined) {
        const id = createHash('sha256').update(doc).update(String(width)).digest('hex').slice(0, 16);
        // receiptline names its SVG filter with a random id; a content hash keeps the output reproducible
        svg = transform(doc, { ...base, command: 'svg' }).replace(/receipt-[0-9a-f-]{36}/g, `receipt-${id}`);
      }
      return svg;
    },
    get text(): string {
      text ??= transform(doc, { ...base, command: 'text' });
      return text;
    },
  };
}
