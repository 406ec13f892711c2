import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DICT } from '../../src-renderer/app/i18n/dict';
import { CORE_MESSAGES } from '../../src-renderer/app/i18n/core-messages';

/**
 * Punctuation belongs to its language: no full-width ，：；（）“”‘’！？ in an English string (they render as wide
 * gaps in Latin text), and no ASCII , : ; ( ) ! ? between two Chinese characters in a Chinese string.
 * Exceptions, by design: the Chinese strings may use ASCII punctuation next to Latin text, digits and
 * placeholders ("W26 (…)", "{n}:", "3-2-501, …"), since that is where it belongs; “ ” ‘ ’ are English quotes in
 * English strings, so only the full-width forms of other marks are refused there, with curly quotes allowed.
 */
const FULL_WIDTH = /[，：；（）！？、。「」]/;
const CJK = '[\\u3400-\\u9fff]';
const ASCII_BETWEEN_CJK = new RegExp(`${CJK}\\s*[,:;()!?]\\s*${CJK}`);

const pairs: [string, string, string][] = [
  ...Object.entries(DICT).map(([k, [zh, en]]) => [k, zh, en] as [string, string, string]),
  ...CORE_MESSAGES.map(([zh, en]) => [`core: ${zh}`, zh, en] as [string, string, string]),
];

describe('punctuation per language', () => {
  it('English strings have no full-width punctuation', () => {
    expect(pairs.filter(([, , en]) => FULL_WIDTH.test(en)).map(([k, , en]) => `${k}: ${en}`)).toEqual([]);
  });
  it('Chinese strings have no ASCII punctuation between Chinese characters', () => {
    expect(pairs.filter(([, zh]) => ASCII_BETWEEN_CJK.test(zh)).map(([k, zh]) => `${k}: ${zh}`)).toEqual([]);
  });
  it('the checks catch what they are for', () => {
    expect(FULL_WIDTH.test('Borrower’s name：')).toBe(true);
    expect(ASCII_BETWEEN_CJK.test('借用人,电话')).toBe(true);
    expect(ASCII_BETWEEN_CJK.test('W26 韦根（3 位区号 + 5 位卡号），如 111,27706')).toBe(false);
  });
});

/** Screens' own text goes through the dictionaries: no Chinese punctuation written into a component. */
describe('no punctuation written into the screens', () => {
  // a stored reason is Chinese data (its separator stays Chinese); a split pattern accepts both commas
  const allowed = [/`\$\{base\}：\$\{extra\}`/, /split\(\/\[、,，/];
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));
  it('no ，：；（） in a .tsx outside comments', () => {
    const found: string[] = [];
    for (const f of files(path.resolve('src-renderer'))) {
      fs.readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, '');
          if (/[，：；（）]/.test(code) && !allowed.some((a) => a.test(code))) found.push(`${path.relative('.', f)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
