/**
 * Receipt documents (收据, 作废冲正), generic slips and the test page, laid out with receiptline for 58 mm
 * (32 characters) and 80 mm (48 characters) rolls. Pure functions: a document in, bytes + SVG + text out.
 */
import { barcode } from 'receiptline';
import { fenToChineseUpper, yuanSign } from '@shared/money';
import { cpl, displayWidth, esc, escProperty, renderMarkup, type Rendered, type Width } from './markup';
import { DEFAULT_TIME_ZONE, localDateTime } from '@shared/calendar';
import TEST_PAGE from '../../../resources/printer/test-page.json';

export type { Rendered, Width } from './markup';

export type PaymentMethod = 'cash' | 'wechat' | 'alipay' | 'card';
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', card: '银行卡' };

export interface ReceiptItem {
  name: string;
  /** e.g. `2026-01 至 2026-03` */
  detail?: string;
  /** e.g. `3个月`, `2张` */
  quantity?: string;
  amountFen: number;
}

export interface ReceiptPayment {
  method: PaymentMethod;
  amountFen: number;
  /** WeChat/Alipay/card reference, already masked by the caller */
  reference?: string;
}

export interface ReceiptDoc {
  kind: 'receipt' | 'void';
  propertyName: string;
  terminalId: string;
  /** e.g. `T01-00001234` */
  receiptNo: string;
  /** ISO instant; printed on the property's clock `2026-11-23 14:05` */
  issuedAt: string;
  operatorName: string;
  roomCode: string | null;
  /** already masked by the caller */
  payer: string | null;
  lines: ReceiptItem[];
  /** must equal the sum of lines (and of payments, when there are any); negative on a void */
  totalFen: number;
  payments: ReceiptPayment[];
  receivedFen?: number;
  changeFen?: number;
  /** the receipt a void reverses */
  original?: { receiptNo: string; reason: string; approverName: string };
  note?: string;
}

export interface ReceiptOptions {
  width: Width;
  /** the property's time zone for printed times (default Asia/Shanghai) */
  timeZone?: string;
  /** reprint number: prints 「补打 / 副本 n」 */
  copy?: number;
  /** when the copy was printed (ISO instant) */
  reprintedAt?: string;
  /** also print a QR code of the receipt number (80 mm: fits beside nothing else; costs ~3 cm of paper) */
  qr?: boolean;
}

/** `2026-11-23T06:05:00Z` → `2026-11-23 14:05` on the property's clock (Asia/Shanghai by default). */
export function printedTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new RangeError(`not a date: ${iso}`);
  return localDateTime(t, timeZone);
}

/** `-12050` → `-￥120.50` (the minus before the sign, as on bank slips). */
export function money(fen: number): string {
  return fen < 0 ? `-${yuanSign(-fen)}` : yuanSign(fen);
}

/** Largest markup that keeps `text` (plus `extra` columns beside it) on one line: 2× size, else double height. */
function big(text: string, width: Width, extra = 0): string {
  return (displayWidth(text) + extra) * 2 <= cpl(width) ? '^^^' : '^^';
}

/** Column widths last until changed, so each two-column line sets its own and resets to auto after. */
const cols = (widths: string, line: string): string => `{width:${widths}}\n${line}\n{width:auto}`;
/** Label left at its own width, value right-aligned in the rest (wraps there if long). */
const pair = (label: string, value: string): string => cols(`${displayWidth(label)},*`, `${esc(label)} | ${esc(value)}`);
/** Name left in the rest (wraps), amount right-aligned in a column as wide as the widest amount. */
const amountLine = (name: string, amount: string, amountWidth: number, deco = ''): string =>
  cols(`*,${amountWidth}`, `${deco}${esc(name)} | ${deco}${esc(amount)}`);
const left = (text: string): string => `|${text}`;

function codeLines(data: string, width: Width, qr: boolean): string[] {
  const out: string[] = [];
  const form = barcode.generate({ data, type: 'code128', width: 2, height: 64, hri: true, quietZone: false });
  // a code wider than the head is not printed by most printers: the number is on the receipt as text anyway
  if (form.length <= cpl(width) * 12) out.push(`{code:${escProperty(data)};option:code128,2,64,hri}`);
  if (qr) out.push(`{code:${escProperty(data)};option:qrcode,4,m}`);
  return out;
}

function copyBanner(opts: { copy?: number; reprintedAt?: string; timeZone?: string }): string[] {
  if (opts.copy === undefined) return [];
  if (!Number.isSafeInteger(opts.copy) || opts.copy < 1) throw new RangeError(`copy must be 1 or more: ${opts.copy}`);
  const out = [`\`^补打 / 副本 ${opts.copy}\``];
  if (opts.reprintedAt) out.push(pair('补打时间', printedTime(opts.reprintedAt, opts.timeZone)));
  return out;
}

function checkTotals(doc: ReceiptDoc): void {
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  for (const f of [doc.totalFen, ...doc.lines.map((l) => l.amountFen), ...doc.payments.map((p) => p.amountFen)]) {
    if (!Number.isSafeInteger(f)) throw new RangeError(`not an integer amount of fen: ${f}`);
  }
  if (sum(doc.lines.map((l) => l.amountFen)) !== doc.totalFen) throw new RangeError(`receipt ${doc.receiptNo}: lines do not add up to the total`);
  if (doc.payments.length > 0 && sum(doc.payments.map((p) => p.amountFen)) !== doc.totalFen) {
    throw new RangeError(`receipt ${doc.receiptNo}: payments do not add up to the total`);
  }
  if (doc.kind === 'void' && !doc.original) throw new RangeError(`void ${doc.receiptNo} without the original receipt`);
}

/** The receipt (or void) as printer bytes, SVG preview and text. Throws RangeError on an inconsistent document. */
export function renderReceipt(doc: ReceiptDoc, opts: ReceiptOptions): Rendered {
  checkTotals(doc);
  const { width } = opts;
  const isVoid = doc.kind === 'void';
  const title = isVoid ? '作废冲正' : '收据';
  const L: string[] = [];
  L.push(`${big(doc.propertyName, width)}${esc(doc.propertyName)}`, `^^^${title}`, ...copyBanner(opts), '');
  L.push(pair('收据号', doc.receiptNo), pair('时间', printedTime(doc.issuedAt, opts.timeZone)), pair('终端', doc.terminalId), pair('收款员', doc.operatorName));
  if (doc.roomCode !== null) L.push(pair('房号', doc.roomCode));
  if (doc.payer !== null) L.push(pair('缴款人', doc.payer));
  if (isVoid && doc.original) {
    L.push('-', pair('原收据号', doc.original.receiptNo), left(`作废原因：${esc(doc.original.reason)}`), pair('审批人', doc.original.approverName));
  }
  const aw = Math.max(4, ...doc.lines.map((l) => displayWidth(money(l.amountFen))), ...doc.payments.map((p) => displayWidth(money(p.amountFen))));
  L.push('-', cols(`*,${aw}`, '"项目 | "金额'));
  for (const line of doc.lines) {
    const name = [line.name.trim() || '（未命名）', line.quantity?.trim()].filter(Boolean).join('  ');
    L.push(amountLine(name, money(line.amountFen), aw));
    if (line.detail?.trim()) L.push(left(`~~${esc(line.detail)}`));
  }
  const total = money(doc.totalFen);
  const twice = big(`合计${total}`, width, 1) === '^^^';
  const tw = displayWidth(total) * (twice ? 2 : 1);
  L.push('-', amountLine('合计', total, tw, twice ? '^^^"' : '^^"'), left(`大写：${fenToChineseUpper(doc.totalFen)}`), '-');
  for (const p of doc.payments) {
    L.push(amountLine(isVoid ? `退${PAYMENT_METHOD_LABELS[p.method]}` : PAYMENT_METHOD_LABELS[p.method], money(p.amountFen), aw));
    if (p.reference) L.push(left(`~~交易号 ${esc(p.reference)}`));
  }
  if (doc.receivedFen !== undefined) L.push(pair('实收现金', money(doc.receivedFen)));
  if (doc.changeFen !== undefined) L.push(pair('找零', money(doc.changeFen)));
  if (doc.note) L.push(left(`备注：${esc(doc.note)}`));
  L.push('', ...codeLines(doc.receiptNo, width, opts.qr ?? false), '');
  L.push(isVoid ? '本单冲销原收据，原收据作废' : '请妥善保管本收据', '');
  return renderMarkup(L.join('\n') + '\n', width);
}

/** A line of a slip: text (left), a label/value pair, a centred heading, or a rule. */
export type SlipLine = string | readonly [label: string, value: string] | { heading: string } | { rule: true };

export interface SlipOptions {
  width: Width;
  /** the property's time zone for printed times (default Asia/Shanghai) */
  timeZone?: string;
  copy?: number;
  reprintedAt?: string;
  /** printed under the title, e.g. the shift-close time */
  issuedAt?: string;
  /** a CODE128 at the bottom, e.g. a slip number */
  barcode?: string;
  qr?: string;
}

/** Generic slip (test page, shift-close slip, parcel notice): big title, then the lines, then a cut. */
export function renderSlip(title: string, lines: readonly SlipLine[], opts: SlipOptions): Rendered {
  const { width } = opts;
  const L: string[] = [`${big(title, width)}${esc(title)}`, ...copyBanner(opts)];
  if (opts.issuedAt) L.push(esc(printedTime(opts.issuedAt, opts.timeZone)));
  L.push('');
  for (const line of lines) {
    if (typeof line === 'string') L.push(left(esc(line)));
    else if (Array.isArray(line)) L.push(pair(line[0] as string, line[1] as string));
    else if ('heading' in line) L.push(`"${esc(line.heading)}`);
    else L.push('-');
  }
  L.push('');
  if (opts.barcode) L.push(...codeLines(opts.barcode, width, false));
  if (opts.qr) L.push(`{code:${escProperty(opts.qr)};option:qrcode,4,m}`);
  L.push('');
  return renderMarkup(L.join('\n') + '\n', width);
}

/** What the settings screen prints (resources/printer/test-page.json): Chinese text, the ￥ sign, a ruler of the full line width, CODE128 and QR. */
export function testPage(width: Width, now?: string, timeZone?: string): Rendered {
  const n = cpl(width);
  const fill = (s: string): string =>
    s
      .replaceAll('{width}', String(width))
      .replaceAll('{cpl}', String(n))
      .replace('{ruler}', Array.from({ length: n }, (_, i) => String((i + 1) % 10)).join(''))
      .replace('{han}', '汉'.repeat(n / 2));
  const lines: SlipLine[] = TEST_PAGE.lines.map((l) =>
    Array.isArray(l) ? ([fill(l[0] as string), fill(l[1] as string)] as const) : l === '---' ? { rule: true } : fill(l as string),
  );
  return renderSlip(TEST_PAGE.title, lines, {
    width,
    barcode: TEST_PAGE.barcode,
    qr: TEST_PAGE.qr,
    ...(now ? { issuedAt: now } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
}

export { drawerKickBytes } from './commands';
