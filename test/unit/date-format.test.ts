import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLocalValue, formatMonth, parseDay, parseDayTime, setPropertyTimeZone } from '../../src-renderer/lib/format';

describe('one unambiguous date format per language', () => {
  setPropertyTimeZone('Asia/Shanghai');
  it('writes 2026-12-07 18:00 in Chinese and 7 Dec 2026 18:00 in English, on the property’s clock', () => {
    expect(formatDateTime('2026-12-07T10:00:00Z', 'zh-CN')).toBe('2026-12-07 18:00');
    expect(formatDateTime('2026-12-07T10:00:00Z', 'en')).toBe('7 Dec 2026 18:00');
    expect(formatDate('2026-12-07', 'en')).toBe('7 Dec 2026');
    expect(formatDate('2026-12-07', 'zh-CN')).toBe('2026-12-07');
    expect(formatMonth('2027-01', 'en')).toBe('Jan 2027');
    expect(formatLocalValue('2026-12-07T18:00', 'en')).toBe('7 Dec 2026 18:00');
  });

  it('reads the forms people type, in either language, and refuses day/month orders that differ by country', () => {
    for (const s of ['2026-12-07', '2026/12/7', '2026年12月7日', '20261207', '7 Dec 2026', '7 December 2026', ' 7  dec 2026 '])
      expect(parseDay(s), s).toBe('2026-12-07');
    for (const s of ['07/12/2026', '12/07/2026', '2026-13-01', '2026-02-30', '31 Feb 2026', 'Dec 7', '']) expect(parseDay(s), s).toBeNull();
    expect(parseDayTime('7 Dec 2026 18:00')).toBe('2026-12-07T18:00');
    expect(parseDayTime('2026-12-07 9：05')).toBe('2026-12-07T09:05');
    expect(parseDayTime('2026-12-07T18:00')).toBe('2026-12-07T18:00');
    expect(parseDayTime('2026-12-07 24:00')).toBeNull();
    expect(parseDayTime('12/07/2026 06:00 PM')).toBeNull();
  });
});

describe('no date field drawn by the browser', () => {
  it('no native date, time, month or datetime-local input (they follow the PC’s locale, not the app’s language)', () => {
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const native = files(path.resolve('src-renderer')).filter((f) => /type=["'{]+(date|datetime-local|month|time|week)["'}]/.test(fs.readFileSync(f, 'utf8')));
    expect(native).toEqual([]);
  });
});
