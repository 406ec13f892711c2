import { describe, expect, it } from 'vitest';
import { openVisitorsCore } from '../support/visitors';

describe('visitor settings', () => {
  it('say in plain Chinese what is collected and for how long, following the setting', async () => {
    const t = await openVisitorsCore({ printer: false });
    const s = await t.call('visitors.settings.get', {});
    expect(s).toMatchObject({ retentionDays: 90, fullDocumentNumber: false, workerPassMode: 'printed', visitHours: 4, visitMaxHours: 24 });
    const notice = s.notice.join('\n');
    expect(notice).toContain('保存 90 天');
    expect(notice).toContain('证件号码后四位');
    expect(notice).toContain('不含姓名、电话、证件号和车牌');
    await t.settings({ retentionDays: 30, fullDocumentNumber: true });
    const after = (await t.call('visitors.settings.get', {})).notice.join('\n');
    expect(after).toContain('保存 30 天');
    expect(after).toContain('完整证件号码');
    expect(after).toContain('加密保存');
  });

  it('only an admin changes them; a default validity above the maximum is refused; the change is audited', async () => {
    const t = await openVisitorsCore({ printer: false });
    const { notice: _n, ...now } = await t.call('visitors.settings.get', {});
    const li = await t.asReceptionist();
    expect(await t.raw('visitors.settings.save', { ...now, retentionDays: 3 }, li)).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    expect(await t.raw('visitors.settings.save', { ...now, visitHours: 10, visitMaxHours: 8 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.settings.save', { ...now, retentionDays: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await t.call('visitors.settings.get', {})).retentionDays).toBe(90);
    await t.settings({ retentionDays: 180 });
    expect((await t.call('visitors.settings.get', {})).retentionDays).toBe(180);
    const audit = t.core.need().sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'settings.visitors'").all() as Array<{ detail: string }>;
    expect(audit.map((a) => JSON.parse(a.detail).retentionDays)).toEqual([180]);
  });
});
