import type { Migration } from './types';
import { m0001 } from './0001_initial';
import { m0002 } from './0002_fees';
import { m0003 } from './0003_parcels';
import { m0004 } from './0004_upstream';
import { m0005 } from './0005_keys_cards';
import { m0006 } from './0006_service';
import { m0007 } from './0007_handover';
import { m0008 } from './0008_card_stock_count';
import { m0009 } from './0009_parcel_carriers';
import { m0010 } from './0010_approval_binding';
import { m0011 } from './0011_ledger_audit';
import { m0012 } from './0012_roster_imports';
import { m0013 } from './0013_visitors';
import { m0014 } from './0014_rooms';
import { m0015 } from './0015_receivables';
import { m0016 } from './0016_perf_indexes';
import { m0017 } from './0017_late_fee_waivers';
import { m0018 } from './0018_notices';
import { m0019 } from './0019_case_links';

/** Every migration, statically listed in order. The app's schema version is the last one's. */
export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0019,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
