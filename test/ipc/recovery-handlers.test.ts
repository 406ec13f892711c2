import { describe, expect, it } from 'vitest';
import { contract, type Channel } from '@shared/contract';
import { openReadyCore } from '../support/core';

/**
 * While the store needs recovery there is no store to call: the system channels still answer, a session can still
 * be locked, and every other channel refuses with DB_RECOVERY (a clear message, never INTERNAL); a restore brings
 * the store's handlers back.
 */
const ANSWER_IN_RECOVERY = new Set<Channel>(['system.status', 'system.listBackups', 'auth.touch', 'auth.lock', 'auth.logout']);

describe('the channels while the store is in recovery', () => {
  it('answer from the system, refuse the rest with DB_RECOVERY, and come back after a restore', async () => {
    const t = await openReadyCore();
    await t.call('roster.buildings.create', { code: '7', name: '7栋' });
    const backup = await t.call('system.backupNow', {});
    await t.call('system.enterRecovery', {});

    const status = await t.call('system.status', {});
    expect(status.mode).toBe('recovery');
    expect(status.recovery?.backups.map((b) => b.name)).toContain(backup.name);
    expect((await t.call('system.listBackups', {})).map((b) => b.name)).toContain(backup.name);

    // every channel that an empty input reaches (the admin is still signed in, so the session check passes)
    const reachable = (Object.keys(contract) as Channel[]).filter((c) => contract[c].input.safeParse({}).success && !ANSWER_IN_RECOVERY.has(c));
    expect(reachable.length).toBeGreaterThan(40);
    for (const channel of reachable) {
      const r = await t.raw(channel, {});
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'DB_RECOVERY' } });
    }
    expect(await t.raw('auth.login', { username: 'admin', password: 'admin-pass-1' })).toMatchObject({ ok: false, error: { code: 'DB_RECOVERY' } });

    await t.call('system.restoreBackup', { name: backup.name });
    expect((await t.call('system.status', {})).mode).toBe('ready');
    await t.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect((await t.call('roster.buildings.list', {})).map((b) => b.code)).toContain('7');

    await t.call('auth.lock', {});
    expect(await t.raw('roster.stats', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
