import type { Migration } from './types';

/**
 * Shift handover (交接班): the outgoing operator's handover with its generated summary frozen as it was, free
 * notes and carry-over items; the incoming operator's acknowledgement, item by item. Handovers are never
 * deleted and a handover's own content never changes after it is made (only the responses are filled in).
 */
export const m0007: Migration = {
  version: 7,
  name: 'handover',
  up(db) {
    db.exec(`
      CREATE TABLE handovers (
        id INTEGER PRIMARY KEY,
        from_operator_id INTEGER NOT NULL REFERENCES operators(id),
        created_at TEXT NOT NULL,
        summary TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        request_id TEXT UNIQUE,
        acknowledged_at TEXT,
        acknowledged_by INTEGER REFERENCES operators(id),
        CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
      ) STRICT;
      CREATE INDEX handovers_created ON handovers(created_at);
      CREATE INDEX handovers_open ON handovers(created_at) WHERE acknowledged_at IS NULL;
      CREATE TRIGGER handovers_frozen BEFORE UPDATE OF from_operator_id, created_at, summary, notes ON handovers
        BEGIN SELECT RAISE(ABORT, 'a handover is frozen once made'); END;
      CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
        BEGIN SELECT RAISE(ABORT, 'handovers are kept'); END;

      CREATE TABLE handover_items (
        id INTEGER PRIMARY KEY,
        handover_id INTEGER NOT NULL REFERENCES handovers(id),
        kind TEXT NOT NULL CHECK (kind IN ('carry', 'note')),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 2 AND 300),
        room_id INTEGER REFERENCES rooms(id),
        room_code TEXT,
        owner_operator_id INTEGER REFERENCES operators(id),
        due_at TEXT,
        priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
        status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'queried', 'done')),
        done_at TEXT,
        response TEXT,
        responded_at TEXT,
        responded_by INTEGER REFERENCES operators(id),
        CHECK (kind = 'carry' OR (owner_operator_id IS NULL AND due_at IS NULL))
      ) STRICT;
      CREATE INDEX handover_items_handover ON handover_items(handover_id, id);
      CREATE INDEX handover_items_owner ON handover_items(owner_operator_id, status);
      CREATE INDEX handover_items_room ON handover_items(room_id) WHERE room_id IS NOT NULL;
      CREATE TRIGGER handover_items_frozen BEFORE UPDATE OF handover_id, kind, text, room_id, due_at, priority ON handover_items
        BEGIN SELECT RAISE(ABORT, 'a handover item is frozen once made'); END;
      CREATE TRIGGER handover_items_no_delete BEFORE DELETE ON handover_items
        BEGIN SELECT RAISE(ABORT, 'handover items are kept'); END;

      -- for the nightly summary and the handover summary: key loans by when they went out and came back
      CREATE INDEX key_loans_lent ON key_loans(lent_at);
      CREATE INDEX key_loans_returned ON key_loans(returned_at) WHERE returned_at IS NOT NULL;
    `);
  },
};
