/** Receipts read back through the independent decoder: content, layout at 32/48 characters, codes, cut. */
import { describe, expect, it } from 'vitest';
import { printedTime, drawerKickBytes, renderReceipt, renderSlip, testPage, type ReceiptDoc } from '../../src-main/devices/printer/receipt';
import { displayWidth, esc, normalizeText } from '../../src-main/devices/printer/markup';
import { decodeEscPos, type Decoded } from './escpos-decode';
import { findQr } from './escpos-symbols';
import { SAMPLE_MIXED, SAMPLE_RECEIPT, SAMPLE_VOID } from './samples';

const DOTS = { 58: 384, 80: 576 } as const;
const WIDTHS = [58, 80] as const;

function decode(doc: ReceiptDoc, width: 58 | 80, extra: { copy?: number; qr?: boolean } = {}): Decoded {
  const d = decodeEscPos(renderReceipt(doc, { width, ...extra }).bytes, { paperDots: DOTS[width] });
  expect(d.errors).toEqual([]);
  for (const l of d.lines) expect(l.right).toBeLessThanOrEqual(DOTS[width]);
  expect(d.text.join('\n')).not.toContain('\ufffd');
  return d;
}
const lineWith = (d: Decoded, s: string) => d.lines.find((l) => l.text.includes(s));
/** every printed character in order, without layout gaps: finds text that wrapped onto the next line */
const printed = (d: Decoded): string => d.lines.map((l) => l.chars.map((c) => c.ch).join('')).join('');

describe.each(WIDTHS)('sample receipt at %i mm', (width) => {
  it('reads back the Chinese lines, the receipt number, a CODE128 of it and the cut', () => {
    const d = decode(SAMPLE_RECEIPT, width);
    const all = d.text.join('\n');
    for (const s of [
      '星河湾物业服务中心',
      '收据',
      '物业费',
      '门禁卡补办',
      '复印',
      '2026-01 至 2026-03',
      '壹佰贰拾元伍角',
      'T01-00001234',
      '2026-11-23 14:05',
      '3-2-501',
      '张*伟',
      '李娜',
    ]) {
      expect(all).toContain(s);
    }
    expect(d.barcodes).toHaveLength(1);
    const bc = d.barcodes[0]!;
    expect(bc.system).toBe(73);
    expect(bc.declaredLength).toBe(bc.raw.length);
    expect(bc.code128).toMatchObject({ ok: true, text: 'T01-00001234' });
    expect(bc.widthDots).toBeLessThanOrEqual(DOTS[width]);
    expect(d.cuts).toBe(1);
    expect(d.ops.at(-1)!.cmd).toBe('GS V');
    expect(d.ops[0]!.cmd).toBe('ESC @');
    expect(d.statusQueries).toEqual([]);
    expect(d.rasters).toEqual([]);
  });

  it('puts amounts flush right and the property name large and centred', () => {
    const d = decode(SAMPLE_RECEIPT, width);
    for (const s of ['￥90.00', '￥20.00', '￥10.50', '￥200.00', '￥79.50']) expect(lineWith(d, s)!.right).toBe(DOTS[width]);
    const title = lineWith(d, '星河湾物业服务中心')!;
    expect(title.chars[0]!.tall).toBe(2); // 80 mm: 2× size; 58 mm: the name is too long for 2× width
    expect(title.chars[0]!.scale).toBe(width === 80 ? 2 : 1);
    const left = title.chars[0]!.x;
    expect(Math.abs(left - (DOTS[width] - (title.right - 0)))).toBeLessThanOrEqual(24);
  });

  it('prints payment methods in Chinese, received and change for cash, masked references', () => {
    const d = decode(SAMPLE_MIXED, width);
    const all = d.text.join('\n');
    for (const s of ['微信', '支付宝', '银行卡', '现金', '交易号 4200****8812', '实收现金', '找零', '陆仟陆佰元整']) expect(all).toContain(s);
    expect(all).toContain('装修押金');
    expect(lineWith(d, '￥3,000.00')!.text).toMatch(/^装修押金/); // the amount sits on the first line of a wrapped name
  });

  it('adds a well-formed QR of the receipt number when asked', () => {
    const d = decode(SAMPLE_RECEIPT, width, { qr: true });
    expect(d.rasters).toHaveLength(1);
    const r = d.rasters[0]!;
    expect(r.data.length).toBe(r.bytesPerRow * r.heightDots);
    expect(findQr(r)).toMatchObject({ ok: true });
    expect(r.widthDots).toBeLessThanOrEqual(DOTS[width]);
  });

  it('marks a reprint 补打 / 副本 n, and an original not at all', () => {
    expect(decode(SAMPLE_RECEIPT, width, { copy: 2 }).text.join('\n')).toContain('补打 / 副本 2');
    expect(decode(SAMPLE_RECEIPT, width).text.join('\n')).not.toContain('补打');
    const r = renderReceipt(SAMPLE_RECEIPT, { width, copy: 3, reprintedAt: '2026-11-24T01:12:00Z' });
    expect(decodeEscPos(r.bytes).text.join('\n')).toContain('2026-11-24 09:12');
  });

  it('prints a void with the original number, reason, approver and minus amounts', () => {
    const d = decode(SAMPLE_VOID, width);
    const all = d.text.join('\n');
    for (const s of ['作废冲正', 'T01-00001234', '房号录错，应为 3-2-502', '王主管', '-￥90.00', '-￥120.50', '负壹佰贰拾元伍角', '退现金'])
      expect(all).toContain(s);
    expect(all).not.toMatch(/^ *收据 *$/m);
    expect(d.barcodes[0]!.code128!.text).toBe('T01-00001240');
  });

  it('keeps every line on the paper with long CJK text and the largest amount', () => {
    const doc: ReceiptDoc = {
      ...SAMPLE_RECEIPT,
      propertyName: '上海市浦东新区陆家嘴金融贸易区星河湾国际花园物业服务中心',
      operatorName: '欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜',
      lines: [{ name: '汉'.repeat(60), detail: '字'.repeat(40), quantity: '1', amountFen: 9_999_999_999 }],
      totalFen: 9_999_999_999,
      payments: [{ method: 'card', amountFen: 9_999_999_999, reference: '6'.repeat(60) }],
      receivedFen: undefined,
      changeFen: undefined,
    };
    const all = decode(doc, width).text.join('');
    expect(all).toContain('玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'.slice(0, 6));
    expect(all).toContain('￥99,999,999.99');
  });
});

describe('user text is printed as typed', () => {
  const nasty = 'A|B{C}~D_E^F\\G"H`I-J=K';
  const doc: ReceiptDoc = {
    ...SAMPLE_RECEIPT,
    propertyName: '<b>物业</b> & Co',
    operatorName: nasty,
    payer: '{c:EVIL;o:qrcode}',
    lines: [
      { name: nasty, detail: '---', amountFen: 10000 },
      { name: '===', quantity: '^^^', amountFen: 2050 },
    ],
    note: '<script>alert("x")</script>',
  };

  it.each(WIDTHS)('escapes receiptline markup at %i mm (no extra barcodes, rules, cuts or styles)', (width) => {
    const d = decode(doc, width);
    const all = printed(d);
    expect(all).toContain(nasty);
    expect(all).toContain('{c:EVIL;o:qrcode}');
    expect(d.rasters).toEqual([]);
    expect(all).toContain('<script>alert("x")</script>');
    expect(all).toContain('<b>物业</b> & Co');
    expect(d.text).toContain('  ---');
    expect(all).toContain('===');
    expect(d.barcodes).toHaveLength(1);
    expect(d.cuts).toBe(1);
  });

  it('escapes HTML in the SVG preview', () => {
    const { svg } = renderReceipt(doc, { width: 58 });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;');
  });

  it('normalises ¥ (U+00A5) to ￥ and never sends the 4-byte GB18030 form', () => {
    const yen: ReceiptDoc = { ...SAMPLE_RECEIPT, propertyName: '¥物业', lines: [{ name: '押金¥100', amountFen: 12050 }], note: '¥ ¥' };
    for (const width of WIDTHS) {
      const r = renderReceipt(yen, { width });
      expect(Buffer.from(r.bytes).includes(Buffer.from('81308436', 'hex'))).toBe(false);
      const all = decodeEscPos(r.bytes).text.join('\n');
      expect(all).not.toContain('¥');
      expect(all).toContain('押金￥100');
      expect(r.svg).not.toContain('¥');
    }
    expect(normalizeText(' a\t\n¥\u3000b  ')).toBe('a ￥ b');
    expect(esc('a|b')).toBe('a\\|b');
    expect(displayWidth('物业A￥')).toBe(7);
  });
});

describe('documents', () => {
  it('refuses inconsistent receipts', () => {
    expect(() => renderReceipt({ ...SAMPLE_RECEIPT, totalFen: 12051 }, { width: 58 })).toThrow(/add up/);
    expect(() => renderReceipt({ ...SAMPLE_RECEIPT, payments: [{ method: 'cash', amountFen: 100 }] }, { width: 58 })).toThrow(/payments/);
    expect(() => renderReceipt({ ...SAMPLE_VOID, original: undefined }, { width: 58 })).toThrow(/original/);
    expect(() => renderReceipt(SAMPLE_RECEIPT, { width: 58, copy: 0 })).toThrow(RangeError);
    expect(() => renderReceipt({ ...SAMPLE_RECEIPT, lines: [{ name: 'x', amountFen: 0.5 }], totalFen: 0.5 }, { width: 58 })).toThrow(RangeError);
  });

  it("prints the property's time (Beijing time by default), whatever zone the PC is in", () => {
    expect(printedTime('2026-11-23T06:05:31Z')).toBe('2026-11-23 14:05');
    expect(printedTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(printedTime('2026-11-23T14:05:00+08:00')).toBe('2026-11-23 14:05');
    expect(printedTime('2026-11-23T06:05:31Z', 'Asia/Urumqi')).toBe('2026-11-23 12:05');
    expect(() => printedTime('yesterday')).toThrow(RangeError);
  });

  it('prints the receipt time in the time zone it is given', () => {
    const text = (timeZone?: string) =>
      renderReceipt({ ...SAMPLE_RECEIPT, issuedAt: '2026-11-23T06:05:00Z' }, { width: 80, ...(timeZone ? { timeZone } : {}) }).text;
    expect(text()).toContain('2026-11-23 14:05');
    expect(text('Europe/London')).toContain('2026-11-23 06:05');
    expect(text('Europe/London')).not.toContain('14:05');
  });

  it('is deterministic: the same document gives the same bytes and SVG', () => {
    const a = renderReceipt(SAMPLE_RECEIPT, { width: 80, qr: true });
    const b = renderReceipt(SAMPLE_RECEIPT, { width: 80, qr: true });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(a.svg).toBe(b.svg);
    expect(a.text).toContain('星');
  });

  it.each(WIDTHS)('test page at %i mm: full-width rulers, CODE128 and QR', (width) => {
    const d = decodeEscPos(testPage(width, '2026-11-23T06:05:00Z').bytes, { paperDots: DOTS[width] });
    expect(d.errors).toEqual([]);
    const cpl = width === 58 ? 32 : 48;
    expect(lineWith(d, '1234567890')!.right).toBe(DOTS[width]);
    expect(lineWith(d, '汉'.repeat(cpl / 2))!.right).toBe(DOTS[width]);
    expect(d.text.join('\n')).toContain(`${width} mm（每行 ${cpl} 字符）`);
    expect(d.barcodes[0]!.code128!.text).toBe('TEST-0123456789');
    expect(findQr(d.rasters[0]!).ok).toBe(true);
    expect(d.cuts).toBe(1);
  });

  it('renders a generic slip with headings, pairs and rules', () => {
    const d = decodeEscPos(
      renderSlip('交班单', [{ heading: '现金' }, ['应有', '￥1,200.00'], { rule: true }, '差额需主管确认'], { width: 58, copy: 1, barcode: 'S-0001' }).bytes,
      { paperDots: 384 },
    );
    expect(d.errors).toEqual([]);
    const all = d.text.join('\n');
    for (const s of ['交班单', '补打 / 副本 1', '现金', '应有', '￥1,200.00', '差额需主管确认']) expect(all).toContain(s);
    expect(d.barcodes[0]!.code128!.text).toBe('S-0001');
  });

  it('drawer kick is ESC p 0 25 250', () => {
    expect(Buffer.from(drawerKickBytes()).toString('hex')).toBe('1b700019fa');
  });
});
