import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import type { MaintenanceState } from '../../db/maintenance';
import { getSetting, setSetting } from './settings.repo';

/** When the last daily backup and full check ran, and whether the check passed (kept in the settings table). */
export function readMaintenanceState(sql: Sql): MaintenanceState {
  const ok = getSetting(sql, 'last_full_check_ok');
  return {
    lastBackupAt: getSetting(sql, 'last_backup_at') ?? null,
    lastFullCheckAt: getSetting(sql, 'last_full_check_at') ?? null,
    fullCheckOk: ok === undefined ? null : ok === '1',
  };
}

/** Records what a backup or a full check just did; fields left out (or null) keep their stored value. */
export function writeMaintenanceState(sql: Sql, clock: Clock, m: Partial<MaintenanceState>): void {
  const at = clock.now().toISOString();
  sql.tx(() => {
    if (m.lastBackupAt !== undefined && m.lastBackupAt !== null) setSetting(sql, 'last_backup_at', m.lastBackupAt, at);
    if (m.lastFullCheckAt !== undefined && m.lastFullCheckAt !== null) setSetting(sql, 'last_full_check_at', m.lastFullCheckAt, at);
    if (m.fullCheckOk !== undefined && m.fullCheckOk !== null) setSetting(sql, 'last_full_check_ok', m.fullCheckOk ? '1' : '0', at);
  });
}

/** The maintenance state of one open store, as the daily maintenance timer reads and records it. */
export const maintenanceStateOf = (sql: Sql, clock: Clock) => ({
  get: () => readMaintenanceState(sql),
  set: (m: Partial<MaintenanceState>) => writeMaintenanceState(sql, clock, m),
});
