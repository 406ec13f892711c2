import { randomInt } from 'node:crypto';

/**
 * Pickup codes (取件码): 6 random digits, e.g. `402718`, read aloud as two groups `402 718`. Unique among
 * parcels in stock (a partial unique index enforces it) and not handed out again for COOLDOWN_DAYS after it
 * was last given, so an old SMS or slip never matches somebody else's parcel. Random rather than sequential,
 * so a neighbour's code cannot be guessed from one's own. See docs/decisions.md "Pickup codes".
 */
export const CODE_LENGTH = 6;
export const COOLDOWN_DAYS = 30;
const RANDOM_TRIES = 40;

export type Random = (maxExclusive: number) => number;
export const cryptoRandom: Random = (max) => randomInt(max);

export class CodeSpaceFull extends Error {
  constructor() {
    super('no free pickup code');
  }
}

/**
 * A code that `taken` says is free. Random tries first (at realistic stock, < 1% of the space is in use, so the
 * first try almost always succeeds); then a sweep from a random start, so a free code is always found while
 * one exists. `length` is a parameter only so tests can exercise a crowded space.
 */
export function allocatePickupCode(taken: (code: string) => boolean, random: Random = cryptoRandom, length = CODE_LENGTH): string {
  const space = 10 ** length;
  const fmt = (n: number) => String(n).padStart(length, '0');
  for (let i = 0; i < RANDOM_TRIES; i++) {
    const c = fmt(random(space));
    if (!taken(c)) return c;
  }
  const start = random(space);
  for (let i = 0; i < space; i++) {
    const c = fmt((start + i) % space);
    if (!taken(c)) return c;
  }
  throw new CodeSpaceFull();
}

/** What an operator types or a scanner reads (`402 718`, `４０２７１８`, `402-718`) → `402718`, or null. */
export function normalizePickupCode(raw: string): string | null {
  const s = raw.normalize('NFKC').replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_LENGTH}}$`).test(s) ? s : null;
}

/** `402718` → `402 718`, for the screen and the slip. */
export function spokenCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
