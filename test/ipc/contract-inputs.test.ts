import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, fieldLabel } from '@shared/contract/field-labels';
import { describeLeaf, inputKeys, issuesAtLeaf, payloadFor, stringLeaves, type StringLeaf } from '../support/contract-walk';
import { openReadyCore } from '../support/core';

/**
 * Walks every channel's input schema: each field name has a label in both languages, each string refuses
 * control and invisible characters, each date, month or time field refuses dates that do not exist. Then
 * the same inputs go through the dispatcher: BAD_INPUT with a Chinese message naming the field, never INTERNAL.
 */

const CONTROL = [
  'ab\u0000cd',
  'ab\u0007cd',
  'ab\u001bcd',
  'ab\u007fcd',
  'ab\u0085cd',
  'ab\u202ecd',
  'ab\u200bcd',
  'ab\ufeffcd',
  'ab\ud800cd',
  'ab\ncd',
  'ab\tcd',
];
const isChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
const accepts = (l: StringLeaf, v: string) => issuesAtLeaf(l, v).length === 0;

/**
 * Fields that take a kind of date: they accept a real one and refuse letters in the same shape, and the same digits
 * without the separators (a phone number field takes `2026-01-15` as dialled digits, and `20260115` too).
 */
const typed = (good: string) => stringLeaves().filter((l) => accepts(l, good) && !accepts(l, good.replace(/\d/g, 'x')) && !accepts(l, good.replace(/\D/g, '')));
const DATE_FIELDS = () => typed('2026-01-15');
const MONTH_FIELDS = () => typed('2026-01');
const TIME_FIELDS = () => typed('2026-11-23T10:00:00.000Z');
const BAD_DATES = ['2026-99-99', '0000-00-00', '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31'];
const BAD_MONTHS = ['9999-12', '0000-01', '2026-13', '2026-00'];
const BAD_TIMES = ['2026-02-30T10:00:00.000Z', '2026-99-99T99:99:99Z', '0000-01-01T00:00:00Z', '2026-11-23T25:00:00Z', '2026-11-23 10:00'];

describe('field labels', () => {
  it('every field name in any channel input has a Chinese and an English label', () => {
    const missing = [...inputKeys()].filter(([k]) => !Object.prototype.hasOwnProperty.call(FIELD_LABELS, k)).map(([k, chs]) => `${k} (${chs.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('no label is left over for a field no channel has any more', () => {
    const used = inputKeys();
    expect(Object.keys(FIELD_LABELS).filter((k) => !used.has(k))).toEqual([]);
  });

  it('labels are Chinese in zh-CN and free of Chinese in English; a path names its innermost field', () => {
    for (const [zh, en] of Object.values(FIELD_LABELS)) {
      expect(isChinese(zh), zh).toBe(true);
      expect(isChinese(en), en).toBe(false);
    }
    expect(fieldLabel('payments[0].receivedFen', 'zh-CN')).toBe('实收现金');
    expect(fieldLabel('payments[0].receivedFen', 'en')).toBe('cash received');
    expect(fieldLabel('count.10000', 'zh-CN')).toBe('100 元张数');
    // an array position is not a field name (10 is also the ￥0.10 denomination)
    expect(fieldLabel('lines[10]', 'zh-CN')).toBe('收费明细');
    expect(fieldLabel('nothing.known', 'zh-CN')).toBeNull();
  });
});

describe('strings in every channel input', () => {
  it('finds the strings of the contract (the walk is not empty)', () => {
    const names = stringLeaves().map(describeLeaf);
    expect(names.length).toBeGreaterThan(100);
    expect(names).toEqual(
      expect.arrayContaining([
        'fees.items.save name',
        'fees.receipts.list date',
        'printer.settings.save config.host',
        'handover.create items.0.text',
        'parcels.intake slot',
      ]),
    );
  });

  it('every string refuses control and invisible characters, with a Chinese message', () => {
    const accepted: string[] = [];
    for (const leaf of stringLeaves())
      for (const bad of CONTROL) {
        const issues = issuesAtLeaf(leaf, bad);
        if (issues.length === 0) accepted.push(`${describeLeaf(leaf)} ← ${JSON.stringify(bad)}`);
        else expect(issues.some(isChinese), `${describeLeaf(leaf)}: ${issues.join(' / ')}`).toBe(true);
      }
    // multi-line notes may hold line breaks and tabs; nothing else gets through anywhere
    expect(accepted.sort()).toEqual(['handover.create notes', 'requests.log description'].flatMap((f) => [`${f} ← "ab\\tcd"`, `${f} ← "ab\\ncd"`]).sort());
  });

  it('every date field refuses dates that do not exist or are out of range', () => {
    const dates = DATE_FIELDS();
    expect(dates.map(describeLeaf)).toEqual(
      expect.arrayContaining(['fees.receipts.list date', 'reports.period date', 'parcels.export from', 'cards.issue validUntil', 'requests.stats to']),
    );
    for (const leaf of dates) for (const bad of BAD_DATES) expect(issuesAtLeaf(leaf, bad).length, `${describeLeaf(leaf)} ← ${bad}`).toBeGreaterThan(0);
  });

  it('every month field refuses months that do not exist or are out of range', () => {
    const months = MONTH_FIELDS();
    expect(months.map(describeLeaf)).toEqual(expect.arrayContaining(['fees.quote lines.0.from', 'fees.collect lines.0.from']));
    for (const leaf of months) for (const bad of BAD_MONTHS) expect(issuesAtLeaf(leaf, bad).length, `${describeLeaf(leaf)} ← ${bad}`).toBeGreaterThan(0);
  });

  it('every time field refuses times that do not exist', () => {
    const times = TIME_FIELDS();
    expect(times.map(describeLeaf)).toEqual(expect.arrayContaining(['keys.lend dueAt', 'handover.create items.0.dueAt']));
    for (const leaf of times) for (const bad of BAD_TIMES) expect(issuesAtLeaf(leaf, bad).length, `${describeLeaf(leaf)} ← ${bad}`).toBeGreaterThan(0);
  });
});

describe('through the dispatcher', () => {
  it('control characters and impossible dates are BAD_INPUT with a Chinese message on every channel, never INTERNAL', async () => {
    const t = await openReadyCore();
    const cases: Array<[StringLeaf, string]> = [
      ...stringLeaves().flatMap((l) => ['ab\u0000cd', 'x\u001fy', 'ab\ud800'].map((v): [StringLeaf, string] => [l, v])),
      ...DATE_FIELDS().flatMap((l) => BAD_DATES.map((v): [StringLeaf, string] => [l, v])),
      ...MONTH_FIELDS().flatMap((l) => BAD_MONTHS.map((v): [StringLeaf, string] => [l, v])),
      ...TIME_FIELDS().flatMap((l) => BAD_TIMES.map((v): [StringLeaf, string] => [l, v])),
    ];
    for (const [leaf, bad] of cases) {
      const r = await t.raw(leaf.channel, payloadFor(leaf, bad));
      expect(r.ok, `${describeLeaf(leaf)} ← ${JSON.stringify(bad)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code, `${describeLeaf(leaf)} ← ${JSON.stringify(bad)}: ${r.error.message}`).toBe('BAD_INPUT');
        expect(isChinese(r.error.message)).toBe(true);
        // no English field name in the message
        expect(r.error.message, describeLeaf(leaf)).not.toMatch(/[A-Za-z]{3,}[a-z][A-Z]/);
      }
    }
  });

  it('the examples of a fee item named \\u0000 and receipts listed for 2026-99-99 or 0000-00-00 say what is wrong', async () => {
    const t = await openReadyCore();
    const item = await t.raw('fees.items.save', {
      code: 'X1',
      name: '\u0000',
      category: 'other',
      rule: 'fixed',
      unitPriceFen: 100,
      unitLabel: '次',
      refundable: false,
      active: true,
      sort: 0,
    });
    expect(item).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { field: 'name' } } });
    if (!item.ok) expect(item.error.message).toBe('输入无效 — 名称：含有控制字符或看不见的字符（常见于从别处复制来的文字）：请删除后重新输入');
    for (const date of ['2026-99-99', '0000-00-00', '2026-02-30']) {
      const r = await t.raw('fees.receipts.list', { date });
      expect(r, date).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { field: 'date' } } });
      if (!r.ok) expect(r.error.message).toMatch(/^输入无效 — 日期：日期(不存在|的年份)/);
    }
    expect((await t.call('fees.receipts.list', { date: '2026-11-23' })).length).toBe(0);
  });
});
