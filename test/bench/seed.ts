import fs from 'node:fs';
import path from 'node:path';
import { AppCore, type CoreOptions } from '../../src-main/compose';
import type { Clock } from '../../src-main/lib/clock';
import { silentLogger } from '../../src-main/lib/log';
import * as roster from '../../src-main/features/roster/roster.repo';

/**
 * A benchmark's store: a set-up terminal in `<work>/<name>` with the bench admin signed in (the lock put off), and
 * `call` for the IPC dispatcher as the UI calls it.
 */
export async function benchCore(work: string, name: string, clock: Clock, extra: Partial<CoreOptions> = {}) {
  const dataDir = path.join(work, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: { ln: 10, r: 8, p: 1 }, ...extra });
  const c = { clientId: 'bench' };
  const call = async <T = unknown>(ch: string, input: unknown): Promise<T> => {
    const r = await core.dispatch(ch, input, c);
    if (!r.ok) throw new Error(`${ch}: ${r.error.message}`);
    return r.value as T;
  };
  await call('system.setup', { propertyName: '基准花园', terminalId: 'T01', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' }, demoData: false });
  await call('auth.login', { username: 'bench', password: 'bench-pass-1' });
  await call('settings.update', { propertyName: '基准花园', idleLockMinutes: 240 });
  return { core, call, s: core.need(), dataDir };
}

/** `rooms` rooms in 20 buildings of 2 units (`3-2-501`, 89.50 m² each), in one transaction; their ids. */
export function seedRooms(s: ReturnType<AppCore['need']>, rooms: number): number[] {
  return s.sql.tx(() => {
    const ids: number[] = [];
    for (let b = 1; b <= 20; b++) {
      const bid = roster.insertBuilding(s.sql, { code: String(b), name: `${b}栋`, at: 'now' });
      for (let u = 1; u <= 2; u++) {
        const uid = roster.insertUnit(s.sql, bid, String(u));
        for (let k = 0; k < rooms / 40; k++) {
          const number = `${Math.floor(k / 4) + 1}0${(k % 4) + 1}`;
          ids.push(roster.insertRoom(s.sql, { unitId: uid, number, code: `${b}-${u}-${number}`, areaCm2: 8950, at: 'now' }));
        }
      }
    }
    return ids;
  });
}
