import type { Migration } from './types';

/**
 * One row per confirmed roster import. A large import is written in many short transactions (the counter keeps
 * working meanwhile), so the store must say how far one got: `state` is 'running' from the confirm until the last
 * chunk, whose transaction sets 'done'; `done_rows` counts the file's rows written so far, in file order, and is
 * updated in each chunk's own transaction. A row still 'running' that no live import owns was cut off (the app
 * was killed or the power went): it is marked 'interrupted' and the import screen says so. No names or phones.
 */
export const m0012: Migration = {
  version: 12,
  name: 'roster_imports',
  up(db) {
    db.exec(`
      CREATE TABLE roster_imports (
        id INTEGER PRIMARY KEY,
        job_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        operator_id INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed', 'interrupted')),
        total_rows INTEGER NOT NULL CHECK (total_rows >= 0),
        done_rows INTEGER NOT NULL DEFAULT 0 CHECK (done_rows BETWEEN 0 AND total_rows),
        started_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX roster_imports_state ON roster_imports(state);
    `);
  },
};
