import type { Migration } from './types';

/**
 * The room file, residents kept current one at a time, the move-in (交房) case and the decoration (装修) case.
 *  - A room gets its floor, type (户型) and state (未交房 / 空置 / 自住 / 出租 / 装修中). Existing rooms take their
 *    state from their residents: a current tenant → 出租, a current owner → 自住, else 空置.
 *  - Every state change is a row of room_state_changes (append-only): the monthly change in the occupancy
 *    statistics is read from it.
 *  - A resident gets, after an erasure request, the time their details were erased (the row stays, so the history
 *    keeps that a resident lived there). A tenant's leases are rows of tenant_leases, kept after the move-out.
 *  - 过户 is one ownership_transfers row (append-only) with the documents seen ticked, never copied.
 *  - A move-in case keeps each step's time, so a case left half done is resumed where it stopped; one open case per
 *    room (partial unique index). Keys handed over and cards issued are linked by id.
 *  - Meter readings are kept per room and meter; the service refuses one lower than the last.
 *  - A decoration case: one open case per room (partial unique index); its history (review, extension, patrol,
 *    deduction, acceptance, refund) is decoration_events, append-only.
 */
export const m0014: Migration = {
  version: 14,
  name: 'rooms',
  up(db) {
    db.exec(`
      ALTER TABLE rooms ADD COLUMN floor INTEGER CHECK (floor IS NULL OR floor BETWEEN -10 AND 300);
      ALTER TABLE rooms ADD COLUMN room_type TEXT NOT NULL DEFAULT '' CHECK (length(room_type) <= 20);
      ALTER TABLE rooms ADD COLUMN state TEXT NOT NULL DEFAULT 'vacant' CHECK (state IN ('undelivered', 'vacant', 'owner_occupied', 'rented', 'renovating'));
      ALTER TABLE rooms ADD COLUMN updated_at TEXT;
      ALTER TABLE residents ADD COLUMN erased_at TEXT;

      UPDATE rooms SET state = CASE
        WHEN EXISTS (SELECT 1 FROM residents r WHERE r.room_id = rooms.id AND r.kind = 'tenant' AND r.move_out IS NULL) THEN 'rented'
        WHEN EXISTS (SELECT 1 FROM residents r WHERE r.room_id = rooms.id AND r.kind = 'owner' AND r.move_out IS NULL) THEN 'owner_occupied'
        ELSE 'vacant' END;
      CREATE INDEX rooms_state ON rooms(state);
      CREATE INDEX rooms_unit ON rooms(unit_id);

      CREATE TABLE room_state_changes (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        from_state TEXT CHECK (from_state IS NULL OR from_state IN ('undelivered', 'vacant', 'owner_occupied', 'rented', 'renovating')),
        to_state TEXT NOT NULL CHECK (to_state IN ('undelivered', 'vacant', 'owner_occupied', 'rented', 'renovating')),
        at TEXT NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX room_state_changes_room ON room_state_changes(room_id, id);
      CREATE INDEX room_state_changes_at ON room_state_changes(at);
      CREATE TRIGGER room_state_changes_no_update BEFORE UPDATE ON room_state_changes
        BEGIN SELECT RAISE(ABORT, 'room state changes are history'); END;
      CREATE TRIGGER room_state_changes_no_delete BEFORE DELETE ON room_state_changes
        BEGIN SELECT RAISE(ABORT, 'room state changes are history'); END;

      -- a tenant's leases, kept after the move-out; one tenant's leases never overlap (the service refuses it)
      CREATE TABLE tenant_leases (
        id INTEGER PRIMARY KEY,
        resident_id INTEGER NOT NULL REFERENCES residents(id),
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        moved_out TEXT,
        created_at TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        CHECK (end_date >= start_date),
        CHECK (moved_out IS NULL OR moved_out >= start_date)
      ) STRICT;
      CREATE INDEX tenant_leases_resident ON tenant_leases(resident_id, start_date);
      CREATE INDEX tenant_leases_room ON tenant_leases(room_id);

      CREATE TABLE ownership_transfers (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        from_resident_id INTEGER NOT NULL REFERENCES residents(id),
        to_resident_id INTEGER NOT NULL REFERENCES residents(id),
        transfer_date TEXT NOT NULL,
        title_deed_seen INTEGER NOT NULL CHECK (title_deed_seen IN (0, 1)),
        contract_seen INTEGER NOT NULL CHECK (contract_seen IN (0, 1)),
        id_card_seen INTEGER NOT NULL CHECK (id_card_seen IN (0, 1)),
        at TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id)
      ) STRICT;
      CREATE INDEX ownership_transfers_room ON ownership_transfers(room_id, id);
      CREATE TRIGGER ownership_transfers_no_update BEFORE UPDATE ON ownership_transfers
        BEGIN SELECT RAISE(ABORT, 'an ownership transfer is history'); END;
      CREATE TRIGGER ownership_transfers_no_delete BEFORE DELETE ON ownership_transfers
        BEGIN SELECT RAISE(ABORT, 'an ownership transfer is history'); END;

      CREATE TABLE movein_cases (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
        started_at TEXT NOT NULL,
        started_by INTEGER NOT NULL REFERENCES operators(id),
        resident_id INTEGER REFERENCES residents(id),
        identity_checked_at TEXT,
        id_note TEXT NOT NULL DEFAULT '',
        docs_seen TEXT NOT NULL DEFAULT '[]',
        docs_checked_at TEXT,
        meters_read_at TEXT,
        keys_handed_at TEXT,
        keys_signed_by TEXT,
        cards_done_at TEXT,
        issues TEXT NOT NULL DEFAULT '',
        completed_at TEXT,
        completed_by INTEGER REFERENCES operators(id),
        cancelled_at TEXT,
        cancel_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX movein_cases_one_open ON movein_cases(room_id) WHERE status = 'open';
      CREATE INDEX movein_cases_room ON movein_cases(room_id, id);
      CREATE INDEX movein_cases_completed ON movein_cases(completed_at) WHERE completed_at IS NOT NULL;

      CREATE TABLE movein_links (
        case_id INTEGER NOT NULL REFERENCES movein_cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('key', 'card')),
        ref_id INTEGER NOT NULL,
        PRIMARY KEY (case_id, kind, ref_id)
      ) STRICT;

      CREATE TABLE meter_readings (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        meter TEXT NOT NULL CHECK (meter IN ('water', 'electricity', 'gas')),
        reading_centi INTEGER NOT NULL CHECK (reading_centi BETWEEN 0 AND 99999999999),
        read_at TEXT NOT NULL,
        case_id INTEGER REFERENCES movein_cases(id),
        operator_id INTEGER NOT NULL REFERENCES operators(id)
      ) STRICT;
      CREATE INDEX meter_readings_room ON meter_readings(room_id, meter, id);
      CREATE TRIGGER meter_readings_no_update BEFORE UPDATE ON meter_readings
        BEGIN SELECT RAISE(ABORT, 'a meter reading is history'); END;

      CREATE TABLE decoration_cases (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        status TEXT NOT NULL CHECK (status IN ('applied', 'approved', 'in_progress', 'awaiting_acceptance', 'accepted', 'refunded', 'rejected', 'void')),
        applicant_resident_id INTEGER REFERENCES residents(id),
        contractor TEXT NOT NULL CHECK (length(contractor) BETWEEN 1 AND 60),
        person_in_charge TEXT NOT NULL CHECK (length(person_in_charge) BETWEEN 1 AND 40),
        contractor_phone TEXT NOT NULL,
        start_date TEXT NOT NULL,
        planned_end TEXT NOT NULL,
        scope TEXT NOT NULL DEFAULT '[]',
        docs_seen TEXT NOT NULL DEFAULT '[]',
        deposit_fen INTEGER NOT NULL DEFAULT 0 CHECK (deposit_fen BETWEEN 0 AND 9999999999),
        deposit_receipt_no TEXT,
        deducted_fen INTEGER NOT NULL DEFAULT 0 CHECK (deducted_fen >= 0 AND deducted_fen <= deposit_fen),
        review_remark TEXT,
        reviewed_by INTEGER REFERENCES operators(id),
        accepted_at TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES operators(id),
        updated_at TEXT NOT NULL,
        CHECK (planned_end >= start_date)
      ) STRICT;
      CREATE UNIQUE INDEX decoration_cases_one_open ON decoration_cases(room_id)
        WHERE status IN ('applied', 'approved', 'in_progress', 'awaiting_acceptance', 'accepted');
      CREATE INDEX decoration_cases_status ON decoration_cases(status, planned_end);
      CREATE INDEX decoration_cases_room ON decoration_cases(room_id, id);

      CREATE TABLE decoration_events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES decoration_cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('apply', 'approve', 'reject', 'deposit', 'start', 'extend', 'patrol', 'deduct', 'finish', 'accept', 'fail', 'refund', 'void')),
        at TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        note TEXT NOT NULL DEFAULT '',
        amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
        new_end TEXT
      ) STRICT;
      CREATE INDEX decoration_events_case ON decoration_events(case_id, id);
      CREATE TRIGGER decoration_events_no_update BEFORE UPDATE ON decoration_events
        BEGIN SELECT RAISE(ABORT, 'decoration history is append-only'); END;
      CREATE TRIGGER decoration_events_no_delete BEFORE DELETE ON decoration_events
        BEGIN SELECT RAISE(ABORT, 'decoration history is append-only'); END;
    `);
  },
};
