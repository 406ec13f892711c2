import { describe, expect, it } from 'vitest';
import { coreText } from '../../src-renderer/app/i18n/core-text';

describe('欠费催缴: the core’s refusals in English', () => {
  it('a past promised date and a month not come yet read in English with their values; the Chinese stays Chinese', () => {
    expect(coreText('承诺交费日期 2026-12-01 已经过去：请填写今天或以后的日期。', 'en')).toBe(
      'The promised payment date 2026-12-01 has passed: enter today or a later day.',
    );
    expect(coreText('2027-01 还没有到：收缴率只能统计当月及以前。', 'en')).toBe(
      '2027-01 has not come yet: the collection rate covers this month and earlier only.',
    );
    expect(coreText('这个房号没有欠费：不用发通知单。', 'en')).toBe('This room owes nothing: no notice is needed.');
    expect(coreText('这个房号没有欠费：不用发通知单。', 'zh-CN')).toBe('这个房号没有欠费：不用发通知单。');
  });
});
