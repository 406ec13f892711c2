import { loosenChecks } from './0008_card_stock_count';
import type { Migration } from './types';

/**
 * Two more carriers recognised from the waybill number: 德邦 (DBL, DPK… numbers) and 菜鸟 (CAINIAO). Only the
 * carrier list of parcels is widened, in place (see 0008): rebuilding parcels inside the migration's transaction
 * would drop its guard triggers and trip the foreign keys of the notices and print jobs that point at it.
 */
export const m0009: Migration = {
  version: 9,
  name: 'parcel_carriers',
  up(db) {
    loosenChecks(db, 'parcels', [
      [
        "carrier TEXT NOT NULL CHECK (carrier IN ('SF', 'YT', 'JT', 'JD', 'EMS', 'POST', 'ZTO', 'STO', 'YD', 'OTHER', 'UNKNOWN'))",
        "carrier TEXT NOT NULL CHECK (carrier IN ('SF', 'YT', 'JT', 'JD', 'EMS', 'POST', 'ZTO', 'STO', 'YD', 'DBL', 'CAINIAO', 'OTHER', 'UNKNOWN'))",
      ],
    ]);
  },
};
