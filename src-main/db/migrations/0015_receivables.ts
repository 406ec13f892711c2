import type { Migration } from './types';

/**
 * Receivables: what each room owes per periodic item.
 * - receivable_items: which catalogue items are billed monthly per room, since which month (起征月), and whether
 *   the vacant-unit discount applies; receivable_rates: each item's rate history (non-overlapping month periods).
 * - receivable_plans: which items apply to a room from which month (first-month days when charged by days),
 *   and how far its month charges have been written (`generated_through`).
 * - receivable_vacancies / receivable_adjustments: vacant-unit periods (charged at a percentage) and supervisor-
 *   approved exemptions or reductions (percentage off), each with a reason.
 * - receivable_charges: one row per room, item and month charged (or one opening-arrears row from an import);
 *   `settled_fen` is the sum of its allocations, kept in the same transaction as each allocation.
 * - receivable_allocations: the money record: which receipt line settled (positive) or re-opened (negative, a
 *   void or refund line) which charge. Append-only, stamped into the audit chain.
 * - receivable_contacts: the 催缴 log.
 */
export const m0015: Migration = {
  version: 15,
  name: 'receivables',
  up(db) {
    db.exec(`
      CREATE TABLE receivable_items (
        item_id INTEGER PRIMARY KEY REFERENCES fee_items(id),
        since_month TEXT NOT NULL CHECK (since_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        vacancy_applies INTEGER NOT NULL CHECK (vacancy_applies IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE receivable_rates (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES receivable_items(item_id),
        from_month TEXT NOT NULL CHECK (from_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        to_month TEXT CHECK (to_month IS NULL OR to_month >= from_month),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen BETWEEN 0 AND 99999999),
        operator_id INTEGER REFERENCES operators(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX receivable_rates_item ON receivable_rates(item_id, from_month);

      CREATE TABLE receivable_plans (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        building_id INTEGER NOT NULL REFERENCES buildings(id),
        item_id INTEGER NOT NULL REFERENCES receivable_items(item_id),
        start_month TEXT NOT NULL CHECK (start_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        first_days INTEGER CHECK (first_days IS NULL OR first_days BETWEEN 1 AND 31),
        end_month TEXT CHECK (end_month IS NULL OR end_month >= start_month),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
        source TEXT NOT NULL CHECK (source IN ('counter', 'import')),
        generated_through TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (room_id, item_id)
      ) STRICT;
      CREATE INDEX receivable_plans_generated ON receivable_plans(generated_through);

      CREATE TABLE receivable_vacancies (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        from_month TEXT NOT NULL CHECK (from_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        to_month TEXT CHECK (to_month IS NULL OR to_month >= from_month),
        pct INTEGER NOT NULL CHECK (pct BETWEEN 0 AND 100),
        reason TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX receivable_vacancies_room ON receivable_vacancies(room_id);

      CREATE TABLE receivable_adjustments (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        item_id INTEGER NOT NULL REFERENCES receivable_items(item_id),
        from_month TEXT NOT NULL CHECK (from_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        to_month TEXT NOT NULL CHECK (to_month >= from_month),
        pct_off INTEGER NOT NULL CHECK (pct_off BETWEEN 1 AND 100),
        reason TEXT NOT NULL CHECK (length(reason) >= 2),
        approval_id TEXT NOT NULL UNIQUE REFERENCES approvals(id),
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        approver_id INTEGER NOT NULL REFERENCES operators(id) CHECK (approver_id <> operator_id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX receivable_adjustments_room ON receivable_adjustments(room_id, item_id);
      CREATE TRIGGER receivable_adjustments_no_update BEFORE UPDATE ON receivable_adjustments
        BEGIN SELECT RAISE(ABORT, 'approved adjustments are immutable'); END;
      CREATE TRIGGER receivable_adjustments_no_delete BEFORE DELETE ON receivable_adjustments
        BEGIN SELECT RAISE(ABORT, 'approved adjustments are immutable'); END;

      CREATE TABLE receivable_charges (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        building_id INTEGER NOT NULL REFERENCES buildings(id),
        item_id INTEGER NOT NULL REFERENCES receivable_items(item_id),
        kind TEXT NOT NULL CHECK (kind IN ('month', 'opening')),
        month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        base_fen INTEGER NOT NULL CHECK (base_fen BETWEEN 0 AND 9999999999),
        amount_fen INTEGER NOT NULL CHECK (amount_fen BETWEEN 0 AND base_fen),
        settled_fen INTEGER NOT NULL DEFAULT 0 CHECK (settled_fen BETWEEN 0 AND amount_fen),
        UNIQUE (room_id, item_id, kind, month)
      ) STRICT;
      CREATE INDEX receivable_charges_owed ON receivable_charges(room_id, month, kind, building_id, amount_fen, settled_fen) WHERE settled_fen < amount_fen;
      CREATE INDEX receivable_charges_period ON receivable_charges(month, kind, building_id, item_id, amount_fen, settled_fen);

      CREATE TABLE receivable_allocations (
        id INTEGER PRIMARY KEY,
        charge_id INTEGER NOT NULL REFERENCES receivable_charges(id),
        receipt_line_id INTEGER NOT NULL REFERENCES receipt_lines(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
        at TEXT NOT NULL,
        room_id INTEGER NOT NULL,
        building_id INTEGER NOT NULL,
        item_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('month', 'opening')),
        month TEXT NOT NULL
      ) STRICT;
      CREATE INDEX receivable_allocations_line ON receivable_allocations(receipt_line_id);
      CREATE INDEX receivable_allocations_charge ON receivable_allocations(charge_id);
      CREATE INDEX receivable_allocations_at ON receivable_allocations(at, kind, month, building_id, item_id, amount_fen);
      CREATE TRIGGER receivable_allocations_no_update BEFORE UPDATE ON receivable_allocations
        BEGIN SELECT RAISE(ABORT, 'allocations are posted: re-open with a reversal'); END;
      CREATE TRIGGER receivable_allocations_no_delete BEFORE DELETE ON receivable_allocations
        BEGIN SELECT RAISE(ABORT, 'allocations are posted: re-open with a reversal'); END;

      CREATE TABLE receivable_contacts (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        way TEXT NOT NULL CHECK (way IN ('phone', 'visit', 'sms', 'notice', 'lawyer')),
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        result TEXT NOT NULL,
        promised_date TEXT
      ) STRICT;
      CREATE INDEX receivable_contacts_room ON receivable_contacts(room_id, day);
      CREATE INDEX receivable_contacts_promise ON receivable_contacts(promised_date) WHERE promised_date IS NOT NULL;
    `);
  },
};
