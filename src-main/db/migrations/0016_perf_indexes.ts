import type { Migration } from './types';

/**
 * Collection figures without reading every charge and allocation of the period.
 * - receivable_month_totals: per month, building and item, the month charges' amount and what of it is settled,
 *   kept by triggers on receivable_charges in the same statement as every charge written, repriced, settled,
 *   re-opened or deleted (so no path that writes a charge can leave the totals behind); filled once from the
 *   charges already on file.
 * - receivable_allocations_cleared: a partial index holding only the allocations that may settle arrears of an
 *   earlier year (opening arrears, or a month before the year the allocation was made in). The year is taken at
 *   UTC+14, the earliest new year anywhere, so the index holds every such allocation of any time zone; the query
 *   keeps its own exact condition on the property's year.
 * - visits_room, visitor_appointments_room: the room file's visitors of today read through the room.
 */
export const m0016: Migration = {
  version: 16,
  name: 'perf_indexes',
  up(db) {
    db.exec(`
      CREATE TABLE receivable_month_totals (
        month TEXT NOT NULL,
        building_id INTEGER NOT NULL,
        item_id INTEGER NOT NULL,
        charged_fen INTEGER NOT NULL,
        settled_fen INTEGER NOT NULL,
        PRIMARY KEY (month, building_id, item_id)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO receivable_month_totals (month, building_id, item_id, charged_fen, settled_fen)
        SELECT month, building_id, item_id, sum(amount_fen), sum(settled_fen) FROM receivable_charges WHERE kind = 'month'
        GROUP BY month, building_id, item_id;

      CREATE TRIGGER receivable_month_totals_insert AFTER INSERT ON receivable_charges WHEN new.kind = 'month'
      BEGIN
        INSERT INTO receivable_month_totals (month, building_id, item_id, charged_fen, settled_fen)
          VALUES (new.month, new.building_id, new.item_id, new.amount_fen, new.settled_fen)
          ON CONFLICT (month, building_id, item_id) DO UPDATE SET
            charged_fen = charged_fen + excluded.charged_fen, settled_fen = settled_fen + excluded.settled_fen;
      END;

      CREATE TRIGGER receivable_month_totals_delete AFTER DELETE ON receivable_charges WHEN old.kind = 'month'
      BEGIN
        UPDATE receivable_month_totals SET charged_fen = charged_fen - old.amount_fen, settled_fen = settled_fen - old.settled_fen
          WHERE month = old.month AND building_id = old.building_id AND item_id = old.item_id;
      END;

      CREATE TRIGGER receivable_month_totals_update AFTER UPDATE ON receivable_charges WHEN old.kind = 'month' OR new.kind = 'month'
      BEGIN
        UPDATE receivable_month_totals SET charged_fen = charged_fen - old.amount_fen, settled_fen = settled_fen - old.settled_fen
          WHERE old.kind = 'month' AND month = old.month AND building_id = old.building_id AND item_id = old.item_id;
        INSERT INTO receivable_month_totals (month, building_id, item_id, charged_fen, settled_fen)
          SELECT new.month, new.building_id, new.item_id, new.amount_fen, new.settled_fen WHERE new.kind = 'month'
          ON CONFLICT (month, building_id, item_id) DO UPDATE SET
            charged_fen = charged_fen + excluded.charged_fen, settled_fen = settled_fen + excluded.settled_fen;
      END;

      CREATE INDEX receivable_allocations_cleared ON receivable_allocations (at, kind, month, building_id, item_id, amount_fen)
        WHERE kind = 'opening' OR month < strftime('%Y', at, '+14 hours') || '-01';

      CREATE INDEX visits_room ON visits (room_id, checked_in_at) WHERE room_id IS NOT NULL;
      CREATE INDEX visitor_appointments_room ON visitor_appointments (room_id, date);
    `);
  },
};
