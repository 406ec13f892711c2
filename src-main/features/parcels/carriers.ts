/**
 * Carrier from the waybill number (pure rules, no imports outward). The rules and where they come from are in
 * docs/decisions.md ("Carrier from the waybill number").
 *
 *   letter prefixes: SF… 顺丰, YT… 圆通, JT… 极兔, JD… 京东 (piece suffix `-1-2-` allowed), DPK… 德邦;
 *   two letters + 9 digits + two letters: UPU S10 (邮政), checked with its check digit; E… = EMS;
 *   digits only, by length and leading digits (DIGIT_RULES): 中通 14 位 73/74/75/76/78, 申通 77 开头 14–15 位,
 *   韵达 15 位 3/4 开头, 菜鸟 15 位 621 开头, 邮政/EMS 13 位 1/9 开头 …
 *
 * A number one rule names is 'known' and no memory is consulted. A number two rules fit (15 位 43 开头: 韵达 or
 * 申通), or a digit-only number no rule fits (older formats), is 'ambiguous': the operator chooses, and the choice
 * is remembered for that shape (length + first two digits, `shapeKey`) — offered next time, shown as a memory,
 * and never applied to a carrier that is not among the shape's candidates. Other letter prefixes: 'unknown'.
 */
export const CARRIERS = ['SF', 'YT', 'JT', 'JD', 'EMS', 'POST', 'ZTO', 'STO', 'YD', 'DBL', 'CAINIAO', 'OTHER', 'UNKNOWN'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const CARRIER_NAMES: Record<Carrier, string> = {
  SF: '顺丰',
  YT: '圆通',
  JT: '极兔',
  JD: '京东',
  EMS: 'EMS',
  POST: '中国邮政',
  ZTO: '中通',
  STO: '申通',
  YD: '韵达',
  DBL: '德邦',
  CAINIAO: '菜鸟',
  OTHER: '其他',
  UNKNOWN: '待确认',
};

/** What to offer for a digit-only number no rule recognises: the carriers that issue digit-only numbers (keys 1–9). */
export const DIGIT_CARRIERS: readonly Carrier[] = ['ZTO', 'STO', 'YD', 'YT', 'POST', 'EMS', 'DBL', 'CAINIAO', 'OTHER'];
/** What the operator may choose from for a number no rule recognises. */
export const CHOOSABLE: readonly Carrier[] = CARRIERS.filter((c) => c !== 'UNKNOWN');

export const MIN_WAYBILL = 10;
export const MAX_WAYBILL = 32;

export type Detection =
  | { kind: 'known'; waybill: string; carrier: Carrier }
  | { kind: 'ambiguous'; waybill: string; candidates: Carrier[]; shapeKey: string; remembered: Carrier | null }
  | { kind: 'unknown'; waybill: string; candidates: Carrier[] }
  | { kind: 'invalid'; waybill: string; reason: string };

/**
 * Scanner/typed text → canonical waybill: full-width forms to half-width (NFKC: `ＳＦ１２３` → `SF123`), all
 * whitespace removed, upper case, trailing dashes of a JD piece suffix dropped.
 */
export function normalizeWaybill(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]/g, '')
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212\uff0d]/g, '-')
    .replace(/-+$/, '');
}

const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 check digit of 8 serial digits: 11 − (Σ dᵢ·wᵢ mod 11); 10 → 0, 11 → 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`S10 serial must be 8 digits: ${serial}`);
  const sum = [...serial].reduce((s, d, i) => s + Number(d) * (WEIGHTS[i] as number), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** The key a choice for an ambiguous number is remembered under: `d15:43`, `d13:98`, … */
export function shapeKey(waybill: string): string {
  return `d${waybill.length}:${waybill.slice(0, 2)}`;
}

/** `d15:43` → "15 位数字，43 开头" (for the settings screen); null for a key that is not a shape. */
export function describeShape(key: string): { length: number; prefix: string; zh: string } | null {
  const m = /^d(\d{1,2}):(\d{2})$/.exec(key);
  if (!m) return null;
  const length = Number(m[1]);
  const prefix = m[2] as string;
  return { length, prefix, zh: `${length} 位数字，${prefix} 开头` };
}

const PREFIX_RULES: ReadonlyArray<{ prefix: string; carrier: Carrier; re: RegExp }> = [
  { prefix: 'SF', carrier: 'SF', re: /^SF\d{10,15}$/ },
  { prefix: 'YT', carrier: 'YT', re: /^YT\d{10,16}$/ },
  { prefix: 'JT', carrier: 'JT', re: /^JT\d{10,16}$/ },
  { prefix: 'JD', carrier: 'JD', re: /^JD[0-9A-Z]{8,20}(-\d{1,4}){0,3}$/ },
  { prefix: 'DPK', carrier: 'DBL', re: /^DPK\d{10,15}$/ },
];

/**
 * Digit-only numbers by length and leading digits, first match wins. `carriers` with one entry: that carrier;
 * with several: the rules of those carriers overlap on this shape, the operator is asked.
 */
export const DIGIT_RULES: ReadonlyArray<{ lengths: readonly number[]; lead: RegExp; carriers: readonly Carrier[]; note: string }> = [
  { lengths: [14], lead: /^7[34568]/, carriers: ['ZTO'], note: '中通：14 位，73/74/75/76/78 开头' },
  { lengths: [14, 15], lead: /^77/, carriers: ['STO'], note: '申通：77 开头，14–15 位（773…）' },
  { lengths: [15], lead: /^621/, carriers: ['CAINIAO'], note: '菜鸟：15 位，621 开头' },
  { lengths: [15], lead: /^43/, carriers: ['YD', 'STO'], note: '15 位 43 开头：韵达（3/4 开头 15 位）与申通（43 开头）的规则重叠' },
  { lengths: [15], lead: /^[34]/, carriers: ['YD'], note: '韵达：15 位，3 或 4 开头（31…、46…）' },
  { lengths: [13], lead: /^[19]/, carriers: ['POST', 'EMS'], note: '中国邮政与 EMS：13 位，1 或 9 开头，两者号段交错' },
  { lengths: [13], lead: /^5[0-2]/, carriers: ['YD', 'EMS'], note: '13 位 50–52 开头：韵达（5 开头 13 位）与 EMS（50–52 号段）的规则重叠' },
  { lengths: [13], lead: /^5/, carriers: ['YD'], note: '韵达：13 位，5 开头' },
];

function digitDetection(waybill: string, memory: Readonly<Record<string, Carrier>>): Detection {
  const rule = DIGIT_RULES.find((r) => r.lengths.includes(waybill.length) && r.lead.test(waybill));
  if (rule && rule.carriers.length === 1) return { kind: 'known', waybill, carrier: rule.carriers[0] as Carrier };
  const candidates = [...(rule ? rule.carriers : DIGIT_CARRIERS)];
  const key = shapeKey(waybill);
  const memo = memory[key];
  // a memory only stands for a carrier this shape can be: a choice made outside the candidates is not applied
  const remembered = memo !== undefined && candidates.includes(memo) ? memo : null;
  return { kind: 'ambiguous', waybill, candidates, shapeKey: key, remembered };
}

/**
 * Detects the carrier of a scanned or typed waybill. `memory` maps a digit shape to the choice remembered for it.
 * Never throws: a bad number comes back as 'invalid' with a Chinese reason the counter can show.
 */
export function detectCarrier(raw: string, memory: Readonly<Record<string, Carrier>> = {}): Detection {
  const waybill = normalizeWaybill(raw);
  if (waybill.length === 0) return { kind: 'invalid', waybill, reason: '单号为空：请扫描或输入快递单号。' };
  if (!/^[0-9A-Z-]+$/.test(waybill)) return { kind: 'invalid', waybill, reason: '单号只能包含字母和数字：请重新扫描。' };
  if (waybill.length < MIN_WAYBILL)
    return { kind: 'invalid', waybill, reason: `单号太短（${waybill.length} 位，至少 ${MIN_WAYBILL} 位）：可能没扫完整，请重新扫描。` };
  if (waybill.length > MAX_WAYBILL)
    return { kind: 'invalid', waybill, reason: `单号太长（${waybill.length} 位，最多 ${MAX_WAYBILL} 位）：可能连扫了两次，请重新扫描。` };

  const s10 = S10.exec(waybill);
  if (s10) {
    const [, service, serial, check] = s10 as unknown as [string, string, string, string, string];
    if (s10CheckDigit(serial) !== Number(check)) return { kind: 'invalid', waybill, reason: '邮政单号校验位不对：可能扫错或输错了一位，请重新扫描。' };
    return { kind: 'known', waybill, carrier: service.startsWith('E') ? 'EMS' : 'POST' };
  }
  for (const r of PREFIX_RULES) {
    if (waybill.startsWith(r.prefix)) {
      if (r.re.test(waybill)) return { kind: 'known', waybill, carrier: r.carrier };
      return { kind: 'invalid', waybill, reason: `${CARRIER_NAMES[r.carrier]}单号格式不对（${r.prefix} 开头应跟数字）：请重新扫描。` };
    }
  }
  if (waybill.includes('-')) return { kind: 'invalid', waybill, reason: '单号里有多余的短横线：请重新扫描。' };
  if (/^\d+$/.test(waybill)) return digitDetection(waybill, memory);
  return { kind: 'unknown', waybill, candidates: [...CHOOSABLE] };
}
