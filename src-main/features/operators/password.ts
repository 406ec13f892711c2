import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** OWASP minimum for scrypt: N=2^16, r=8, p=1. Node's default maxmem (32 MiB) is too small for it. */
export interface ScryptCost {
  ln: number;
  r: number;
  p: number;
}
export const PRODUCTION_COST: ScryptCost = { ln: 16, r: 8, p: 1 };
const KEYLEN = 32;

function run(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.ln;
  const opts: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r * cost.p + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFC: the same password typed through different IMEs/keyboards must match.
    scrypt(password.normalize('NFC'), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** PHC-style string: $scrypt$ln=16,r=8,p=1$<salt>$<hash> (base64, no padding). */
export async function hashPassword(password: string, cost: ScryptCost = PRODUCTION_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await run(password, salt, cost);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const PHC = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export function parseCost(stored: string): ScryptCost | null {
  const m = PHC.exec(stored);
  return m ? { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) } : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = PHC.exec(stored);
  if (!m) return false;
  const cost = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (cost.ln < 10 || cost.ln > 20) return false;
  const expected = Buffer.from(m[5] ?? '', 'base64url');
  const key = await run(password, Buffer.from(m[4] ?? '', 'base64url'), cost);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
