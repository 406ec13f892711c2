import { describe, expect, it } from 'vitest';
import { coreText, hasCoreText, inputReason } from '../../src-renderer/app/i18n/core-text';
import { CoreSources, filledIn, ORIGINS } from '../support/core-message-sources';

/**
 * Every refusal the core can send to the screen has English: the scan reads each `new AppError(…)` in src-main
 * (and the errors passed on as one), fills each value with a sample and asks the renderer's dictionary for it.
 * The English must carry no Chinese, so a sentence built from Chinese words (这张卡{状态}) needs those words too.
 */
const core = new CoreSources();
const SAMPLE = 'Q7';
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Areas whose screens are being built: their refusals get English with their screens. */
const PENDING: string[] = [];

const english = (zh: string) => {
  const sample = zh.replace(/\{x\}/g, SAMPLE);
  return hasCoreText(sample) ? coreText(sample, 'en') : null;
};
const withoutEnglish = (texts: string[]) =>
  texts
    .filter((t) => CJK.test(t))
    .filter((t) => {
      const en = english(t);
      return en === null || CJK.test(en);
    });

describe('the core’s refusals in English', () => {
  const all = core.sources().filter((s) => !PENDING.some((p) => s.file.startsWith(p)));

  it('the scan finds the core’s refusals (a broken scan would pass everything)', () => {
    expect(all.length).toBeGreaterThan(250);
    expect(all.flatMap((s) => s.texts).filter((t) => t.includes('{x}')).length).toBeGreaterThan(100);
  });

  it('every refusal written in place has English with no Chinese left in it', () => {
    expect(all.filter((s) => !s.unread).flatMap((s) => withoutEnglish(s.texts).map((t) => `${s.at} ${t}`))).toEqual([]);
  });

  it('every refusal the scan cannot read in place says where its sentences come from, and those have English', () => {
    const unread = all.filter((s) => s.unread);
    expect(unread.filter((s) => !ORIGINS[`${s.file}|${s.unread}`]).map((s) => `${s.at} ${s.unread}`)).toEqual([]);
    const keys = new Set(unread.map((s) => `${s.file}|${s.unread}`));
    expect(Object.keys(ORIGINS).filter((k) => !keys.has(k))).toEqual([]);
    const fromOrigins = Object.values(ORIGINS)
      .flat()
      .map((o) => ({ o, texts: core.from(o) }));
    expect(fromOrigins.filter((x) => x.texts.length === 0).map((x) => x.o)).toEqual([]);
    expect(fromOrigins.flatMap((x) => withoutEnglish(x.texts).map((t) => `${x.o.file} ${t}`))).toEqual([]);
  });

  it('what the core fills into its input refusals (the contract’s sentences, its plain Chinese) has English', () => {
    const texts = filledIn(core);
    expect(texts.length).toBeGreaterThan(60);
    expect(withoutEnglish(texts)).toEqual([]);
    expect(english('输入无效 — 人数：不能大于 50')).toBe('Not valid — 人数: 50 at most');
  });

  it('shows refusals built with values and words in English as a user sees them', () => {
    const shown = (zh: string) => coreText(zh, 'en');
    expect(shown('这张卡已挂失（黑名单），不能退卡。')).toBe('This card is reported lost (blacklisted): it cannot be returned.');
    expect(shown('临时出入证 T01-W0000003 已于 2026-12-07 10:00 交回（李青）。不能补打。')).toBe(
      'Worker pass T01-W0000003 was handed back at 2026-12-07 10:00 (李青). It cannot be reprinted.',
    );
    expect(shown('单号 7312 看不出是哪家快递（可能是顺丰/京东）：请选择快递公司，之后同样的单号会记住这次的选择。')).toBe(
      'Waybill 7312 does not show its carrier (perhaps SF Express/JD): choose the carrier, and numbers like it will remember the choice.',
    );
    // a field's refusal: the screen names the field in English itself (errors.tsx), then the reason
    expect(shown(inputReason('输入无效 — 访客电话：电话号码应为 7–15 位数字'))).toBe('A phone number has 7 to 15 digits');
    expect(shown('审批无效：审批人不能是办理人本人。请另一位主管审批。')).toBe(
      'Approval not valid: the approver cannot be the operator doing the work. Ask another supervisor.',
    );
    expect(shown('装修申请现为「申请中」，这一步要在「已批准」或「施工中」时办理。')).toBe(
      'The fit-out case is "Applied": this step is done when it is "Approved" or "Works under way".',
    );
    expect(shown('房屋状态不能从「未交房」改为「出租」：只能改为 「空置」、「自住」。')).toBe(
      'The room cannot go from “Not handed over” to “Rented”: it can only go to “Vacant”, “Owner-occupied”.',
    );
    expect(shown('燃气表读数 12.5 低于上次的 20（2026-11-02）：请重新核对表上的数字。')).toBe(
      'Gas meter reading 12.5 is lower than the last one, 20 (2026-11-02): read the meter again.',
    );
  });
});
