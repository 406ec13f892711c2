/** The oracle must be able to fail: hand-made streams, and streams broken the way real encoders break them. */
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './escpos-decode';
import { decodeCode128, findQr } from './escpos-symbols';
import { renderReceipt } from '../../src-main/devices/printer/receipt';
import { SAMPLE_RECEIPT } from './samples';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const ascii = (s: string): number[] => Array.from(Buffer.from(s, 'latin1'));

describe('independent ESC/POS decoder', () => {
  it('reads GB18030 text only while FS & (Chinese mode) is on', () => {
    // 物业服务中心 in GB18030 (Epson ESC/POS command reference), ESC @, FS &, …, LF, GS V 66 0
    const on = decodeEscPos(hex('1b40 1c26 ceefd2b5b7fecef1d6d0d0c4 0a 1d564200'));
    expect(on.errors).toEqual([]);
    expect(on.text).toEqual(['物业服务中心']);
    expect(on.cuts).toBe(1);
    expect(on.lines[0]!.right).toBe(6 * 24);
    const off = decodeEscPos(hex('1b40 ceefd2b5 0a'));
    expect(off.text[0]).not.toContain('物业');
    expect(off.text[0]).toContain('\ufffd');
    const cancelled = decodeEscPos(hex('1b40 1c26 1c2e ceef 0a'));
    expect(cancelled.text[0]).toContain('\ufffd');
  });

  it('decodes four-byte GB18030 (U+00A5 is 81 30 84 36) and rejects a broken sequence', () => {
    expect(decodeEscPos(hex('1c26 81308436 a3a4 0a')).text).toEqual(['¥￥']);
    const bad = decodeEscPos(hex('1c26 ce 0a'));
    expect(bad.errors.join()).toMatch(/GB18030/);
  });

  it('reads a well-formed CODE128 and its module width', () => {
    const d = decodeEscPos(
      Uint8Array.from([0x1d, 0x77, 2, 0x1d, 0x6b, 73, 17, 0x7b, 0x42, ...ascii('SF1234567890123'), 0x1b, 0x70, 0, 25, 250, 0x1d, 0x56, 0x42, 0]),
    );
    expect(d.errors).toEqual([]);
    expect(d.barcodes[0]!.code128!.text).toBe('SF1234567890123');
    expect(d.barcodes[0]!.widthDots).toBe((17 * 11 + 13) * 2);
    expect(d.pulses).toEqual([{ pin: 0, onMs: 50, offMs: 500 }]);
    expect(d.cuts).toBe(1);
    expect(decodeCode128(Uint8Array.from([0x7b, 0x43, 12, 34, 0x7b, 0x42, 0x41])).text).toBe('1234A');
  });

  it("catches the escpos package's CODE128 bug (length byte dropped): the data swallows the drawer pulse and the cut", () => {
    // escpos 2.5.2: GS k 73 with no length byte and no code set, then drawer kick and cut (Epson ESC/POS command reference)
    const broken = Uint8Array.from([0x1d, 0x6b, 73, ...ascii('SF1234567890123'), 0x1b, 0x70, 0, 25, 250, 0x1d, 0x56, 0x42, 0]);
    const d = decodeEscPos(broken);
    expect(d.errors.length).toBeGreaterThan(0);
    expect(d.cuts).toBe(0);
    expect(d.pulses).toEqual([]);
  });

  it("catches escpos 2.x's 3-byte drawer kick and a CODE128 without a code set", () => {
    expect(decodeEscPos(hex('1b7000')).errors.join()).toMatch(/truncated/);
    expect(decodeEscPos(Uint8Array.from([0x1d, 0x6b, 73, 4, ...ascii('1234')])).errors.join()).toMatch(/\{A, \{B or \{C/);
  });

  it('catches a receipt cut short inside the barcode, or with the barcode length off by one', () => {
    const bytes = renderReceipt(SAMPLE_RECEIPT, { width: 58 }).bytes;
    const at = Buffer.from(bytes).indexOf(Buffer.from([0x1d, 0x6b, 73]));
    expect(at).toBeGreaterThan(0);
    const cut = decodeEscPos(bytes.slice(0, at + 8), { paperDots: 384 });
    expect(cut.errors.join()).toMatch(/truncated/);
    const longer = Uint8Array.from(bytes);
    longer[at + 3]! += 1;
    const d = decodeEscPos(longer, { paperDots: 384 });
    expect(d.errors.length).toBeGreaterThan(0);
    expect(d.barcodes[0]?.code128?.text).not.toBe('T01-00001234');
  });

  it('checks raster and QR length fields', () => {
    // GS 8 L with p = 10 + 1×1 for a 8×1 raster is consistent; one more byte declared is not
    const good = decodeEscPos(hex('1d384c 0b000000 30 70 30 01 01 31 0800 0100 ff'));
    expect(good.errors).toEqual([]);
    expect(good.rasters[0]).toMatchObject({ widthDots: 8, heightDots: 1 });
    const bad = decodeEscPos(hex('1d384c 0c000000 30 70 30 01 01 31 0800 0100 ff 00'));
    expect(bad.errors.join()).toMatch(/needs 11/);
    expect(decodeEscPos(hex('1d7630 00 0200 0300 ffff')).errors.join()).toMatch(/truncated/);
    expect(decodeEscPos(hex('1d286b 0400 31 41 32 00')).errors).toEqual([]);
    expect(decodeEscPos(hex('1d286b 0500 31 41 32 00 00')).errors.join()).toMatch(/expected 4/);
    const qr = decodeEscPos(Uint8Array.from([0x1d, 0x28, 0x6b, 8, 0, 49, 80, 48, ...ascii('T01-1')]));
    expect(qr.qrData).toEqual(['T01-1']);
  });

  it('finds QR finder patterns in a raster and rejects a raster without them', () => {
    const bytes = renderReceipt(SAMPLE_RECEIPT, { width: 80, qr: true }).bytes;
    const raster = decodeEscPos(bytes).rasters[0]!;
    expect(findQr(raster)).toMatchObject({ ok: true, cell: 4, size: 21 });
    const damaged = { ...raster, data: raster.data.map((b, i) => (i < raster.bytesPerRow * 8 ? 0xff : b)) };
    expect(findQr(damaged).ok).toBe(false);
  });

  it('flags a line wider than the paper, stray control bytes and unknown commands', () => {
    expect(decodeEscPos(Uint8Array.from(ascii('x'.repeat(33) + '\n')), { paperDots: 384 }).errors.length).toBeGreaterThan(0);
    expect(decodeEscPos(Uint8Array.from(ascii('x'.repeat(32) + '\n')), { paperDots: 384 }).errors).toEqual([]);
    expect(decodeEscPos(hex('00')).errors.join()).toMatch(/stray/);
    expect(decodeEscPos(hex('1b 5a 00')).errors.join()).toMatch(/unknown command/);
  });

  it('places text by ESC $ / ESC \\ and scales it by GS !', () => {
    // "A" at 0, "B" at absolute 120 dots, double-width "C" 12 dots after B
    const d = decodeEscPos(hex('41 1b247800 42 1b5c0c00 1d2110 43 0a'));
    expect(d.lines[0]!.chars.map((c) => [c.ch, c.x, c.w])).toEqual([
      ['A', 0, 12],
      ['B', 120, 12],
      ['C', 144, 24],
    ]);
    expect(d.text[0]).toBe('A         B C');
  });
});
