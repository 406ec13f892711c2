import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from '@shared/roster-query';

/** Pure roster rules: no I/O, no imports from outside lib. */

// what a typed search is read as: shared with the renderer's roster index (src-shared/roster-query.ts)
export { isHan, normalisePhone, roomPrefix, toHalfWidth } from '@shared/roster-query';

export function roomCode(building: string, unit: string, number: string): string {
  return unit ? `${building}-${unit}-${number}` : `${building}-${number}`;
}

export interface RoomRef {
  building: string;
  unit: string;
  number: string;
}

const SEP_B = '(?:号楼|号|栋|幢|座|#|-|\\s)';
const SEP_U = '(?:单元|-|\\s)';
const TOKEN = '([0-9A-Za-z]{1,8})';
const FULL = new RegExp(`^${TOKEN}\\s*${SEP_B}\\s*${TOKEN}\\s*${SEP_U}\\s*${TOKEN}\\s*(?:室|号)?$`);
const NO_UNIT = new RegExp(`^${TOKEN}\\s*(?:号楼|栋|幢|座|#)\\s*${TOKEN}\\s*(?:室|号)?$`);

/** Parses a complete room reference: `3-2-501`, `3栋2单元501`, `3号楼2单元501室`, `3#2-501`, `3栋501` (no unit). */
export function parseRoom(input: string): RoomRef | null {
  const s = toHalfWidth(input).toUpperCase();
  const m = FULL.exec(s);
  if (m) return { building: m[1] as string, unit: m[2] as string, number: m[3] as string };
  const n = NO_UNIT.exec(s);
  if (n) return { building: n[1] as string, unit: '', number: n[2] as string };
  return null;
}

export interface NameKeys {
  /** pinyin initials, lower case: 张伟 → zw; surnames read as surnames (曾 zeng, 单 shan) */
  initials: string;
  /** full pinyin without tones or spaces, ü as v: 吕布 → lvbu */
  pinyin: string;
}

const HAN = /\p{Script=Han}/u;

export function nameKeys(name: string): NameKeys {
  const clean = toHalfWidth(name);
  if (!HAN.test(clean)) {
    const words = clean
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    return { initials: words.map((w) => w[0]).join(''), pinyin: words.join('') };
  }
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', surname: 'head', v: true }) as string[];
  const parts = syllables.map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { initials: parts.map((p) => p[0]).join(''), pinyin: parts.join('') };
}

const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 长孙 慕容 司徒 令狐 公孙 夏侯 宇文 澹台 万俟 轩辕 端木 独孤 南宫 西门 百里 呼延 东郭 闻人 钟离 申屠 太史 赫连'.split(' '),
);

/** The given name: 张伟 → 伟, 欧阳娜娜 → 娜娜. Names that are not Chinese are returned as they are. */
export function givenName(name: string): string {
  const n = toHalfWidth(name).replace(/\s/g, '');
  if (!HAN.test(n.slice(0, 1)) || n.length < 2) return n;
  return COMPOUND_SURNAMES.has(n.slice(0, 2)) && n.length > 2 ? n.slice(2) : n.slice(1);
}

/** Area in m² as typed ("89.5", "89.50㎡") → integer hundredths of a m², or null when empty. Throws on nonsense. */
export function parseArea(input: string): number | null {
  const s = toHalfWidth(input)
    .replace(/(㎡|m2|平方米|平米)$/i, '')
    .trim();
  if (s === '') return null;
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(s)) throw new Error('面积应为数字，最多两位小数，例如 89.5');
  const [i, f = ''] = s.split('.');
  return Number(i) * 100 + Number((f + '00').slice(0, 2));
}

export function formatArea(cm2: number | null): string | null {
  if (cm2 === null) return null;
  return `${Math.trunc(cm2 / 100)}.${String(cm2 % 100).padStart(2, '0')}`;
}

/** Dates from a roster file: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, or an Excel date. */
export function parseDate(input: string | Date | number | null | undefined): string | null {
  if (input === null || input === undefined || input === '') return null;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new Error('日期无效');
    return input.toISOString().slice(0, 10);
  }
  if (typeof input === 'number') {
    // Excel serial date (days since 1899-12-30)
    if (input < 1 || input > 100000) throw new Error('日期无效');
    return new Date(Math.round((input - 25569) * 86400_000)).toISOString().slice(0, 10);
  }
  const s = toHalfWidth(input);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) throw new Error('日期格式应为 2024-03-01');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) throw new Error('日期不存在');
  if (y < 1950 || y > 2100) throw new Error('年份不合理');
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const KIND_WORDS: Record<string, 'owner' | 'tenant' | 'family'> = {
  业主: 'owner',
  产权人: 'owner',
  owner: 'owner',
  租户: 'tenant',
  租客: 'tenant',
  承租人: 'tenant',
  tenant: 'tenant',
  家属: 'family',
  家庭成员: 'family',
  同住人: 'family',
  family: 'family',
};

export function parseKind(input: string): 'owner' | 'tenant' | 'family' | null {
  const s = toHalfWidth(input).toLowerCase();
  if (s === '') return 'owner';
  return KIND_WORDS[s] ?? null;
}

export const KIND_ZH = { owner: '业主', tenant: '租户', family: '家属' } as const;
