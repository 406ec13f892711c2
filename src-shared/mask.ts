/**
 * Personal data masking (GB/T 35273 display limitation). Used for the screen, slips and logs.
 * Mobile numbers keep the first 3 and last 4 digits: 13812345678 -> 138****5678.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length > 4) return `****${digits.slice(-4)}`;
  return '****';
}

/** Chinese resident ID (18 chars): keep first 4 and last 4. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)(0\d{2,3})[-\s]?(\d{3,4})(\d{4})(?!\d)/g;
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{4})(\d{10})(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

/** Masks phone and ID numbers wherever they appear in free text (log lines, error messages). */
export function maskText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (_m, a: string, _b: string, c: string) => `${a}**********${c.slice(-4)}`)
    .replace(PHONE_IN_TEXT, '$1****$3')
    .replace(LANDLINE_IN_TEXT, '$1****$3');
}

/** Payer names are masked like 张** on screen and on paper; references keep only their last 4. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

export function maskReference(ref: string | null): string {
  if (!ref) return '';
  return ref.length <= 4 ? ref : `****${ref.slice(-4)}`;
}
