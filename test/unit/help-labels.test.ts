import { describe, expect, it } from 'vitest';
import { DICT } from '../../src-renderer/app/i18n/dict';

/**
 * Help and hint texts send the receptionist to a button, tab or screen by its name in 「…」 (「设置 → 常规」,
 * 「重新打印」). Each such name must be a label that exists with exactly that text, or the hint points at
 * nothing. Quoted examples (例如「2栋屋顶」), the text of a parameter (「{name}」) and the names of things
 * outside the app are not labels.
 */
const OUTSIDE = new Map<string, string>([
  ['另存为 PDF', 'the browser print dialog'],
]);

const ZH = Object.values(DICT).map(([zh]) => zh);
/** every label's text, also without a trailing key hint or colon */
const LABELS = new Set(ZH.flatMap((s) => [s.trim(), s.replace(/[：:]\s*$/, '').trim()]));

/** The 「…」 names in a text that are meant as labels (not examples, not parameters). */
export function quotedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/「([^」]+)」/g)) {
    const name = m[1] ?? '';
    const before = text.slice(0, m.index ?? 0);
    if (name.includes('{')) continue;
    // 例如「…」「…」 or 如「…」: examples of what to type
    if (/(例如|如|比如)(「[^」]*」\s*(或|、|和)?\s*)*$/.test(before)) continue;
    out.push(name);
  }
  return out;
}

describe('names in 「…」 in the help texts', () => {
  it('finds the names meant as labels', () => {
    expect(quotedNames('请在「设置 → 常规」中修改，例如「2栋屋顶」或「空置房大门」；「{name}」')).toEqual(['设置 → 常规']);
  });

  it('each refers to a label that exists with exactly that text (a path: each step)', () => {
    const missing: string[] = [];
    for (const [key, [zh]] of Object.entries(DICT)) {
      for (const name of quotedNames(zh)) {
        if (OUTSIDE.has(name)) continue;
        const steps = name.split(/\s*→\s*/);
        for (const step of steps) if (!LABELS.has(step)) missing.push(`${key}: 「${name}」 (${step})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
