import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../scripts/upstream-dev/receiver';
import { backupNow } from '../../src-main/db/backup';
import { setSetting, getSetting } from '../../src-main/features/system/settings.repo';
import { KEY_FILE } from '../../src-main/lib/sealed-secret';
import { openTestCore, type TestCore } from '../support/core';
import { FLOAT_500, openFeesCore, type FeesFixture } from '../support/fees';

/**
 * The upstream secret at rest without an OS keychain (the browser host): sealed with a key file in the data
 * folder, so the settings row, the database file and its backups hold no trace of it; a plain secret left by
 * an earlier version is sealed on first read; a lost key file stops the sending with a clear alert.
 */
const SECRET = 'head-office-secret-0123456789abcdef';
const DAY = 86_400_000;
const traces = [SECRET, Buffer.from(SECRET).toString('base64'), Buffer.from(SECRET).toString('hex')];

let receivers: Receiver[] = [];
let cores: TestCore[] = [];
afterEach(async () => {
  for (const r of receivers) await r.stop();
  for (const c of cores) await c.core.close();
  receivers = [];
  cores = [];
});

async function terminal(): Promise<FeesFixture> {
  const t = await openFeesCore({ printer: false, upstream: { timeoutMs: 1000, backoffBaseMs: 1000, backoffCapMs: 60_000, random: () => 0.5 } });
  cores.push(t);
  await t.call('cash.open', { count: FLOAT_500 });
  return t;
}

/** Moving the clock by a day locks the screen: unlock as the admin. */
async function wake(t: TestCore): Promise<void> {
  const r = await t.raw('auth.unlock', { password: 'admin-pass-1' });
  if (!r.ok && r.error.code !== 'CONFLICT') throw new Error(r.error.message);
}

async function receiver(t: TestCore): Promise<Receiver> {
  const r = await startReceiver({ secret: SECRET, now: () => t.clock.now().getTime() });
  receivers.push(r);
  return r;
}

/** Every file of the store (database, WAL) and of the backups folder, as bytes, must be free of the secret. */
function filesWithTrace(dir: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.sqlite(-wal|-shm)?$/.test(f.name) || f.name.endsWith('.sqlite.partial')) {
        const bytes = fs.readFileSync(p);
        for (const t of traces) if (bytes.includes(Buffer.from(t, 'latin1'))) hits.push(`${path.relative(dir, p)}: ${t.slice(0, 8)}…`);
      }
    }
  };
  walk(dir);
  return hits;
}

describe('upstream secret without an OS keychain', () => {
  it('is sealed with a key file in the data folder: the settings row, the store and a backup hold no trace of it, and it still signs', async () => {
    const t = await terminal();
    t.clock.advance(DAY);
    await wake(t);
    const r = await receiver(t);
    const view = await t.call('upstream.settings.save', { enabled: true, url: r.url, sendTime: '04:30', cutoffHour: 4, secret: SECRET });
    expect(view).toMatchObject({ hasSecret: true, secretProtection: 'keyFile', secretProblem: null });
    const row = getSetting(t.core.need().sql, 'upstream_secret') ?? '';
    expect(row.startsWith('kf1:')).toBe(true);
    for (const x of traces) expect(row).not.toContain(x);
    const keyFile = path.join(t.dataDir, KEY_FILE);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    expect(await t.call('upstream.sendNow', {})).toMatchObject({ delivered: 1, stopped: 0 });
    await backupNow(t.core.need().db, t.core.backupsDir, t.clock, 'manual');
    expect(filesWithTrace(t.dataDir)).toEqual([]);
    // the key file is not in the backups folder
    expect(fs.readdirSync(t.core.backupsDir).some((f) => f.includes('key'))).toBe(false);
  });

  it('a plain secret left by an earlier version is sealed on first read, its bytes wiped from the store, and it still signs', async () => {
    const t = await terminal();
    t.clock.advance(DAY);
    await wake(t);
    const r = await receiver(t);
    await t.call('upstream.settings.save', { enabled: true, url: r.url, sendTime: '04:30', cutoffHour: 4, secret: 'a-different-secret-for-now' });
    // what an earlier version wrote: base64 in the settings row
    const sql = t.core.need().sql;
    setSetting(sql, 'upstream_secret', `plain:${Buffer.from(SECRET).toString('base64')}`, t.clock.now().toISOString());
    // a setting written after it (as the nightly maintenance does) sits next to it in the page
    expect(getSetting(sql, 'last_full_check_at')).toBeUndefined();
    setSetting(sql, 'last_full_check_at', t.clock.now().toISOString(), t.clock.now().toISOString());
    t.core.need().db.pragma('wal_checkpoint(TRUNCATE)');
    expect(filesWithTrace(t.dataDir)).not.toEqual([]);
    await t.core.close();

    // next start: the first read (the status bar's) seals it
    const again = await openTestCore(t.dataDir, t.clock);
    cores = [again];
    const st = await again.call('system.status', {});
    expect(st.upstream.alert).toBeNull();
    const row = getSetting(again.core.need().sql, 'upstream_secret') ?? '';
    expect(row.startsWith('kf1:')).toBe(true);
    await again.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect(await again.call('upstream.settings.get', {})).toMatchObject({ secretProtection: 'keyFile', secretProblem: null });
    expect(await again.call('upstream.sendNow', {})).toMatchObject({ delivered: 1, stopped: 0 });
    expect(r.log.map((e) => e.status)).toEqual([201]);
    await backupNow(again.core.need().db, again.core.backupsDir, again.clock, 'manual');
    expect(filesWithTrace(t.dataDir)).toEqual([]);
  });

  it('the key file lost (only the database restored): nothing is sent, the alert asks to enter the secret again; entering it resumes', async () => {
    const t = await terminal();
    t.clock.advance(DAY);
    await wake(t);
    const r = await receiver(t);
    await t.call('upstream.settings.save', { enabled: true, url: r.url, sendTime: '04:30', cutoffHour: 4, secret: SECRET });
    fs.rmSync(path.join(t.dataDir, KEY_FILE));

    const st = await t.call('system.status', {});
    expect(st.upstream.alert).toContain('upstream.key');
    expect(st.upstream.alert).toContain('重新填写');
    expect(await t.call('upstream.settings.get', {})).toMatchObject({
      hasSecret: true,
      secretProtection: 'keyFile',
      secretProblem: expect.stringContaining('不见了'),
    });
    const up = t.core.need().upstream;
    up.ensureDays();
    await up.drain();
    expect(r.log).toEqual([]);
    const refused = await t.raw('upstream.sendNow', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('upstream.key') } });

    await t.call('upstream.settings.save', { enabled: true, url: r.url, sendTime: '04:30', cutoffHour: 4, secret: SECRET });
    expect((await t.call('system.status', {})).upstream.alert).toBeNull();
    expect(await t.call('upstream.sendNow', {})).toMatchObject({ delivered: 1, stopped: 0 });
  });
});
