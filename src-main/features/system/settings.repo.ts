import { qb, type Sql } from '../../db/sql';

export type SettingKey =
  | 'property_name'
  | 'terminal_id'
  | 'idle_lock_minutes'
  | 'last_backup_at'
  | 'last_full_check_at'
  | 'last_full_check_ok'
  | 'printer_settings'
  | 'cash_variance_threshold_fen'
  | 'parcel_settings'
  | 'parcel_carrier_memory'
  | 'upstream_settings'
  | 'upstream_secret'
  | 'card_reader_settings'
  | 'service_settings'
  | 'time_zone'
  | 'visitor_settings'
  | 'receivables_settings'
  | 'notice_settings';

export function getSetting(sql: Sql, key: SettingKey): string | undefined {
  return sql.get(qb.selectFrom('settings').select('value').where('key', '=', key))?.value;
}

export function setSetting(sql: Sql, key: SettingKey, value: string, at: string): void {
  sql.run(
    qb
      .insertInto('settings')
      .values({ key, value, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at })),
  );
}
