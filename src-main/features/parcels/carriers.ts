/**
 * Carrier from the waybill number (pure rules, no imports outward).
 *
 *   SF…  顺丰      YT…  圆通      JT…  极兔      JD…  京东 (piece suffix `-1-2-` allowed)
 *   two letters + 9 digits + two letters: UPU S10 (邮政), checked with its check digit; E… = EMS
 *   digits only: 中通 / 申通 / 韵达 cannot be told apart offline → 'ambiguous'; the counter's last choice for the
 *   same shape (length + first two digits) is remembered and offered (`shapeKey`).
 *   other letter prefixes (德邦 DPK…, 宅急送 ZJS…): 'unknown', the operator picks.
 */
export const CARRIERS = ['SF', 'YT', 'JT', 'JD', 'EMS', 'POST', 'ZTO', 'STO', 'YD', 'OTHER', 'UNKNOWN'] as const;
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
  OTHER: '其他',
  UNKNOWN: '待确认',
};

/** The three carriers whose digit-only numbers look alike. */
export const DIGIT_CARRIERS: readonly Carrier[] = ['ZTO', 'STO', 'YD'];
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

/** The key the last choice for an ambiguous number is remembered under: `d12:78`, `d13:43`, … */
export function shapeKey(waybill: string): string {
  return `d${waybill.length}:${waybill.slice(0, 2)}`;
}

const PREFIX_RULES: ReadonlyArray<{ carrier: Carrier; re: RegExp; name: string }> = [
  { carrier: 'SF', re: /^SF\d{10,15}$/, name: '顺丰' },
  { carrier: 'YT', re: /^YT\d{10,16}$/, name: '圆通' },
  { carrier: 'JT', re: /^JT\d{10,16}$/, name: '极兔' },
  { carrier: 'JD', re: /^JD[0-9A-Z]{8,20}(-\d{1,4}){0,3}$/, name: '京东' },
];

/**
 * Detects the carrier of a scanned or typed waybill. `memory` maps a digit shape to the last carrier chosen for it.
 * Never throws: a bad number comes back as 'invalid' with a Chinese reason the counter can show.
 */
export function detectCarrier(raw: string, memory: Readonly<Record<string, Carrier>> = {}): Detection {
  const waybill = normalizeWaybill(raw);
  if (waybill.length === 0) return { kind: 'invalid', waybill, reason: '单号为空：请扫描或输入快递单号。' };
  if (!/^[0-9A-Z-]+$/.test(waybill)) return { kind: 'invalid', waybill, reason: '单号只能包含字母和数字：请重新扫描。' };
  if (waybill.length < MIN_WAYBILL) return { kind: 'invalid', waybill, reason: `单号太短（${waybill.length} 位，至少 ${MIN_WAYBILL} 位）：可能没扫完整，请重新扫描。` };
  if (waybill.length > MAX_WAYBILL) return { kind: 'invalid', waybill, reason: `单号太长（${waybill.length} 位，最多 ${MAX_WAYBILL} 位）：可能连扫了两次，请重新扫描。` };

  const s10 = S10.exec(waybill);
  if (s10) {
    const [, service, serial, check] = s10 as unknown as [string, string, string, string, string];
    if (s10CheckDigit(serial) !== Number(check)) return { kind: 'invalid', waybill, reason: '邮政单号校验位不对：可能扫错或输错了一位，请重新扫描。' };
    return { kind: 'known', waybill, carrier: service.startsWith('E') ? 'EMS' : 'POST' };
  }
  for (const r of PREFIX_RULES) {
    if (waybill.startsWith(r.carrier)) {
      if (r.re.test(waybill)) return { kind: 'known', waybill, carrier: r.carrier };
      return { kind: 'invalid', waybill, reason: `${r.name}单号格式不对（${r.carrier} 开头应跟数字）：请重新扫描。` };
    }
  }
  if (waybill.includes('-')) return { kind: 'invalid', waybill, reason: '单号里有多余的短横线：请重新扫描。' };
  if (/^\d+$/.test(waybill)) {
    const key = shapeKey(waybill);
    const remembered = memory[key] ?? null;
    return { kind: 'ambiguous', waybill, candidates: [...DIGIT_CARRIERS], shapeKey: key, remembered };
  }
  return { kind: 'unknown', waybill, candidates: [...CHOOSABLE] };
}
