import type { Lang } from './lang';
import { CORE_MESSAGES } from './core-messages';

/**
 * Sentences the core writes in Chinese for the screen (device states, refusals) in English mode. The core's
 * text stays the source: each entry is a Chinese sentence as the core writes it, `{x}` standing for what the
 * core fills in (a room, a number, a name), and its English with the same `{x}`. test/unit/core-text.test.ts
 * checks every entry against the core's sources, so a changed sentence is caught, not silently left Chinese.
 * A sentence with no entry is shown as the core wrote it.
 */
interface Compiled {
  re: RegExp;
  names: string[];
  en: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(zh: string, en: string): Compiled {
  const names: string[] = [];
  const src = zh
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m?.[1]) return escape(part);
      names.push(m[1]);
      return '(.*?)';
    })
    .join('');
  return { re: new RegExp(`^${src}$`, 's'), names, en };
}

let compiled: Compiled[] | null = null;
const all = (): Compiled[] => (compiled ??= CORE_MESSAGES.map(([zh, en]) => compile(zh, en)));

function one(zh: string): string | null {
  for (const c of all()) {
    const m = c.re.exec(zh);
    if (!m) continue;
    return c.en.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const i = c.names.indexOf(name);
      // what the core filled in may itself be one of its sentences (打印机：{detail})
      const v = i >= 0 ? m[i + 1] : undefined;
      return v === undefined ? whole : value(v);
    });
  }
  return null;
}

/** One of the core's words, also when it quotes it (「空置」 → “Vacant”). */
function word(p: string): string | null {
  const quoted = /^「(.+)」$/.exec(p);
  const inner = quoted?.[1] ? one(quoted[1]) : null;
  return one(p) ?? (inner === null ? null : `“${inner}”`);
}

/** What the core filled in: one of its sentences or words, a list of them (顺丰/京东, 楼栋、房号, 「空置」、「自住」), or a value as it is. */
function value(v: string): string {
  const whole = one(v);
  if (whole !== null) return whole;
  for (const [sep, en] of [
    ['/', '/'],
    ['、', ', '],
  ] as const) {
    if (!v.includes(sep)) continue;
    const parts = v.split(sep).map((p) => word(p));
    if (parts.every((p): p is string => p !== null)) return parts.join(en);
  }
  return v;
}

/** The core's Chinese sentence in the language on screen (as written when there is no English for it). */
export function coreText(zh: string, lang: Lang): string {
  if (lang !== 'en' || !zh) return zh;
  const whole = one(zh);
  if (whole !== null) return whole;
  // sentences joined with a full-width semicolon ("打印机正常；纸卷快用完了…"): each on its own
  if (zh.includes('；')) {
    const parts = zh.split('；').map((p) => one(p));
    if (parts.every((p): p is string => p !== null)) return parts.join('; ');
  }
  return zh;
}

/** True when the sentence has an English version (errors fall back to a general English line when not). */
export function hasCoreText(zh: string): boolean {
  return one(zh) !== null || (zh.includes('；') && zh.split('；').every((p) => one(p) !== null));
}

/** The reason in the core's refusal of a field (输入无效 — 姓名：请填写 → 请填写), for a screen that names the field itself. */
export function inputReason(zh: string): string {
  return zh.replace(/^输入无效 — [^：]*：/, '');
}
