import type { Migration } from './types';

/**
 * Fees, receipts, cash sessions and the print queue.
 * Posted documents (receipts, their lines and payments, cash movements) are immutable: triggers refuse
 * UPDATE and DELETE; corrections are new reversing documents linked to the original.
 */
export const m0002: Migration = {
  version: 2,
  name: 'fees',
  up(db) {
    db.exec(`
      CREATE TABLE fee_items (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 16),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
        category TEXT NOT NULL CHECK (category IN ('property', 'utility', 'parking', 'card', 'service', 'deposit', 'other')),
        rule TEXT NOT NULL CHECK (rule IN ('fixed', 'per_area_month', 'per_month', 'metered', 'amount')),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen BETWEEN 0 AND 9999999999),
        unit_label TEXT NOT NULL DEFAULT '',
        refundable INTEGER NOT NULL DEFAULT 0 CHECK (refundable IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- gapless numbers: a row per (terminal, series), incremented inside the posting transaction
      CREATE TABLE counters (
        name TEXT PRIMARY KEY NOT NULL,
        value INTEGER NOT NULL CHECK (value >= 0)
      ) STRICT;

      CREATE TABLE cash_sessions (
        id INTEGER PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        opened_at TEXT NOT NULL,
        float_fen INTEGER NOT NULL CHECK (float_fen BETWEEN 0 AND 9999999999),
        float_detail TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'handed_over')),
        closed_at TEXT,
        expected_fen INTEGER,
        counted_fen INTEGER CHECK (counted_fen IS NULL OR counted_fen >= 0),
        count_detail TEXT,
        variance_fen INTEGER,
        variance_approval_id TEXT REFERENCES approvals(id),
        close_head_seq INTEGER,
        close_head_hash TEXT,
        handed_over_at TEXT,
        handed_over_to TEXT,
        handover_note TEXT
      ) STRICT;
      CREATE UNIQUE INDEX cash_sessions_one_open ON cash_sessions(terminal_id) WHERE status = 'open';
      -- a session moves open → closed → handed_over; what was counted can never be changed afterwards
      CREATE TRIGGER cash_sessions_guard BEFORE UPDATE ON cash_sessions
        WHEN OLD.status = 'handed_over'
          OR NEW.float_fen IS NOT OLD.float_fen OR NEW.opened_at IS NOT OLD.opened_at OR NEW.operator_id IS NOT OLD.operator_id
          OR (OLD.status = 'closed' AND (NEW.status = 'open' OR NEW.counted_fen IS NOT OLD.counted_fen OR NEW.expected_fen IS NOT OLD.expected_fen))
        BEGIN SELECT RAISE(ABORT, 'cash session is closed: counts are immutable'); END;
      CREATE TRIGGER cash_sessions_no_delete BEFORE DELETE ON cash_sessions
        BEGIN SELECT RAISE(ABORT, 'cash sessions are never deleted'); END;

      CREATE TABLE receipts (
        id INTEGER PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        terminal_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'void', 'refund')),
        session_id INTEGER NOT NULL REFERENCES cash_sessions(id),
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        room_id INTEGER REFERENCES rooms(id),
        room_code TEXT,
        payer TEXT,
        issued_at TEXT NOT NULL,
        total_fen INTEGER NOT NULL CHECK (total_fen BETWEEN -9999999999 AND 9999999999),
        original_id INTEGER REFERENCES receipts(id),
        reason TEXT,
        approval_id TEXT REFERENCES approvals(id),
        request_id TEXT NOT NULL UNIQUE,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (terminal_id, seq),
        CHECK ((kind = 'receipt' AND original_id IS NULL AND total_fen > 0)
            OR (kind IN ('void', 'refund') AND original_id IS NOT NULL AND total_fen < 0 AND approval_id IS NOT NULL AND reason IS NOT NULL))
      ) STRICT;
      -- a receipt is voided at most once
      CREATE UNIQUE INDEX receipts_one_void ON receipts(original_id) WHERE kind = 'void';
      CREATE INDEX receipts_original ON receipts(original_id) WHERE original_id IS NOT NULL;
      CREATE INDEX receipts_issued ON receipts(issued_at);
      CREATE INDEX receipts_session ON receipts(session_id);
      CREATE INDEX receipts_room ON receipts(room_id);
      CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
        BEGIN SELECT RAISE(ABORT, 'posted receipts are immutable: post a reversal'); END;
      CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
        BEGIN SELECT RAISE(ABORT, 'posted receipts are immutable: post a reversal'); END;

      CREATE TABLE receipt_lines (
        id INTEGER PRIMARY KEY,
        receipt_id INTEGER NOT NULL REFERENCES receipts(id),
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        fee_item_id INTEGER REFERENCES fee_items(id),
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        quantity TEXT NOT NULL DEFAULT '',
        amount_fen INTEGER NOT NULL CHECK (amount_fen BETWEEN -9999999999 AND 9999999999 AND amount_fen <> 0),
        refundable INTEGER NOT NULL DEFAULT 0,
        original_line_id INTEGER REFERENCES receipt_lines(id),
        UNIQUE (receipt_id, line_no)
      ) STRICT;
      -- a deposit line is refunded at most once
      CREATE UNIQUE INDEX receipt_lines_one_reversal ON receipt_lines(original_line_id) WHERE original_line_id IS NOT NULL;
      CREATE TRIGGER receipt_lines_no_update BEFORE UPDATE ON receipt_lines
        BEGIN SELECT RAISE(ABORT, 'posted receipts are immutable: post a reversal'); END;
      CREATE TRIGGER receipt_lines_no_delete BEFORE DELETE ON receipt_lines
        BEGIN SELECT RAISE(ABORT, 'posted receipts are immutable: post a reversal'); END;

      CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        receipt_id INTEGER NOT NULL REFERENCES receipts(id),
        method TEXT NOT NULL CHECK (method IN ('cash', 'wechat', 'alipay', 'card')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen BETWEEN -9999999999 AND 9999999999 AND amount_fen <> 0),
        received_fen INTEGER CHECK (received_fen IS NULL OR received_fen >= 0),
        change_fen INTEGER CHECK (change_fen IS NULL OR change_fen >= 0),
        reference TEXT
      ) STRICT;
      CREATE INDEX payments_receipt ON payments(receipt_id);
      CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
        BEGIN SELECT RAISE(ABORT, 'posted receipts are immutable: post a reversal'); END;
      CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
        BEGIN SELECT RAISE(ABORT, 'posted receipts are immutable: post a reversal'); END;

      CREATE TABLE cash_movements (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES cash_sessions(id),
        kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen BETWEEN 1 AND 9999999999),
        reason TEXT NOT NULL CHECK (length(reason) >= 2),
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cash_movements_session ON cash_movements(session_id);
      CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements
        BEGIN SELECT RAISE(ABORT, 'cash movements are immutable'); END;
      CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements
        BEGIN SELECT RAISE(ABORT, 'cash movements are immutable'); END;

      -- work to do after a commit (print a receipt, a slip, open the drawer), written in the same transaction
      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'reprint', 'slip', 'test')),
        receipt_id INTEGER REFERENCES receipts(id),
        session_id INTEGER REFERENCES cash_sessions(id),
        copy_no INTEGER NOT NULL DEFAULT 0 CHECK (copy_no >= 0),
        kick_drawer INTEGER NOT NULL DEFAULT 0 CHECK (kick_drawer IN (0, 1)),
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'printing', 'done', 'failed', 'interrupted', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        printed_at TEXT
      ) STRICT;
      CREATE INDEX print_jobs_status ON print_jobs(status, next_attempt_at);
      CREATE INDEX print_jobs_receipt ON print_jobs(receipt_id);
    `);
  },
};
