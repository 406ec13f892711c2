/**
 * What a typed roster search is read as: the same in main (the search service) and in the renderer (its copy of
 * the roster index, src-shared/roster-index.ts), so that both answer a text the same way.
 */

/** Full-width ASCII (digits, letters, ＃, －) to half-width; trims; collapses spaces. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Turns what a receptionist types into a room-code prefix for search-as-you-type:
 * `3-2-5` → `3-2-5`, `3栋2单元` → `3-2-`, `3栋2单元50` → `3-2-50`. Null if it is not room-like.
 */
export function roomPrefix(input: string): string | null {
  const s = toHalfWidth(input).toUpperCase().trim();
  // a room always has a digit; "Jean-Luc" is a name, "A座" alone is not enough to search rooms
  if (!/\d/.test(s) || !/^[0-9A-Z]/.test(s)) return null;
  const normalised = s
    .replace(/(室|号)$/, '')
    .replace(/号楼|号|栋|幢|座|#/g, '-')
    .replace(/单元/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
  if (normalised === s && !/[-]/.test(s)) return null;
  return /^[0-9A-Z]+(-[0-9A-Z]*){0,2}$/.test(normalised) ? normalised : null;
}

const HAN = /\p{Script=Han}/u;

export function isHan(s: string): boolean {
  return HAN.test(s);
}

/** Normalises a phone number to digits; null when it is not a plausible Chinese mobile or landline. */
export function normalisePhone(input: string): string | null {
  let d = toHalfWidth(input).replace(/[\s\-()（）]/g, '');
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  if (!/^\d+$/.test(d)) return null;
  if (/^1[3-9]\d{9}$/.test(d)) return d;
  if (/^0\d{9,11}$/.test(d)) return d; // landline with area code, e.g. 021 12345678
  return null;
}
