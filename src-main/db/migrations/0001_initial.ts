import type { Migration } from './types';

/** Foundation: settings, operators, approvals, the audit chain and the roster. */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(username) BETWEEN 1 AND 32),
        display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 40),
        role TEXT NOT NULL CHECK (role IN ('receptionist', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until TEXT,
        last_login_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE approvals (
        id TEXT PRIMARY KEY NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) >= 2),
        approver_id INTEGER NOT NULL REFERENCES operators(id),
        requested_by INTEGER REFERENCES operators(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        consumed_at TEXT
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator_id INTEGER,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE buildings (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 16),
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        building_id INTEGER NOT NULL REFERENCES buildings(id),
        code TEXT NOT NULL CHECK (length(code) <= 16),
        UNIQUE (building_id, code)
      ) STRICT;

      CREATE TABLE rooms (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 16),
        code TEXT NOT NULL UNIQUE,
        area_cm2 INTEGER CHECK (area_cm2 IS NULL OR area_cm2 BETWEEN 0 AND 100000000),
        created_at TEXT NOT NULL,
        UNIQUE (unit_id, number)
      ) STRICT;

      CREATE TABLE residents (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        kind TEXT NOT NULL CHECK (kind IN ('owner', 'tenant', 'family')),
        initials TEXT NOT NULL,
        pinyin TEXT NOT NULL,
        given_name TEXT NOT NULL,
        phone TEXT CHECK (phone IS NULL OR (length(phone) BETWEEN 7 AND 15 AND phone NOT GLOB '*[^0-9]*')),
        phone_last4 TEXT CHECK (phone_last4 IS NULL OR length(phone_last4) = 4),
        move_in TEXT,
        move_out TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (room_id, name)
      ) STRICT;
      CREATE INDEX residents_initials ON residents(initials);
      CREATE INDEX residents_pinyin ON residents(pinyin);
      CREATE INDEX residents_name ON residents(name);
      CREATE INDEX residents_given_name ON residents(given_name);
      CREATE INDEX residents_phone_last4 ON residents(phone_last4);
      CREATE INDEX rooms_number ON rooms(number);
    `);
  },
};
