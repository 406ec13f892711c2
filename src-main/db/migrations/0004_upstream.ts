import type { Migration } from './types';

/**
 * The upstream outbox: one row per business day and kind, with the body frozen when the day is built, so a
 * retry after a lost answer sends the very same bytes under the same Idempotency-Key (exactly once in
 * effect at head office). Rows are never deleted; the body of a delivered row cannot change.
 */
export const m0004: Migration = {
  version: 4,
  name: 'upstream',
  up(db) {
    db.exec(`
      CREATE TABLE upstream_outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('daily-summary')),
        business_date TEXT NOT NULL CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        idempotency_key TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'stopped')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT NOT NULL,
        last_http_status INTEGER,
        last_error TEXT,
        duplicate INTEGER NOT NULL DEFAULT 0 CHECK (duplicate IN (0, 1)),
        clock_skew_ms INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        delivered_at TEXT,
        UNIQUE (kind, business_date)
      ) STRICT;
      CREATE INDEX upstream_outbox_due ON upstream_outbox(status, next_attempt_at);
      CREATE TRIGGER upstream_outbox_frozen_body BEFORE UPDATE OF body, business_date, idempotency_key ON upstream_outbox
        BEGIN SELECT RAISE(ABORT, 'an outbox body is frozen once built'); END;
      CREATE TRIGGER upstream_outbox_no_delete BEFORE DELETE ON upstream_outbox
        BEGIN SELECT RAISE(ABORT, 'outbox rows are kept'); END;
      -- the summary's "in stock / overdue at the end of the day": parcels that left after a time, by when they came,
      -- answered from the index alone
      CREATE INDEX parcels_closed_intake ON parcels(closed_at, intake_at) WHERE closed_at IS NOT NULL;
    `);
  },
};
