import type { Migration } from './types';

/**
 * 违约金 waivers: a supervisor-approved waiver of the late fee a room's item has accrued up to a day. The debt itself
 * is untouched; the late fee on months still owed runs again from the day after. Immutable, one per approval.
 */
export const m0017: Migration = {
  version: 17,
  name: 'late_fee_waivers',
  up(db) {
    db.exec(`
      CREATE TABLE receivable_late_waivers (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        item_id INTEGER NOT NULL REFERENCES receivable_items(item_id),
        through_day TEXT NOT NULL CHECK (through_day GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        waived_fen INTEGER NOT NULL CHECK (waived_fen BETWEEN 1 AND 9999999999),
        reason TEXT NOT NULL CHECK (length(reason) >= 2),
        approval_id TEXT NOT NULL UNIQUE REFERENCES approvals(id),
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        approver_id INTEGER NOT NULL REFERENCES operators(id) CHECK (approver_id <> operator_id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX receivable_late_waivers_room ON receivable_late_waivers(room_id, item_id, through_day);
      CREATE TRIGGER receivable_late_waivers_no_update BEFORE UPDATE ON receivable_late_waivers
        BEGIN SELECT RAISE(ABORT, 'late fee waivers are immutable'); END;
      CREATE TRIGGER receivable_late_waivers_no_delete BEFORE DELETE ON receivable_late_waivers
        BEGIN SELECT RAISE(ABORT, 'late fee waivers are immutable'); END;
    `);
  },
};
