import { describe, expect, it } from 'vitest';
import { translate } from '../../src-renderer/app/i18n/translate';
import { addDays, addMonths, monthWeeks } from '../../src-renderer/lib/month-grid';

describe('the date picker’s calendar', () => {
  it('lays a month out in weeks from Monday, the days around it filling the first and last week', () => {
    const weeks = monthWeeks('2026-12');
    // 1 December 2026 is a Tuesday: the first week starts on Monday 30 November
    expect(weeks[0]).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks.at(-1)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // February 2027 starts on a Monday and fills exactly four weeks
    expect(monthWeeks('2027-02')).toHaveLength(4);
    expect(monthWeeks('2027-02')[0]?.[0]).toBe('2027-02-01');
  });

  it('moves by days across months and years, and by months to the last day a shorter month has', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-07', -7)).toBe('2026-11-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-07', 1)).toBe('2027-01-07');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('names the month and the weekdays in the app’s language', () => {
    const month = (lang: 'zh-CN' | 'en') =>
      translate(lang, 'date.cal.month', { y: '2026', m: '12', month: translate(lang, 'date.cal.monthNames').split(' ')[11] ?? '' });
    expect(month('zh-CN')).toBe('2026年12月');
    expect(month('en')).toBe('December 2026');
    expect(translate('zh-CN', 'date.cal.weekdays').split(' ')).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(translate('en', 'date.cal.weekdays').split(' ')).toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
  });
});
