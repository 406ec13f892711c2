import type { Migration } from './types';

/**
 * What a decoration case set in motion in other areas, linked by id: the workers' temporary passes issued under the
 * case (pass_issues), the contractor's key loans (key_loans, purpose 装修) and the deposit refund (the refund
 * receipt). A pass, a loan or a receipt belongs to at most one case. Append-only: a link is never changed.
 * A move-in case records its first fees: the receipt collected through 收费 (or none due at the handover), and when.
 */
export const m0019: Migration = {
  version: 19,
  name: 'case_links',
  up(db) {
    db.exec(`
      CREATE TABLE decoration_links (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES decoration_cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('worker_pass', 'key_loan', 'refund')),
        ref_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (kind, ref_id)
      ) STRICT;
      CREATE INDEX decoration_links_case ON decoration_links(case_id, id);
      ALTER TABLE movein_cases ADD COLUMN fees_receipt_no TEXT;
      ALTER TABLE movein_cases ADD COLUMN fees_done_at TEXT;
    `);
  },
};
