/**
 * Chinese vehicle plate numbers (GA 36 as the public formats describe it), for visitor and removal-pass
 * registers. Pure: the contract validates with it and the renderer can show the same message as you type.
 *
 *   ordinary          京A12345     province, issuing-office letter, 5 letters or digits
 *   new energy, small 京AD12345    province, letter, D/A/B/C/E (electric) or F/G/H/J/K (other), a letter or digit, 4 digits
 *   new energy, large 京A12345D    province, letter, 5 digits, the same energy letter last
 *   special suffix    京A1234警    police; 学 driving school; 挂 trailer; 领 consulate; 港/澳 cross-border (粤Z); 应急 emergency
 *   embassy           使014578     使, then the embassy's 3 digits and 3 more
 *
 * Letters I and O are never used after the province (they read as 1 and 0), so they are refused there.
 * Military and armed-police plates (a letter pair instead of a province) are not taken: a counter has no
 * business registering them, and their formats are not public.
 */

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LETTER = 'A-HJ-NP-Z';
const ALNUM = `${LETTER}0-9`;
const ENERGY = 'DABCEFGHJK';

export type PlateKind = 'ordinary' | 'new-energy' | 'special' | 'embassy';

const FORMS: ReadonlyArray<readonly [PlateKind, RegExp]> = [
  ['ordinary', new RegExp(`^[${PROVINCES}][${LETTER}][${ALNUM}]{5}$`)],
  ['new-energy', new RegExp(`^[${PROVINCES}][${LETTER}][${ENERGY}][${ALNUM}]\\d{4}$`)],
  ['new-energy', new RegExp(`^[${PROVINCES}][${LETTER}]\\d{5}[${ENERGY}]$`)],
  ['special', new RegExp(`^[${PROVINCES}][${LETTER}][${ALNUM}]{4}(警|学|挂|领|港|澳|应急)$`)],
  ['embassy', /^使\d{6}$/],
];

/**
 * The plate as stored: full-width letters and digits made half-width, letters upper case, and the separators
 * people type (space, ·, •, ., -) removed. `京a·12345` → `京A12345`.
 */
export function normalizePlate(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s·•.\-\u30fb]/g, '')
    .toUpperCase();
}

/** What kind of plate a normalised number is, or null when it is none of the public formats. */
export function plateKind(plate: string): PlateKind | null {
  for (const [kind, re] of FORMS) if (re.test(plate)) return kind;
  return null;
}

export const PLATE_MESSAGE = '车牌号格式不对：例如 京A12345、新能源 京AD12345 或 京A12345D（字母 I、O 不会出现在车牌里）';

/** Null when `s` is a plate number, else the Chinese reason. */
export function plateProblem(s: string): string | null {
  const p = normalizePlate(s);
  if (!p) return '请填写车牌号';
  if (!PROVINCES.includes(p[0] as string) && p[0] !== '使') return `车牌号应以省份简称开头（例如 京、沪、粤）：${PLATE_MESSAGE}`;
  return plateKind(p) ? null : PLATE_MESSAGE;
}

/** A plate on screen: the province, the office letter and the last two characters (`京A***45`). */
export function maskPlate(plate: string | null | undefined): string {
  if (!plate) return '';
  const chars = [...plate];
  if (chars.length <= 4) return plate;
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 4)}${chars.slice(-2).join('')}`;
}
