import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { notConfiguredPort } from '../../src-main/devices/printer/port';
import type { Input } from '@shared/contract';
import { decodeEscPos } from '../devices/escpos-decode';
import { openTestCore } from '../support/core';
import { openVisitorsCore, type VisitorsFixture } from '../support/visitors';

const HOUR = 3_600_000;

const ownerPass = (t: VisitorsFixture, extra: Partial<Input<'visitors.removal.issue'>> = {}): Input<'visitors.removal.issue'> => ({
  roomId: t.rooms.r501,
  applicantKind: 'owner',
  applicantName: '张伟',
  applicantPhone: '13812345678',
  items: [
    { name: '家具', quantity: 2 },
    { name: '纸箱', quantity: 10 },
  ],
  movingCompany: '大众搬家',
  plate: '京AD12345',
  date: '2026-11-23',
  windowFrom: '09:00',
  windowTo: '18:00',
  ...extra,
});
const tenantPass = (t: VisitorsFixture, extra: Partial<Input<'visitors.removal.issue'>> = {}) =>
  ownerPass(t, { roomId: t.rooms.r502, applicantKind: 'tenant', applicantName: '李娜', applicantPhone: '13987654321', ...extra });

describe('removal passes: who may have one', () => {
  it("an owner's pass is issued and printed with a barcode of its number; the room's open matters come with it", async () => {
    const t = await openVisitorsCore();
    await t.call('keys.save', { kind: 'vacant', label: '大门', roomId: t.rooms.r501, hook: 'A-01' }).then((k) =>
      t.call('keys.lend', {
        keyId: k.id,
        borrowerType: 'contractor',
        borrowerName: '王师傅',
        company: '美家',
        purpose: 'renovation',
        idChecked: '身份证 1234',
        dueAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
      }),
    );
    const issues = await t.call('visitors.removal.openIssues', { roomId: t.rooms.r501 });
    expect(issues.keysOnLoan).toHaveLength(1);
    expect(issues.keysOnLoan[0]?.borrowerMasked).toBe('王**');
    expect(issues.unpaidFees).toMatchObject({ available: false });
    expect(issues.any).toBe(true);

    const r = await t.call('visitors.removal.issue', ownerPass(t));
    expect(r.pass).toMatchObject({
      passNo: 'T01-R0000001',
      status: 'valid',
      consent: 'owner',
      applicantMasked: '张*',
      phoneMasked: '138****5678',
      plate: '京AD12345',
      openIssues: { keysOnLoan: 1, activeCards: 0, unpaidFees: null },
    });
    expect(r.openIssues.keysOnLoan).toHaveLength(1);
    await t.settle();
    const d = decodeEscPos(t.printer.documents[0] as Uint8Array);
    expect(d.errors).toEqual([]);
    expect(d.barcodes.map((b) => b.code128?.text)).toEqual(['T01-R0000001']);
    expect(d.text.join('\n')).toContain('搬运放行条');
    expect(d.text.join('\n')).toContain('纸箱');
    expect(d.text.join('\n')).not.toContain('张伟');
  });

  it('a tenant needs the owner’s consent recorded, or a supervisor’s approval bound to the room', async () => {
    const t = await openVisitorsCore({ printer: false });
    const li = await t.asReceptionist();
    const none = await t.raw('visitors.removal.issue', tenantPass(t), li);
    expect(none).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    if (!none.ok) expect(none.error.message).toContain('业主同意');
    // a phone confirmation names the number called; written authorisation says what it is
    expect(await t.raw('visitors.removal.issue', tenantPass(t, { consentMethod: 'phone' }), li)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.removal.issue', tenantPass(t, { consentMethod: 'written' }), li)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    // an owner has nothing to consent to
    expect(await t.raw('visitors.removal.issue', ownerPass(t, { consentMethod: 'owner_present' }), li)).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const sql = t.core.need().sql;
    expect(sql.db.prepare('SELECT count(*) AS n FROM removal_passes').get()).toEqual({ n: 0 });

    const phone = await t.call('visitors.removal.issue', tenantPass(t, { consentMethod: 'phone', consentPhone: '13812345678' }), li);
    expect(phone.pass).toMatchObject({ consent: 'phone', consentPhoneMasked: '138****5678', applicantKind: 'tenant' });
    const written = await t.call('visitors.removal.issue', tenantPass(t, { consentMethod: 'written', consentNote: '业主签字授权书，已复印存档' }), li);
    expect(written.pass).toMatchObject({ consent: 'written', consentNote: '业主签字授权书，已复印存档' });

    const wrongRoom = await t.approve('removal.tenantNoConsent', '3-2-501', li);
    expect(await t.raw('visitors.removal.issue', tenantPass(t, { approvalId: wrongRoom }), li)).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    const ok = await t.approve('removal.tenantNoConsent', '3-2-502', li);
    const approved = await t.call('visitors.removal.issue', tenantPass(t, { approvalId: ok }), li);
    expect(approved.pass).toMatchObject({ consent: 'approval', approverName: '赵主管' });
    const audit = sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'removal.issue' ORDER BY seq").all() as Array<{ detail: string }>;
    expect(audit.map((a) => JSON.parse(a.detail).consent)).toEqual(['phone', 'written', 'approval']);
    expect(audit.map((a) => a.detail).join()).not.toMatch(/李娜|13987654321|京AD12345/);
  });

  it('refuses a day in the past, beyond the days ahead allowed, and a window the wrong way round', async () => {
    const t = await openVisitorsCore({ printer: false });
    expect(await t.raw('visitors.removal.issue', ownerPass(t, { date: '2026-11-22' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.removal.issue', ownerPass(t, { date: '2026-12-24' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.removal.issue', ownerPass(t, { windowFrom: '18:00', windowTo: '09:00' }))).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await t.raw('visitors.removal.issue', ownerPass(t, { plate: '京A1234' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.removal.issue', ownerPass(t, { items: [] }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(t.core.need().sql.db.prepare('SELECT count(*) AS n FROM pass_issues').get()).toEqual({ n: 0 });
  });
});

describe('放行核验: a removal pass is used once', () => {
  it('the guard verifies it: valid → used with time and who; a second scan is refused and says when and by whom', async () => {
    const t = await openVisitorsCore({ printer: false });
    const r = await t.call('visitors.removal.issue', ownerPass(t));
    const gate = await t.asGuard();
    const first = await t.call('visitors.removal.verify', { passNo: r.pass.passNo.toLowerCase() }, gate);
    expect(first).toMatchObject({
      result: 'ok',
      headline: '放行',
      outsideWindow: false,
      pass: { status: 'used', verification: { byName: '孙门岗', via: 'gate' } },
    });
    expect(first.detail).toContain('家具×2');
    await t.advance(10 * 60_000);
    const second = await t.call('visitors.removal.verify', { passNo: r.pass.passNo }, gate);
    expect(second).toMatchObject({ result: 'used', headline: '已使用' });
    expect(second.detail).toContain('2026-11-23 10:00');
    expect(second.detail).toContain('孙门岗');
    // the counter scanning it (核销) is refused the same way
    expect(await t.call('visitors.removal.verify', { passNo: r.pass.passNo })).toMatchObject({ result: 'used' });
    const sql = t.core.need().sql;
    expect(sql.db.prepare('SELECT count(*) AS n FROM pass_verifications').get()).toEqual({ n: 1 });
    expect((sql.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'removal.verifyRefused'").get() as { n: number }).n).toBe(2);
    expect(verifyChain(sql).ok).toBe(true);
  });

  it('stays used across a restart of the store', async () => {
    const t = await openVisitorsCore({ printer: false });
    const r = await t.call('visitors.removal.issue', ownerPass(t));
    expect(await t.call('visitors.removal.verify', { passNo: r.pass.passNo })).toMatchObject({ result: 'ok', pass: { verification: { via: 'counter' } } });
    await t.core.close();
    const again = await openTestCore(t.dataDir, t.clock, { printerPort: () => notConfiguredPort() });
    await again.call('auth.login', { username: 'men', password: 'men-pass-1234' });
    const second = await again.call('visitors.removal.verify', { passNo: r.pass.passNo });
    expect(second).toMatchObject({ result: 'used', headline: '已使用', pass: { verification: { byName: '王经理' } } });
  });

  it('a second desk on the same store cannot verify it again: the one verification row is unique', async () => {
    const t = await openVisitorsCore({ printer: false });
    const r = await t.call('visitors.removal.issue', ownerPass(t));
    // another connection records a verification first (as a second desk would, between our read and our write)
    const other = new Database(t.core.dbFile);
    other.pragma('busy_timeout = 2000');
    other.prepare("INSERT INTO pass_verifications (pass_id, at, operator_id, via) VALUES (?, '2026-11-23T02:00:00.000Z', 1, 'gate')").run(r.pass.id);
    other.close();
    const res = await t.call('visitors.removal.verify', { passNo: r.pass.passNo });
    expect(res).toMatchObject({ result: 'used', headline: '已使用' });
    expect(res.detail).toContain('王经理');
    expect(t.core.need().sql.db.prepare('SELECT count(*) AS n FROM pass_verifications WHERE pass_id = ?').get(r.pass.id)).toEqual({ n: 1 });
  });

  it('void, expired, not yet, unknown and other passes are plain answers, never a release', async () => {
    const t = await openVisitorsCore({ printer: false });
    const voided = await t.call('visitors.removal.issue', ownerPass(t));
    await t.call('visitors.passes.void', { passNo: voided.pass.passNo, reason: '业主改期' });
    const later = await t.call('visitors.removal.issue', ownerPass(t, { date: '2026-11-24' }));
    const today = await t.call('visitors.removal.issue', ownerPass(t));
    const visitor = await t.call('visitors.checkIn', {
      visitorName: '刘洋',
      phone: '13900001234',
      docType: 'none',
      partySize: 1,
      purpose: 'friend',
      roomId: t.rooms.r501,
      consent: 'owner_present',
    });
    const gate = await t.asGuard();
    const v = (passNo: string) => t.call('visitors.removal.verify', { passNo }, gate);
    expect(await v(voided.pass.passNo)).toMatchObject({ result: 'void', headline: '已作废' });
    expect(await v(later.pass.passNo)).toMatchObject({ result: 'not_yet', headline: '未到日期' });
    expect(await v('T01-R0000099')).toMatchObject({ result: 'unknown', headline: '无此证', pass: null });
    expect(await v(visitor.pass.passNo)).toMatchObject({ result: 'not_removal' });
    // the next day in Shanghai: today's pass has expired
    await t.advance(14 * HOUR);
    await t.call('auth.login', { username: 'men', password: 'men-pass-1234' }, gate);
    expect(await v(today.pass.passNo)).toMatchObject({ result: 'expired', headline: '已过期' });
    expect(t.core.need().sql.db.prepare('SELECT count(*) AS n FROM pass_verifications').get()).toEqual({ n: 0 });
  });

  it('outside the agreed window it still releases that day but says so', async () => {
    const t = await openVisitorsCore({ printer: false });
    const r = await t.call('visitors.removal.issue', ownerPass(t, { windowFrom: '14:00', windowTo: '16:00' }));
    expect(await t.call('visitors.removal.verify', { passNo: r.pass.passNo })).toMatchObject({ result: 'ok', outsideWindow: true });
  });
});
