import { describe, expect, it } from 'vitest';
import { hashPassword, parseCost, verifyPassword, PRODUCTION_COST } from '../../src-main/features/operators/password';
import { openReadyCore, openTestCore } from '../support/core';

const auditActions = (t: Awaited<ReturnType<typeof openReadyCore>>) =>
  (t.core.need().db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{ action: string }>).map((r) => r.action);

describe('passwords', () => {
  it('production hashes use scrypt N=2^16, r=8, p=1 and verify', async () => {
    const h = await hashPassword('前台密码 abc', PRODUCTION_COST);
    expect(parseCost(h)).toEqual({ ln: 16, r: 8, p: 1 });
    expect(await verifyPassword('前台密码 abc', h)).toBe(true);
    expect(await verifyPassword('前台密码 abd', h)).toBe(false);
  });

  it('NFC and NFD forms of the same password match; salts differ', async () => {
    const nfc = 'café-密码'.normalize('NFC');
    const nfd = 'café-密码'.normalize('NFD');
    const a = await hashPassword(nfc, { ln: 10, r: 8, p: 1 });
    const b = await hashPassword(nfc, { ln: 10, r: 8, p: 1 });
    expect(a).not.toBe(b);
    expect(await verifyPassword(nfd, a)).toBe(true);
  });

  it('rejects malformed stored hashes without throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', '$scrypt$ln=30,r=8,p=1$AAAA$BBBB')).toBe(false);
  });
});

describe('first-run setup and login', () => {
  it('setup creates the admin once; a second setup is refused', async () => {
    const t = await openTestCore();
    expect((await t.call('system.status', {})).mode).toBe('setup');
    await t.call('system.setup', {
      propertyName: '阳光花园',
      terminalId: 't01',
      admin: { username: 'admin', displayName: '王经理', password: 'admin-pass-1' },
      demoData: false,
    });
    const s = await t.call('system.status', {});
    expect(s).toMatchObject({ mode: 'ready', propertyName: '阳光花园', terminalId: 'T01', session: null });
    const again = await t.raw('system.setup', {
      propertyName: '别的',
      terminalId: 'T02',
      admin: { username: 'x', displayName: 'x', password: 'another-pass' },
      demoData: false,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('setup validates its input with Chinese messages', async () => {
    const t = await openTestCore();
    const r = await t.raw('system.setup', {
      propertyName: '阳',
      terminalId: 'T 01!',
      admin: { username: 'admin', displayName: '王', password: 'short' },
      demoData: false,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_INPUT');
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a wrong password says how many attempts are left; the fifth locks the account, with audit', async () => {
    const t = await openReadyCore();
    await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    for (let i = 1; i <= 4; i++) {
      const r = await t.raw('auth.login', { username: 'li', password: 'wrong' }, 'test:2');
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', params: { left: 5 - i } } });
      if (!r.ok) expect(r.error.message).toContain(`还可再试 ${5 - i} 次`);
    }
    const fifth = await t.raw('auth.login', { username: 'li', password: 'wrong' }, 'test:2');
    expect(fifth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    // even the right password is refused while locked
    expect(await t.raw('auth.login', { username: 'li', password: 'li-pass-123' }, 'test:2')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(auditActions(t).filter((a) => a === 'auth.failed')).toHaveLength(5);
    expect(auditActions(t)).toContain('operator.lockout');
    // after 15 minutes the lock expires
    t.clock.advance(15 * 60_000 + 1000);
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'test:2');
  });

  it('parallel guesses cannot get past the lockout, even with the right password among them', async () => {
    const t = await openReadyCore();
    await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    const attempts = [...Array.from({ length: 12 }, () => 'wrong'), 'li-pass-123'];
    const results = await Promise.all(attempts.map((pw, i) => t.raw('auth.login', { username: 'li', password: pw }, `c${i}`)));
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(results.filter((r) => r.ok)).toHaveLength(0);
  });

  it('an account disabled, or given a new password, while its login is being checked does not get in', async () => {
    const t = await openReadyCore();
    const li = await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    const pending = t.raw('auth.login', { username: 'li', password: 'li-pass-123' }, 'c1');
    await t.call('operators.update', { id: li.id, active: false });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    await t.call('operators.update', { id: li.id, active: true });
    // a new password lands while the old one is being checked (written directly so the timing is certain)
    const newHash = await hashPassword('brand-new-pass', { ln: 10, r: 8, p: 1 });
    const pending2 = t.raw('auth.login', { username: 'li', password: 'li-pass-123' }, 'c1');
    t.core.need().db.prepare('UPDATE operators SET password_hash = ? WHERE id = ?').run(newHash, li.id);
    expect(await pending2).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('an unknown username gets the same message as a wrong password', async () => {
    const t = await openReadyCore();
    const r = await t.raw('auth.login', { username: 'nobody', password: 'whatever' }, 'test:2');
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('a deactivated operator cannot sign in, and is signed out at once', async () => {
    const t = await openReadyCore();
    const li = await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'test:2');
    await t.call('operators.update', { id: li.id, active: false });
    expect(await t.raw('roster.stats', {}, 'test:2')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await t.raw('auth.login', { username: 'li', password: 'li-pass-123' }, 'test:2')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });

  it('an account locked out by wrong passwords elsewhere is signed out on every desk at once', async () => {
    const t = await openReadyCore();
    await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'desk-a');
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'desk-b');
    for (let i = 0; i < 4; i++) await t.raw('auth.login', { username: 'li', password: 'guess' }, 'kiosk');
    // four failures: still signed in
    await t.call('roster.stats', {}, 'desk-a');
    expect(await t.raw('auth.login', { username: 'li', password: 'guess' }, 'kiosk')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    for (const desk of ['desk-a', 'desk-b']) {
      expect(await t.raw('roster.stats', {}, desk)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
      expect((await t.call('system.status', {}, desk)).session).toBeNull();
    }
    // the admin's own session is untouched
    await t.call('roster.stats', {});
  });

  it('a supervisor locked out by wrong passwords in the approval step is signed out too', async () => {
    const t = await openReadyCore();
    await t.call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: 'zhao-pass-123' });
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' }, 'desk-a');
    for (let i = 0; i < 5; i++) {
      await t.raw('auth.approve', { username: 'zhao', password: 'guess', action: 'operator.unlock', subject: 'admin', reason: '试密码' }, 'kiosk');
    }
    expect(await t.raw('roster.stats', {}, 'desk-a')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('a disabled account is signed out on every desk', async () => {
    const t = await openReadyCore();
    const li = await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'desk-a');
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'desk-b');
    await t.call('auth.lock', {}, 'desk-b');
    await t.call('operators.update', { id: li.id, active: false });
    for (const desk of ['desk-a', 'desk-b']) expect((await t.call('system.status', {}, desk)).session).toBeNull();
  });

  it('the last active admin cannot be demoted or deactivated', async () => {
    const t = await openReadyCore();
    const [admin] = await t.call('operators.list', {});
    expect(await t.raw('operators.update', { id: admin?.id, role: 'receptionist' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.raw('operators.update', { id: admin?.id, active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('roles', () => {
  it('a receptionist can search but not manage operators or import', async () => {
    const t = await openReadyCore();
    await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'test:2');
    await t.call('roster.search', { q: 'zw' }, 'test:2');
    const list = await t.raw('operators.list', {}, 'test:2');
    expect(list).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    if (!list.ok) expect(list.error.message).toContain('管理员');
    expect(await t.raw('roster.import.start', { fileName: 'a.csv', data: 'YQ==', createBuildings: false }, 'test:2')).toMatchObject({
      ok: false,
      error: { code: 'ROLE_REQUIRED' },
    });
    expect(await t.raw('system.verifyAudit', {}, 'test:2')).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
  });

  it('signed-out clients can reach only the public channels', async () => {
    const t = await openReadyCore();
    expect(await t.raw('roster.search', { q: 'zw' }, 'stranger')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect((await t.raw('system.status', {}, 'stranger')).ok).toBe(true);
  });
});

describe('idle lock', () => {
  it('locks after the idle limit; unlocking needs the password; a wrong one counts', async () => {
    const t = await openReadyCore();
    t.clock.advance(4 * 60_000);
    await t.call('roster.stats', {});
    t.clock.advance(5 * 60_000 + 1000);
    expect(await t.raw('roster.stats', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await t.call('system.status', {})).session?.locked).toBe(true);
    expect(await t.raw('auth.unlock', { password: 'nope' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    await t.call('auth.unlock', { password: 'admin-pass-1' });
    await t.call('roster.stats', {});
  });

  it('an explicit lock takes effect at once', async () => {
    const t = await openReadyCore();
    await t.call('auth.lock', {});
    expect(await t.raw('roster.stats', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('supervisor approval', () => {
  async function lockedLi() {
    const t = await openReadyCore();
    await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    await t.call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: 'zhao-pass-123' });
    for (let i = 0; i < 5; i++) await t.raw('auth.login', { username: 'li', password: 'bad' }, 'counter');
    return t;
  }

  it('a supervisor approves an unlock at the login screen; the approval is single-use and audited', async () => {
    const t = await lockedLi();
    const a = await t.call(
      'auth.approve',
      { username: 'zhao', password: 'zhao-pass-123', action: 'operator.unlock', subject: 'li', reason: '本人忘记密码已核实' },
      'counter',
    );
    expect(a.approverName).toBe('赵主管');
    await t.call('operators.unlock', { username: 'li', approvalId: a.approvalId }, 'counter');
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'counter');
    expect(await t.raw('operators.unlock', { username: 'li', approvalId: a.approvalId }, 'other')).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    const row = t.core.need().db.prepare("SELECT detail FROM audit_log WHERE action = 'approval.granted'").get() as { detail: string };
    expect(JSON.parse(row.detail)).toMatchObject({ action: 'operator.unlock', subject: 'li', reason: '本人忘记密码已核实' });
  });

  it('refuses a receptionist as approver, a wrong action, an expired approval, and no approval at all', async () => {
    const t = await lockedLi();
    await t.call('operators.create', { username: 'wu', displayName: '吴前台', role: 'receptionist', password: 'wu-pass-1234' });
    expect(
      await t.raw('auth.approve', { username: 'wu', password: 'wu-pass-1234', action: 'operator.unlock', subject: 'li', reason: '试试' }, 'counter'),
    ).toMatchObject({
      ok: false,
      error: { code: 'ROLE_REQUIRED' },
    });
    expect(await t.raw('operators.unlock', { username: 'li' }, 'counter')).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const other = await t.call(
      'auth.approve',
      { username: 'zhao', password: 'zhao-pass-123', action: 'operator.unlock', subject: 'wu', reason: '核实身份' },
      'counter',
    );
    expect(await t.raw('operators.unlock', { username: 'li', approvalId: other.approvalId }, 'counter')).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    const late = await t.call(
      'auth.approve',
      { username: 'zhao', password: 'zhao-pass-123', action: 'operator.unlock', subject: 'li', reason: '核实身份' },
      'counter',
    );
    t.clock.advance(2 * 60_000 + 1);
    const r = await t.raw('operators.unlock', { username: 'li', approvalId: late.approvalId }, 'counter');
    expect(r).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    if (!r.ok) expect(r.error.message).toContain('2 分钟');
  });

  it('the username may be typed in any case when asking for an unlock', async () => {
    const t = await lockedLi();
    const a = await t.call(
      'auth.approve',
      { username: 'ZHAO', password: 'zhao-pass-123', action: 'operator.unlock', subject: 'LI', reason: '核实身份' },
      'counter',
    );
    await t.call('operators.unlock', { username: 'Li', approvalId: a.approvalId }, 'counter');
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'counter');
  });

  it('the public unlock channel answers the same for unknown and real usernames', async () => {
    const t = await lockedLi();
    const real = await t.raw('operators.unlock', { username: 'li' }, 'stranger');
    const fake = await t.raw('operators.unlock', { username: 'nobody' }, 'stranger');
    expect(real).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(fake).toEqual(real);
  });

  it('a phone number typed into an approval reason is masked in the audit log', async () => {
    const t = await lockedLi();
    await t.call(
      'auth.approve',
      { username: 'zhao', password: 'zhao-pass-123', action: 'operator.unlock', subject: 'li', reason: '本人 13812345678 来电核实' },
      'counter',
    );
    const all = (t.core.need().db.prepare('SELECT detail FROM audit_log').all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(all).not.toContain('13812345678');
    expect(all).toContain('138****5678');
  });

  it('an unlock approved at the login screen is used there, by no one signed in; one asked for by a signed-in operator only by them', async () => {
    const t = await lockedLi();
    await t.call('operators.create', { username: 'wu', displayName: '吴前台', role: 'receptionist', password: 'wu-pass-1234' });
    const atLogin = await t.call(
      'auth.approve',
      { username: 'zhao', password: 'zhao-pass-123', action: 'operator.unlock', subject: 'li', reason: '核实身份' },
      'counter',
    );
    // someone signs in on that screen before it is used: it was not asked for by them
    await t.call('auth.login', { username: 'wu', password: 'wu-pass-1234' }, 'counter');
    expect(await t.raw('operators.unlock', { username: 'li', approvalId: atLogin.approvalId }, 'counter')).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    const forWu = await t.call(
      'auth.approve',
      { username: 'zhao', password: 'zhao-pass-123', action: 'operator.unlock', subject: 'li', reason: '核实身份' },
      'counter',
    );
    expect(await t.raw('operators.unlock', { username: 'li', approvalId: forWu.approvalId }, 'elsewhere')).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    await t.call('operators.unlock', { username: 'li', approvalId: forWu.approvalId }, 'counter');
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'elsewhere');
  });

  it('with no one signed in, only an unlock can be approved', async () => {
    const t = await lockedLi();
    for (const action of ['receipt.void', 'deposit.refund', 'cash.variance', 'parcel.writeOff', 'key.lendTrust'] as const) {
      const r = await t.raw('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action, subject: 'T01-00000001', reason: '核实' }, 'nobody-here');
      expect(r, action).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    }
    // and the refusals cost the supervisor no password attempts
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' }, 'nobody-here');
    expect((await t.call('operators.list', {})).find((o) => o.username === 'zhao')?.failedAttempts).toBe(0);
  });

  it('a supervisor cannot approve unlocking their own account (two-person rule)', async () => {
    const t = await lockedLi();
    expect(
      await t.raw('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action: 'operator.unlock', subject: 'zhao', reason: '自己解锁' }, 'counter'),
    ).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    // nor unlock it directly while signed in
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' }, 'desk');
    expect(await t.raw('operators.unlock', { username: 'zhao' }, 'desk')).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
  });
});
