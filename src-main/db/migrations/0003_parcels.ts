import type { Migration } from './types';

/**
 * Parcels (快递代收): configurable shelves, parcels with their pickup record, and arrival/overdue notices
 * recorded for the upstream outbox. A parcel is in stock until it leaves once (picked up, returned to the
 * courier, written off); after that its row is frozen (trigger), and rows are never deleted. Every state
 * change also writes an audit row (service). A waybill is unique among parcels *in stock* only: the same
 * number may come back after a return, and carriers recycle numbers after years (docs/decisions.md).
 */
export const m0003: Migration = {
  version: 3,
  name: 'parcels',
  up(db) {
    db.exec(`
      CREATE TABLE parcel_shelves (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 4 AND code NOT GLOB '*[^A-Z]*'),
        name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 20),
        slots INTEGER NOT NULL CHECK (slots BETWEEN 1 AND 999),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE parcels (
        id INTEGER PRIMARY KEY,
        waybill TEXT NOT NULL CHECK (length(waybill) BETWEEN 6 AND 40),
        carrier TEXT NOT NULL CHECK (carrier IN ('SF', 'YT', 'JT', 'JD', 'EMS', 'POST', 'ZTO', 'STO', 'YD', 'OTHER', 'UNKNOWN')),
        room_id INTEGER REFERENCES rooms(id),
        room_code TEXT,
        resident_id INTEGER REFERENCES residents(id),
        recipient TEXT NOT NULL DEFAULT '' CHECK (length(recipient) <= 40),
        phone_last4 TEXT CHECK (phone_last4 IS NULL OR (length(phone_last4) = 4 AND phone_last4 NOT GLOB '*[^0-9]*')),
        -- a recipient named on the parcel who is not in the roster (flagged for the counter and the office)
        unlisted INTEGER NOT NULL DEFAULT 0 CHECK (unlisted IN (0, 1)),
        shelf_id INTEGER REFERENCES parcel_shelves(id),
        slot INTEGER CHECK (slot IS NULL OR slot BETWEEN 1 AND 999),
        pickup_code TEXT NOT NULL CHECK (length(pickup_code) = 6 AND pickup_code NOT GLOB '*[^0-9]*'),
        status TEXT NOT NULL CHECK (status IN ('in_stock', 'picked_up', 'returned', 'written_off')),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 100),
        request_id TEXT UNIQUE,
        intake_at TEXT NOT NULL,
        intake_by INTEGER NOT NULL REFERENCES operators(id),
        updated_at TEXT NOT NULL,
        -- leaving stock, whichever way
        closed_at TEXT,
        closed_by INTEGER REFERENCES operators(id),
        -- pickup record
        picked_at TEXT,
        collector TEXT,
        check_method TEXT CHECK (check_method IS NULL OR check_method IN ('code', 'id_card', 'phone', 'signature', 'known')),
        check_note TEXT,
        proxy INTEGER NOT NULL DEFAULT 0 CHECK (proxy IN (0, 1)),
        proxy_name TEXT,
        -- return to courier / write-off
        return_reason TEXT,
        writeoff_reason TEXT,
        approval_id TEXT REFERENCES approvals(id),
        CHECK ((shelf_id IS NULL) = (slot IS NULL)),
        CHECK ((status = 'in_stock') = (closed_at IS NULL)),
        CHECK (status <> 'picked_up' OR (picked_at IS NOT NULL AND check_method IS NOT NULL AND collector IS NOT NULL)),
        CHECK (proxy = 0 OR (proxy_name IS NOT NULL AND length(proxy_name) >= 1)),
        CHECK (status <> 'returned' OR length(return_reason) >= 2),
        CHECK (status <> 'written_off' OR (approval_id IS NOT NULL AND length(writeoff_reason) >= 2))
      ) STRICT;
      -- pickup codes and waybills are unique among parcels in stock
      CREATE UNIQUE INDEX parcels_code_in_stock ON parcels(pickup_code) WHERE status = 'in_stock';
      CREATE UNIQUE INDEX parcels_waybill_in_stock ON parcels(waybill) WHERE status = 'in_stock';
      -- history: a code is not handed out again for 30 days; a waybill seen before is reported
      CREATE INDEX parcels_code ON parcels(pickup_code, intake_at);
      CREATE INDEX parcels_waybill ON parcels(waybill);
      -- a room's parcels in stock (pickup by room), oldest first; full rather than partial, so that without
      -- ANALYZE statistics the planner still prefers it to parcels_status_intake (two equalities beat one)
      CREATE INDEX parcels_room_status ON parcels(room_id, status, intake_at);
      -- slot occupancy for the suggestion (covering)
      CREATE INDEX parcels_status_slot ON parcels(status, shelf_id, slot);
      -- overdue (status = 'in_stock' AND intake_at < cutoff) and the in-stock count
      CREATE INDEX parcels_status_intake ON parcels(status, intake_at);
      -- daily counts (in by intake time, out by closing time) and search
      CREATE INDEX parcels_intake_at ON parcels(intake_at);
      CREATE INDEX parcels_closed_at ON parcels(closed_at) WHERE closed_at IS NOT NULL;
      CREATE INDEX parcels_room_code ON parcels(room_code, intake_at) WHERE room_code IS NOT NULL;
      CREATE INDEX parcels_recipient ON parcels(recipient);
      CREATE INDEX parcels_phone_last4 ON parcels(phone_last4) WHERE phone_last4 IS NOT NULL;

      -- details can be fixed while in stock; the code, waybill and intake never change; leaving is final
      CREATE TRIGGER parcels_guard BEFORE UPDATE ON parcels
        WHEN OLD.status <> 'in_stock'
          OR NEW.waybill IS NOT OLD.waybill OR NEW.pickup_code IS NOT OLD.pickup_code
          OR NEW.intake_at IS NOT OLD.intake_at OR NEW.intake_by IS NOT OLD.intake_by OR NEW.request_id IS NOT OLD.request_id
        BEGIN SELECT RAISE(ABORT, 'parcel has left stock or its identity would change: parcels are immutable-ish'); END;
      CREATE TRIGGER parcels_no_delete BEFORE DELETE ON parcels
        BEGIN SELECT RAISE(ABORT, 'parcels are never deleted'); END;

      -- notifications to residents, recorded now and sent by the upstream outbox (a later issue)
      CREATE TABLE parcel_notices (
        id INTEGER PRIMARY KEY,
        parcel_id INTEGER NOT NULL REFERENCES parcels(id),
        kind TEXT NOT NULL CHECK (kind IN ('arrival', 'overdue')),
        day TEXT NOT NULL CHECK (length(day) = 10),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES operators(id),
        sent_at TEXT,
        last_error TEXT,
        UNIQUE (parcel_id, kind, day)
      ) STRICT;
      CREATE INDEX parcel_notices_status ON parcel_notices(status, id);

      -- intake slips go through the print queue (kind 'slip'), linked to their parcel
      ALTER TABLE print_jobs ADD COLUMN parcel_id INTEGER REFERENCES parcels(id);
      CREATE INDEX print_jobs_parcel ON print_jobs(parcel_id) WHERE parcel_id IS NOT NULL;
    `);
  },
};
