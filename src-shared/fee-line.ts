import { formatFen } from './money';

/**
 * The words of a fee line ("2026-12 至 2027-02，102.3㎡ × ￥2.50/㎡·月", "3个月") built from its facts, in
 * Chinese (what the core stores with the receipt and prints) or English (what the screen shows in English
 * mode). A posted line is stored as its Chinese text only, so `parseFeeLine` reads the facts back from that
 * text; the two are kept inverse to each other by a round-trip test over every rule. Text it does not
 * recognise (written by an older version, or by hand) is shown as stored.
 */

export type FeeLineLang = 'zh-CN' | 'en';

/** A fee period: `months` months from `from` (YYYY-MM), or a number of months with no start given. */
export interface FeePeriod {
  months: number;
  from?: string;
  /** the last month (YYYY-MM), when `from` is given and months > 1 */
  to?: string;
}

export type FeeLineFacts =
  | { rule: 'fixed'; quantity: number; unit: string; unitPriceFen: number }
  | { rule: 'per_month'; period: FeePeriod; unitPriceFen: number }
  | { rule: 'per_area_month'; period: FeePeriod; area: string; unitPriceFen: number }
  | { rule: 'metered'; from: string; to: string; used: string; unit: string; unitPriceFen: number }
  | { rule: 'amount' }
  /** a planned item's months settled oldest first (and opening arrears brought in from the previous system) */
  | { rule: 'plan'; opening: boolean; period: FeePeriod | null; amountFen: number };

/** Units a fee item is commonly counted in: English singular and plural. Any other unit is shown as entered. */
const UNITS: Record<string, readonly [string, string]> = {
  次: ['time', 'times'],
  张: ['card', 'cards'],
  个: ['pc', 'pcs'],
  件: ['item', 'items'],
  把: ['key', 'keys'],
  份: ['copy', 'copies'],
  台: ['unit', 'units'],
  辆: ['vehicle', 'vehicles'],
  位: ['space', 'spaces'],
  月: ['month', 'months'],
  天: ['day', 'days'],
  度: ['kWh', 'kWh'],
  吨: ['t', 't'],
  方: ['m³', 'm³'],
  立方米: ['m³', 'm³'],
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-12 → "Dec 2026" (English); as is in Chinese. */
export function feeMonth(ym: string, lang: FeeLineLang): string {
  if (lang !== 'en') return ym;
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  const name = m ? MONTHS_EN[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : ym;
}

/** "3 pcs", "1 card", "50 kWh": a count with its unit in English (unknown units as entered). */
export function unitCount(n: string | number, unit: string, lang: FeeLineLang, zhSpace = false): string {
  if (lang !== 'en') return `${n}${zhSpace ? ' ' : ''}${unit}`;
  const u = UNITS[unit];
  if (!u) return `${n} ${unit}`;
  return `${n} ${Number(n) === 1 ? u[0] : u[1]}`;
}

/** A unit's name after a price ("/card", "/kWh"): English for the common units, as entered otherwise. */
export function unitName(unit: string, lang: FeeLineLang): string {
  return lang === 'en' ? (UNITS[unit]?.[0] ?? unit) : unit;
}

function periodText(p: FeePeriod, lang: FeeLineLang): string {
  if (!p.from) return lang === 'en' ? unitCount(p.months, '月', lang) : `${p.months} 个月`;
  if (p.months === 1 || !p.to) return feeMonth(p.from, lang);
  return lang === 'en' ? `${feeMonth(p.from, lang)} – ${feeMonth(p.to, lang)}` : `${p.from} 至 ${p.to}`;
}

const price = (fen: number, lang: FeeLineLang) => `${lang === 'en' ? '¥' : '￥'}${formatFen(fen)}`;

/** The line's detail ('' when there is nothing to say beyond the name and amount). */
export function feeLineDetail(f: FeeLineFacts, lang: FeeLineLang): string {
  const en = lang === 'en';
  switch (f.rule) {
    case 'fixed':
      return f.quantity > 1 ? `${unitCount(f.quantity, f.unit, lang, true)} × ${price(f.unitPriceFen, lang)}` : '';
    case 'per_month':
      return en ? `${periodText(f.period, lang)}, ${price(f.unitPriceFen, lang)}/month` : `${periodText(f.period, lang)}，${price(f.unitPriceFen, lang)}/月`;
    case 'per_area_month':
      return en
        ? `${periodText(f.period, lang)}, ${f.area} m² × ${price(f.unitPriceFen, lang)}/m²·month`
        : `${periodText(f.period, lang)}，${f.area}㎡ × ${price(f.unitPriceFen, lang)}/㎡·月`;
    case 'metered':
      return en
        ? `reading ${f.from} → ${f.to}, used ${unitCount(f.used, f.unit, lang)} × ${price(f.unitPriceFen, lang)}`
        : `读数 ${f.from} → ${f.to}，用量 ${f.used}${f.unit} × ${price(f.unitPriceFen, lang)}`;
    case 'amount':
      return '';
    case 'plan': {
      const p = f.period;
      const opening = f.opening ? (en ? `opening arrears${p ? ' and ' : ''}` : `期初欠费${p ? '及' : ''}`) : '';
      const span = p ? (en ? `${periodText(p, lang)}, ${unitCount(p.months, '月', lang)}` : `${periodText(p, lang)}，${p.months} 个月`) : '';
      return `${opening}${span}${en ? ', ' : '，'}${price(f.amountFen, lang)}`;
    }
  }
}

/** The line's quantity column ("3个月", "2张", "50度"; '' for an amount). */
export function feeLineQuantity(f: FeeLineFacts, lang: FeeLineLang): string {
  switch (f.rule) {
    case 'fixed':
      return unitCount(f.quantity, f.unit, lang);
    case 'per_month':
    case 'per_area_month':
      return unitCount(f.period.months, lang === 'en' ? '月' : '个月', lang);
    case 'plan':
      return unitCount(f.period?.months ?? 0, lang === 'en' ? '月' : '个月', lang);
    case 'metered':
      return unitCount(f.used, f.unit, lang);
    case 'amount':
      return '';
  }
}

const YM = String.raw`\d{4}-\d{2}`;
const NUM = String.raw`\d+(?:\.\d+)?`;
const PRICE = String.raw`￥(-?\d+\.\d{2})`;
const PERIOD = String.raw`(${YM} 至 ${YM}|${YM}|\d+ 个月)`;
const toFen = (yuan: string) => Math.round(Number(yuan) * 100);

function parsePeriod(text: string): FeePeriod {
  const range = new RegExp(`^(${YM}) 至 (${YM})$`).exec(text);
  if (range?.[1] && range[2]) {
    const [fy, fm] = range[1].split('-').map(Number) as [number, number];
    const [ty, tm] = range[2].split('-').map(Number) as [number, number];
    return { months: ty * 12 + tm - (fy * 12 + fm) + 1, from: range[1], to: range[2] };
  }
  if (new RegExp(`^${YM}$`).test(text)) return { months: 1, from: text };
  return { months: Number(/^(\d+)/.exec(text)?.[1] ?? 0) };
}

/** The facts of a stored Chinese line (its detail and quantity), or null when the text is not one this module writes. */
export function parseFeeLine(detail: string, quantity: string): FeeLineFacts | null {
  let m: RegExpExecArray | null;
  if (!detail && !quantity) return { rule: 'amount' };
  if ((m = new RegExp(`^${PERIOD}，${PRICE}/月$`).exec(detail)) && m[1] && m[2])
    return { rule: 'per_month', period: parsePeriod(m[1]), unitPriceFen: toFen(m[2]) };
  if ((m = new RegExp(`^${PERIOD}，(${NUM})㎡ × ${PRICE}/㎡·月$`).exec(detail)) && m[1] && m[2] && m[3])
    return { rule: 'per_area_month', period: parsePeriod(m[1]), area: m[2], unitPriceFen: toFen(m[3]) };
  // a planned item: the months it settled may skip an exempt one, so their number is read as written
  if ((m = new RegExp(`^(期初欠费(?:及)?)?(?:(${YM} 至 ${YM}|${YM})，(\\d+) 个月)?，${PRICE}$`).exec(detail)) && (m[1] || m[2]) && m[4])
    return { rule: 'plan', opening: !!m[1], period: m[2] ? { ...parsePeriod(m[2]), months: Number(m[3]) } : null, amountFen: toFen(m[4]) };
  if ((m = new RegExp(`^读数 (${NUM}) → (${NUM})，用量 (${NUM})(\\D.*?) × ${PRICE}$`).exec(detail)) && m[1] && m[2] && m[3] && m[4] && m[5])
    return { rule: 'metered', from: m[1], to: m[2], used: m[3], unit: m[4], unitPriceFen: toFen(m[5]) };
  if ((m = new RegExp(`^(\\d+) (.+?) × ${PRICE}$`).exec(detail)) && m[1] && m[2] && m[3])
    return { rule: 'fixed', quantity: Number(m[1]), unit: m[2], unitPriceFen: toFen(m[3]) };
  // one of a fixed item: no detail, the quantity alone ("1张"); its price is the line's amount
  if (!detail && (m = /^1(\D.*)$/.exec(quantity)) && m[1]) return { rule: 'fixed', quantity: 1, unit: m[1], unitPriceFen: 0 };
  return null;
}

/** A stored line's detail and quantity in the language on screen (as stored when not recognised, or in Chinese). */
export function localizeFeeLine(detail: string, quantity: string, lang: FeeLineLang): { detail: string; quantity: string } {
  if (lang !== 'en') return { detail, quantity };
  const f = parseFeeLine(detail, quantity);
  if (!f) return { detail, quantity };
  return { detail: feeLineDetail(f, lang), quantity: feeLineQuantity(f, lang) };
}
