import type { Migration } from './types';

/**
 * The service log (报修/投诉/建议/咨询): one row per request with the time of each step, and an append-only
 * event list (who did what, when). Requests are never deleted; their history cannot be edited.
 */
export const m0006: Migration = {
  version: 6,
  name: 'service',
  up(db) {
    db.exec(`
      CREATE TABLE service_requests (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('repair', 'complaint', 'suggestion', 'enquiry')),
        source TEXT NOT NULL CHECK (source IN ('call', 'visit')),
        room_id INTEGER REFERENCES rooms(id),
        room_code TEXT,
        caller TEXT NOT NULL DEFAULT '' CHECK (length(caller) <= 40),
        phone_last4 TEXT CHECK (phone_last4 IS NULL OR (length(phone_last4) = 4 AND phone_last4 NOT GLOB '*[^0-9]*')),
        category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 20),
        description TEXT NOT NULL CHECK (length(description) BETWEEN 2 AND 500),
        urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent')),
        department TEXT CHECK (department IS NULL OR length(department) BETWEEN 1 AND 20),
        status TEXT NOT NULL CHECK (status IN ('logged', 'dispatched', 'in_progress', 'done', 'called_back')),
        target_minutes INTEGER NOT NULL CHECK (target_minutes BETWEEN 1 AND 10080),
        request_id TEXT UNIQUE,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES operators(id),
        dispatched_at TEXT,
        dispatched_by INTEGER REFERENCES operators(id),
        started_at TEXT,
        done_at TEXT,
        done_note TEXT,
        called_back_at TEXT,
        satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
        callback_note TEXT,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'logged') = (dispatched_at IS NULL AND done_at IS NULL)),
        CHECK (status <> 'called_back' OR (called_back_at IS NOT NULL AND satisfaction IS NOT NULL))
      ) STRICT;
      CREATE INDEX service_requests_status ON service_requests(status, created_at);
      CREATE INDEX service_requests_created ON service_requests(created_at);
      CREATE INDEX service_requests_room ON service_requests(room_id, created_at) WHERE room_id IS NOT NULL;

      CREATE TABLE service_events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES service_requests(id),
        at TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        action TEXT NOT NULL CHECK (action IN ('log', 'dispatch', 'start', 'done', 'callback')),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX service_events_request ON service_events(request_id, id);
      CREATE TRIGGER service_events_no_update BEFORE UPDATE ON service_events
        BEGIN SELECT RAISE(ABORT, 'service events are append-only'); END;
      CREATE TRIGGER service_events_no_delete BEFORE DELETE ON service_events
        BEGIN SELECT RAISE(ABORT, 'service events are append-only'); END;
      CREATE TRIGGER service_requests_no_delete BEFORE DELETE ON service_requests
        BEGIN SELECT RAISE(ABORT, 'service requests are kept'); END;
    `);
  },
};
