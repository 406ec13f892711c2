import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { openVisitorsCore } from '../support/visitors';

/**
 * The gate guard (门岗) sees only the removal-pass check (放行核验) and the on-site list (在场访客): the role is
 * checked at the IPC boundary, before the input is read, for every channel of the contract.
 */
const GUARD_CHANNELS = ['auth.changePassword', 'auth.touch', 'visitors.onSite', 'visitors.removal.verify'];

describe('the guard role at the IPC boundary', () => {
  it('exactly the verification, the on-site list and keeping the own session are open to a guard', () => {
    const open = Object.entries(contract)
      .filter(([, d]) => d.access === 'guard')
      .map(([k]) => k)
      .sort();
    expect(open).toEqual(GUARD_CHANNELS);
  });

  it('every other signed-in channel answers ROLE_REQUIRED to a guard and changes nothing', async () => {
    const t = await openVisitorsCore({ printer: false });
    const gate = await t.asGuard();
    const auditBefore = t.core.need().sql.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const refused: string[] = [];
    const answered: string[] = [];
    for (const [channel, def] of Object.entries(contract)) {
      if (def.access === 'public' || def.access === 'guard') continue;
      // the input does not matter: the role is checked first
      const r = await t.raw(channel, {}, gate);
      if (!r.ok && r.error.code === 'ROLE_REQUIRED') refused.push(channel);
      else answered.push(`${channel}: ${JSON.stringify(r).slice(0, 80)}`);
    }
    expect(answered).toEqual([]);
    expect(refused).toEqual(
      expect.arrayContaining([
        'visitors.checkIn',
        'visitors.checkOut',
        'visitors.search',
        'visitors.reveal',
        'visitors.passes.get',
        'roster.search',
        'fees.collect',
        'keys.list',
      ]),
    );
    expect(refused.length).toBeGreaterThan(100);
    expect(t.core.need().sql.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
  });

  it('a guard may verify a removal pass and read the on-site list (masked)', async () => {
    const t = await openVisitorsCore({ printer: false });
    await t.call('visitors.checkIn', {
      visitorName: '刘洋',
      phone: '13900001234',
      docType: 'none',
      partySize: 1,
      purpose: 'friend',
      roomId: t.rooms.r501,
      consent: 'owner_present',
    });
    const r = await t.call('visitors.removal.issue', {
      roomId: t.rooms.r501,
      applicantKind: 'owner',
      applicantName: '张伟',
      items: [{ name: '家电', quantity: 1 }],
      date: '2026-11-23',
      windowFrom: '09:00',
      windowTo: '18:00',
    });
    const gate = await t.asGuard();
    const site = await t.call('visitors.onSite', {}, gate);
    expect(site.visitors.map((v) => v.nameMasked)).toEqual(['刘*']);
    expect(JSON.stringify(site)).not.toMatch(/刘洋|13900001234/);
    expect(await t.call('visitors.removal.verify', { passNo: r.pass.passNo }, gate)).toMatchObject({
      result: 'ok',
      pass: { verification: { via: 'gate', byName: '孙门岗' } },
    });
    expect(await t.call('auth.touch', {}, gate)).toEqual({ done: true });
  });
});
