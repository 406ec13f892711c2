import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES } from '../../src-renderer/app/i18n/core-messages';
import { coreText } from '../../src-renderer/app/i18n/core-text';
import { translate } from '../../src-renderer/app/i18n/translate';
import { allCoreSentences } from '../support/core-message-sources';

function sources(dir: string): string {
  let out = '';
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out += sources(p);
    else if (/\.ts$/.test(e.name)) out += fs.readFileSync(p, 'utf8');
  }
  return out;
}
// and the renderer's client, which answers for the core when the browser host cannot be reached (lib/api.ts)
const CORE = sources(path.resolve('src-main')) + sources(path.resolve('src-shared')) + fs.readFileSync(path.resolve('src-renderer/lib/api.ts'), 'utf8');

describe('the core’s sentences in English', () => {
  it('every Chinese sentence in the dictionary is one the core still writes (its fixed parts are in the core’s source, or it reads one the core builds)', () => {
    const built = allCoreSentences().map((t) => t.replace(/\{x\}/g, 'Q7'));
    const pattern = (zh: string) =>
      new RegExp(
        `^${zh
          .split(/\{\w+\}/)
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*?')}$`,
        's',
      );
    // each fixed part in the source, as a whole or clause by clause (a sentence the core joins from its clauses)
    const inSource = (zh: string) =>
      zh.split(/\{\w+\}/).every((part) => part === '' || CORE.includes(part) || part.split('，').every((c) => c === '' || CORE.includes(c)));
    // a sentence the core ends with a fixed tail of its own (…。上报已暂停：…) is read in two parts
    const part = (zh: string) =>
      new RegExp(
        zh
          .split(/\{\w+\}/)
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*?'),
        's',
      );
    const stale = CORE_MESSAGES.filter(([zh]) => {
      if (inSource(zh)) return false;
      const [whole, some] = [pattern(zh), part(zh)];
      return !built.some((b) => whole.test(b) || some.test(b));
    }).map(([zh]) => zh);
    expect(stale).toEqual([]);
  });

  it('every entry fills in the same things in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(CORE_MESSAGES.filter(([zh, en]) => names(zh).join() !== names(en).join())).toEqual([]);
  });

  it('reads device states, nested and joined sentences in English; an unknown sentence stays as written; Chinese stays Chinese', () => {
    expect(coreText('打印机：打印机正常（纸将用完）', 'en')).toBe('Printer: Printer ready (paper running low)');
    expect(coreText('打印机正常；纸卷快用完了，请准备新纸卷', 'en')).toBe('Printer ready; The paper roll is nearly used up: have a new roll ready');
    expect(coreText('USB 读卡器 0483:5750', 'en')).toBe('USB card reader 0483:5750');
    expect(coreText('读卡器：读卡器就绪：请刷卡', 'en')).toBe('Card reader: Card reader ready: present a card');
    expect(coreText('某个新句子', 'en')).toBe('某个新句子');
    expect(coreText('打印机正常', 'zh-CN')).toBe('打印机正常');
  });
});

describe('counts in English', () => {
  it('says 1 document and 2 documents', () => {
    expect(translate('en', 'ho.cashOpen', { name: 'Li', float: '¥500.00', n: 1 })).toBe('Open by Li, float ¥500.00, 1 document');
    expect(translate('en', 'ho.cashOpen', { name: 'Li', float: '¥500.00', n: 2 })).toBe('Open by Li, float ¥500.00, 2 documents');
    expect(translate('zh-CN', 'ho.cashOpen', { name: '李青', float: '￥500.00', n: 1 })).toBe('李青 开班，备用金 ￥500.00，已开 1 张单据');
  });
});
