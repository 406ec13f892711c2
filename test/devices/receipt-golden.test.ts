/**
 * Golden bytes: the sample receipt at 58 mm and at 80 mm (with QR), compared byte for byte with the hex files in
 * test/fixtures/printer/. Any change to the layout, to receiptline or to the escaping shows up here.
 * After a deliberate change, check the new output with the decoder tests and the SVG preview, then regenerate:
 *   UPDATE_PRINTER_GOLDEN=1 npx vitest run test/devices/receipt-golden.test.ts
 * and review `git diff test/fixtures/printer` before committing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReceipt, type ReceiptOptions } from '../../src-main/devices/printer/receipt';
import { decodeEscPos } from './escpos-decode';
import { SAMPLE_RECEIPT } from './samples';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/printer');
const UPDATE = process.env.UPDATE_PRINTER_GOLDEN === '1';

/** 32 bytes a line, so a diff points at the place that changed. */
export function toHexLines(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return (hex.match(/.{1,64}/g) ?? []).join('\n') + '\n';
}

const CASES: [file: string, opts: ReceiptOptions][] = [
  ['sample-receipt-58.hex', { width: 58 }],
  ['sample-receipt-80-qr.hex', { width: 80, qr: true }],
];

describe('golden receipt bytes', () => {
  it.each(CASES)('%s', (file, opts) => {
    const bytes = renderReceipt(SAMPLE_RECEIPT, opts).bytes;
    expect(decodeEscPos(bytes, { paperDots: opts.width === 58 ? 384 : 576 }).errors).toEqual([]);
    const target = path.join(DIR, file);
    if (UPDATE) fs.writeFileSync(target, toHexLines(bytes));
    if (!fs.existsSync(target)) throw new Error(`missing ${target}: run with UPDATE_PRINTER_GOLDEN=1 to create it`);
    const golden = Buffer.from(fs.readFileSync(target, 'utf8').replace(/\s+/g, ''), 'hex');
    expect(toHexLines(bytes)).toBe(toHexLines(golden)); // a readable diff on failure
    expect(Buffer.compare(Buffer.from(bytes), golden)).toBe(0);
  });
});
