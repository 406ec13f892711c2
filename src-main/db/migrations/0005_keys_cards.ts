import type { Migration } from './types';

/**
 * Keys (register, loans, shift counts) and access/function cards (stock, cards, events).
 *  - A key's tag (K-0001) is what is written on the key: it never names the unit.
 *  - A key has at most one open loan (partial unique index); loans are kept, never deleted.
 *  - A card stores the number as read (raw + format) and the match key (low 24 bits, 6 hex digits) that every
 *    reader format shares; lookups go by the key. The key is not unique (two cards may share their low 24 bits
 *    and differ above them): the service refuses a number another active, lost or blacklisted card holds
 *    (sameCard), inside the issuing transaction. Lost and blacklisted cards keep the number refused for good.
 *  - card_events and card_stock_moves are append-only (the nightly summary counts them).
 */
export const m0005: Migration = {
  version: 5,
  name: 'keys_cards',
  up(db) {
    db.exec(`
      CREATE TABLE keys (
        id INTEGER PRIMARY KEY,
        tag TEXT NOT NULL UNIQUE CHECK (length(tag) BETWEEN 1 AND 16),
        kind TEXT NOT NULL CHECK (kind IN ('public', 'vacant', 'trust')),
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
        room_id INTEGER REFERENCES rooms(id),
        hook TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('on_board', 'out', 'lost', 'retired')),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (kind = 'public' OR room_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX keys_status ON keys(status);
      CREATE INDEX keys_room ON keys(room_id);
      CREATE TRIGGER keys_no_delete BEFORE DELETE ON keys
        BEGIN SELECT RAISE(ABORT, 'keys are never deleted: retire them'); END;

      CREATE TABLE key_loans (
        id INTEGER PRIMARY KEY,
        key_id INTEGER NOT NULL REFERENCES keys(id),
        borrower_type TEXT NOT NULL CHECK (borrower_type IN ('owner', 'contractor', 'staff', 'agent')),
        borrower_name TEXT NOT NULL CHECK (length(borrower_name) BETWEEN 1 AND 40),
        borrower_phone TEXT,
        company TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL CHECK (purpose IN ('renovation', 'viewing', 'repair', 'meter', 'cleaning', 'other')),
        purpose_note TEXT NOT NULL DEFAULT '',
        id_checked TEXT NOT NULL CHECK (length(id_checked) >= 2),
        lent_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        lent_by INTEGER NOT NULL REFERENCES operators(id),
        approval_id TEXT REFERENCES approvals(id),
        approver_id INTEGER REFERENCES operators(id),
        returned_at TEXT,
        returned_by INTEGER REFERENCES operators(id),
        return_condition TEXT CHECK (return_condition IS NULL OR return_condition IN ('ok', 'damaged', 'lost')),
        return_note TEXT,
        CHECK (due_at > lent_at),
        CHECK ((returned_at IS NULL) = (return_condition IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX key_loans_one_open ON key_loans(key_id) WHERE returned_at IS NULL;
      CREATE INDEX key_loans_open_due ON key_loans(due_at) WHERE returned_at IS NULL;
      CREATE INDEX key_loans_key ON key_loans(key_id, lent_at);
      -- a returned loan is history
      CREATE TRIGGER key_loans_frozen BEFORE UPDATE ON key_loans WHEN OLD.returned_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a returned key loan is immutable'); END;
      CREATE TRIGGER key_loans_no_delete BEFORE DELETE ON key_loans
        BEGIN SELECT RAISE(ABORT, 'key loans are never deleted'); END;

      -- the key count at a shift change: what the board should hold, what was counted, why they differ
      CREATE TABLE key_counts (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        expected_on_board INTEGER NOT NULL CHECK (expected_on_board >= 0),
        counted INTEGER NOT NULL CHECK (counted >= 0),
        out_count INTEGER NOT NULL CHECK (out_count >= 0),
        explanation TEXT NOT NULL DEFAULT '',
        CHECK (counted = expected_on_board OR length(explanation) >= 2)
      ) STRICT;
      CREATE TRIGGER key_counts_no_update BEFORE UPDATE ON key_counts
        BEGIN SELECT RAISE(ABORT, 'key counts are immutable'); END;

      CREATE TABLE cards (
        id INTEGER PRIMARY KEY,
        raw TEXT NOT NULL CHECK (length(raw) BETWEEN 1 AND 32),
        format TEXT NOT NULL,
        match_key TEXT NOT NULL CHECK (length(match_key) = 6),
        value32 INTEGER,
        prefix8 INTEGER,
        type TEXT NOT NULL CHECK (type IN ('access', 'function')),
        function_name TEXT NOT NULL DEFAULT '',
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        resident_id INTEGER REFERENCES residents(id),
        holder_name TEXT NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 40),
        valid_from TEXT,
        valid_until TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'lost', 'blacklisted', 'returned')),
        deposit_fen INTEGER NOT NULL DEFAULT 0 CHECK (deposit_fen BETWEEN 0 AND 9999999999),
        fee_owed_fen INTEGER NOT NULL DEFAULT 0 CHECK (fee_owed_fen BETWEEN 0 AND 9999999999),
        fee_receipt_no TEXT,
        replaces_id INTEGER REFERENCES cards(id),
        replaced_by_id INTEGER REFERENCES cards(id),
        issued_at TEXT NOT NULL,
        issued_by INTEGER NOT NULL REFERENCES operators(id),
        closed_at TEXT,
        close_note TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX cards_key ON cards(match_key, status);
      CREATE INDEX cards_room ON cards(room_id, status);
      CREATE TRIGGER cards_no_delete BEFORE DELETE ON cards
        BEGIN SELECT RAISE(ABORT, 'cards are never deleted'); END;
      CREATE TRIGGER cards_number_frozen BEFORE UPDATE OF raw, format, match_key, value32, prefix8, room_id, issued_at ON cards
        BEGIN SELECT RAISE(ABORT, 'a card number and its room never change: replace the card'); END;
      CREATE TRIGGER cards_closed_final BEFORE UPDATE OF status ON cards
        WHEN OLD.status = 'returned' OR (OLD.status IN ('lost', 'blacklisted') AND NEW.status NOT IN ('lost', 'blacklisted'))
        BEGIN SELECT RAISE(ABORT, 'a returned, lost or blacklisted card stays so'); END;

      CREATE TABLE card_events (
        id INTEGER PRIMARY KEY,
        card_id INTEGER NOT NULL REFERENCES cards(id),
        kind TEXT NOT NULL CHECK (kind IN ('issue', 'replace', 'lost', 'return', 'blacklist')),
        at TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        card_type TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX card_events_at ON card_events(at);
      CREATE INDEX card_events_card ON card_events(card_id);
      CREATE TRIGGER card_events_no_update BEFORE UPDATE ON card_events
        BEGIN SELECT RAISE(ABORT, 'card events are append-only'); END;
      CREATE TRIGGER card_events_no_delete BEFORE DELETE ON card_events
        BEGIN SELECT RAISE(ABORT, 'card events are append-only'); END;

      -- blank cards: in (bought, returned in good order), out (issued, damaged, given back to the supplier)
      CREATE TABLE card_stock_moves (
        id INTEGER PRIMARY KEY,
        card_type TEXT NOT NULL CHECK (card_type IN ('access', 'function')),
        kind TEXT NOT NULL CHECK (kind IN ('in', 'out', 'issue', 'return')),
        quantity INTEGER NOT NULL CHECK (quantity <> 0 AND quantity BETWEEN -10000 AND 10000),
        reason TEXT NOT NULL DEFAULT '',
        card_id INTEGER REFERENCES cards(id),
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        at TEXT NOT NULL,
        CHECK ((kind IN ('in', 'return') AND quantity > 0) OR (kind IN ('out', 'issue') AND quantity < 0))
      ) STRICT;
      CREATE INDEX card_stock_moves_at ON card_stock_moves(at);
      CREATE TRIGGER card_stock_moves_no_update BEFORE UPDATE ON card_stock_moves
        BEGIN SELECT RAISE(ABORT, 'stock moves are append-only'); END;
      CREATE TRIGGER card_stock_moves_no_delete BEFORE DELETE ON card_stock_moves
        BEGIN SELECT RAISE(ABORT, 'stock moves are append-only'); END;
    `);
  },
};
