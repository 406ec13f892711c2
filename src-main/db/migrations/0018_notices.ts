import type { Migration } from './types';

/**
 * Payment notices (交费通知单 / 催缴通知单): one row per notice, numbered by `seq` without gaps (the next number is
 * taken inside the issuing transaction), with what it said as issued — the periods and amounts owed, how to pay, the
 * property's contact, the owner's name already masked — so a reprint or an export shows the same document. Each
 * notice is logged in the room's 催缴 log (`contact_id`). Notices issued together for a building share a `batch`.
 * Issued notices are immutable.
 */
export const m0018: Migration = {
  version: 18,
  name: 'notices',
  up(db) {
    db.exec(`
      CREATE TABLE receivable_notices (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
        notice_no TEXT NOT NULL UNIQUE,
        batch INTEGER NOT NULL CHECK (batch >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('payment', 'reminder')),
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        building_id INTEGER NOT NULL REFERENCES buildings(id),
        room_code TEXT NOT NULL,
        building_name TEXT NOT NULL,
        owner_masked TEXT,
        this_month TEXT NOT NULL CHECK (this_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        lines TEXT NOT NULL CHECK (json_valid(lines)),
        owed_fen INTEGER NOT NULL CHECK (owed_fen > 0),
        late_fee_fen INTEGER NOT NULL CHECK (late_fee_fen >= 0),
        how_to_pay TEXT NOT NULL,
        contact TEXT NOT NULL,
        contact_id INTEGER NOT NULL UNIQUE REFERENCES receivable_contacts(id),
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        at TEXT NOT NULL,
        day TEXT NOT NULL
      ) STRICT;
      CREATE INDEX receivable_notices_room ON receivable_notices(room_id, id);
      CREATE INDEX receivable_notices_batch ON receivable_notices(batch, id);
      CREATE TRIGGER receivable_notices_no_update BEFORE UPDATE ON receivable_notices
        BEGIN SELECT RAISE(ABORT, 'issued notices are immutable'); END;
      CREATE TRIGGER receivable_notices_no_delete BEFORE DELETE ON receivable_notices
        BEGIN SELECT RAISE(ABORT, 'issued notices are immutable'); END;
    `);
  },
};
