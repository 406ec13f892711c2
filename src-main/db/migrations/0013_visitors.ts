import { loosenChecks } from './0008_card_stock_count';
import type { Migration } from './types';

/**
 * Visitors and passes (访客与放行).
 *  - Personal data of visitors, workers, removal applicants and refused visitors lives in one table,
 *    visitor_personal, which no money or custody table copies: the retention job blanks its columns after the
 *    property's period and nothing else changes, so no ledger digest moves. It is never deleted (the counts and
 *    pass numbers that refer to it stay).
 *  - Every pass handed out is a pass_issues row (a custody record, in the audit chain): its number from the
 *    terminal's gapless series per kind, or a pre-printed form's number. Issued content never changes; only
 *    its one closing (returned, closed, void, lost, used) is written, once. A void needs a reason.
 *  - A removal pass is verified once: pass_verifications holds at most one row per pass (unique), so a second
 *    verification cannot be recorded even by two desks at once, before or after a restart.
 *  - Pre-printed forms: each number received from finance is a pass_forms row (in stock → issued | void | lost;
 *    issued → void | lost), received in batches with who signed; shift counts like the key board's.
 *  - operators.role gains 'guard' (门岗), widened in place like 0008 (every existing row satisfies the wider rule).
 *  - print_jobs.pass_id: the pass a slip job prints (as parcel_id for parcel slips).
 */
export const m0013: Migration = {
  version: 13,
  name: 'visitors',
  up(db) {
    loosenChecks(db, 'operators', [
      [
        "role TEXT NOT NULL CHECK (role IN ('receptionist', 'supervisor', 'admin'))",
        "role TEXT NOT NULL CHECK (role IN ('guard', 'receptionist', 'supervisor', 'admin'))",
      ],
    ]);
    db.exec(`
      CREATE TABLE visitor_personal (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('visit', 'appointment', 'worker', 'removal', 'refusal')),
        name TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 40),
        phone TEXT,
        phone_last4 TEXT,
        doc_type TEXT NOT NULL CHECK (doc_type IN ('id_card', 'passport', 'hk_macao', 'taiwan', 'driver', 'other', 'none')),
        doc_last4 TEXT,
        doc_sealed TEXT,
        plate TEXT,
        -- the retention period runs from here (the end of the visit's pass, the pass's last day, the refusal's end)
        retain_from TEXT NOT NULL,
        created_at TEXT NOT NULL,
        erased_at TEXT,
        CHECK (erased_at IS NULL OR (name IS NULL AND phone IS NULL AND phone_last4 IS NULL AND doc_last4 IS NULL AND doc_sealed IS NULL AND plate IS NULL)),
        CHECK (erased_at IS NOT NULL OR name IS NOT NULL)
      ) STRICT;
      CREATE INDEX visitor_personal_returning ON visitor_personal(name, phone_last4, kind) WHERE erased_at IS NULL;
      CREATE INDEX visitor_personal_due ON visitor_personal(retain_from) WHERE erased_at IS NULL;
      CREATE TRIGGER visitor_personal_no_delete BEFORE DELETE ON visitor_personal
        BEGIN SELECT RAISE(ABORT, 'visitor records are erased, never deleted'); END;
      CREATE TRIGGER visitor_personal_erased_final BEFORE UPDATE ON visitor_personal WHEN OLD.erased_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'erased personal data stays erased'); END;
      CREATE TRIGGER visitor_personal_kind_fixed BEFORE UPDATE OF kind, retain_from, created_at ON visitor_personal
        BEGIN SELECT RAISE(ABORT, 'a personal record keeps its kind and dates'); END;

      CREATE TABLE visitor_refusals (
        id INTEGER PRIMARY KEY,
        personal_id INTEGER NOT NULL UNIQUE REFERENCES visitor_personal(id),
        room_id INTEGER REFERENCES rooms(id),
        reason TEXT NOT NULL CHECK (length(reason) >= 2),
        from_date TEXT NOT NULL,
        until_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES operators(id),
        ended_at TEXT,
        ended_by INTEGER REFERENCES operators(id),
        end_reason TEXT,
        CHECK (until_date >= from_date),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      ) STRICT;
      CREATE INDEX visitor_refusals_active ON visitor_refusals(until_date) WHERE ended_at IS NULL;
      CREATE TRIGGER visitor_refusals_no_delete BEFORE DELETE ON visitor_refusals
        BEGIN SELECT RAISE(ABORT, 'refusals are ended, never deleted'); END;
      CREATE TRIGGER visitor_refusals_ended_final BEFORE UPDATE ON visitor_refusals WHEN OLD.ended_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'an ended refusal is history'); END;

      CREATE TABLE visitor_appointments (
        id INTEGER PRIMARY KEY,
        personal_id INTEGER NOT NULL UNIQUE REFERENCES visitor_personal(id),
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        date TEXT NOT NULL,
        party_size INTEGER NOT NULL CHECK (party_size BETWEEN 1 AND 50),
        purpose TEXT NOT NULL CHECK (purpose IN ('friend', 'delivery', 'repair', 'decoration', 'agent_viewing', 'interview', 'other')),
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('planned', 'checked_in', 'checked_out', 'no_show', 'cancelled')),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES operators(id),
        visit_id INTEGER,
        closed_at TEXT,
        cancel_reason TEXT,
        request_id TEXT UNIQUE,
        CHECK (status <> 'cancelled' OR length(cancel_reason) >= 2)
      ) STRICT;
      CREATE INDEX visitor_appointments_day ON visitor_appointments(date, status);
      CREATE TRIGGER visitor_appointments_no_delete BEFORE DELETE ON visitor_appointments
        BEGIN SELECT RAISE(ABORT, 'appointments are cancelled, never deleted'); END;
      CREATE TRIGGER visitor_appointments_final BEFORE UPDATE ON visitor_appointments WHEN OLD.status IN ('checked_out', 'no_show', 'cancelled')
        BEGIN SELECT RAISE(ABORT, 'a closed appointment is history'); END;

      CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        personal_id INTEGER NOT NULL UNIQUE REFERENCES visitor_personal(id),
        party_size INTEGER NOT NULL CHECK (party_size BETWEEN 1 AND 50),
        purpose TEXT NOT NULL CHECK (purpose IN ('friend', 'delivery', 'repair', 'decoration', 'agent_viewing', 'interview', 'other')),
        purpose_note TEXT NOT NULL DEFAULT '',
        room_id INTEGER REFERENCES rooms(id),
        common_area_reason TEXT,
        zones TEXT NOT NULL DEFAULT '[]',
        consent TEXT NOT NULL CHECK (consent IN ('phone', 'owner_present', 'appointment', 'none')),
        consent_phone_masked TEXT,
        appointment_id INTEGER REFERENCES visitor_appointments(id),
        refusal_id INTEGER REFERENCES visitor_refusals(id),
        approval_id TEXT REFERENCES approvals(id),
        approver_id INTEGER REFERENCES operators(id),
        status TEXT NOT NULL CHECK (status IN ('on_site', 'checked_out', 'void')),
        checked_in_at TEXT NOT NULL,
        checked_in_by INTEGER NOT NULL REFERENCES operators(id),
        valid_until TEXT NOT NULL,
        checked_out_at TEXT,
        checked_out_by INTEGER REFERENCES operators(id),
        checkout_method TEXT CHECK (checkout_method IS NULL OR checkout_method IN ('scan', 'search', 'bulk', 'void')),
        checkout_note TEXT,
        request_id TEXT UNIQUE,
        CHECK ((room_id IS NULL) = (common_area_reason IS NOT NULL)),
        CHECK ((status = 'on_site') = (checked_out_at IS NULL)),
        CHECK ((checked_out_at IS NULL) = (checkout_method IS NULL)),
        CHECK ((refusal_id IS NULL) = (approval_id IS NULL)),
        CHECK (valid_until > checked_in_at)
      ) STRICT;
      CREATE INDEX visits_on_site ON visits(checked_in_at) WHERE status = 'on_site';
      CREATE INDEX visits_checked_in ON visits(checked_in_at);
      CREATE INDEX visits_checked_out ON visits(checked_out_at) WHERE checked_out_at IS NOT NULL;
      CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits
        BEGIN SELECT RAISE(ABORT, 'visits are never deleted'); END;
      CREATE TRIGGER visits_closed_final BEFORE UPDATE ON visits WHEN OLD.status <> 'on_site'
        BEGIN SELECT RAISE(ABORT, 'a closed visit is history'); END;
      CREATE TRIGGER visits_fixed BEFORE UPDATE OF personal_id, party_size, purpose, purpose_note, room_id, common_area_reason, zones, consent,
          consent_phone_masked, appointment_id, refusal_id, approval_id, approver_id, checked_in_at, checked_in_by, valid_until, request_id ON visits
        BEGIN SELECT RAISE(ABORT, 'a registered visit never changes: void its pass and register again'); END;

      -- pre-printed forms received from finance, in ranges
      CREATE TABLE pass_form_batches (
        id INTEGER PRIMARY KEY,
        prefix TEXT NOT NULL,
        first_no INTEGER NOT NULL,
        last_no INTEGER NOT NULL,
        digits INTEGER NOT NULL CHECK (digits BETWEEN 3 AND 10),
        count INTEGER NOT NULL CHECK (count BETWEEN 1 AND 1000),
        received_on TEXT NOT NULL,
        signed_by TEXT NOT NULL CHECK (length(signed_by) BETWEEN 1 AND 40),
        handed_over_by TEXT NOT NULL CHECK (length(handed_over_by) BETWEEN 1 AND 40),
        received_by INTEGER NOT NULL REFERENCES operators(id),
        created_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        CHECK (count = last_no - first_no + 1)
      ) STRICT;
      CREATE TRIGGER pass_form_batches_no_update BEFORE UPDATE ON pass_form_batches
        BEGIN SELECT RAISE(ABORT, 'a received range is never changed'); END;
      CREATE TRIGGER pass_form_batches_no_delete BEFORE DELETE ON pass_form_batches
        BEGIN SELECT RAISE(ABORT, 'a received range is never deleted'); END;

      CREATE TABLE pass_forms (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES pass_form_batches(id),
        form_no TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('in_stock', 'issued', 'void', 'lost')),
        changed_at TEXT NOT NULL,
        changed_by INTEGER NOT NULL REFERENCES operators(id),
        reason TEXT,
        CHECK (state NOT IN ('void', 'lost') OR length(reason) >= 2)
      ) STRICT;
      CREATE INDEX pass_forms_state ON pass_forms(state, form_no);
      CREATE TRIGGER pass_forms_moves BEFORE UPDATE ON pass_forms
        WHEN OLD.form_no <> NEW.form_no OR OLD.batch_id <> NEW.batch_id
          OR NOT ((OLD.state = 'in_stock' AND NEW.state IN ('issued', 'void', 'lost')) OR (OLD.state = 'issued' AND NEW.state IN ('void', 'lost')))
        BEGIN SELECT RAISE(ABORT, 'a form goes from stock to issued, void or lost, and from issued to void or lost, once'); END;
      CREATE TRIGGER pass_forms_no_delete BEFORE DELETE ON pass_forms
        BEGIN SELECT RAISE(ABORT, 'forms are never deleted'); END;

      CREATE TABLE pass_form_counts (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        expected_in_stock INTEGER NOT NULL CHECK (expected_in_stock >= 0),
        counted INTEGER NOT NULL CHECK (counted >= 0),
        out_count INTEGER NOT NULL CHECK (out_count >= 0),
        explanation TEXT NOT NULL DEFAULT '',
        CHECK (counted = expected_in_stock OR length(explanation) >= 2)
      ) STRICT;
      CREATE TRIGGER pass_form_counts_no_update BEFORE UPDATE ON pass_form_counts
        BEGIN SELECT RAISE(ABORT, 'form counts are immutable'); END;
      CREATE TRIGGER pass_form_counts_no_delete BEFORE DELETE ON pass_form_counts
        BEGIN SELECT RAISE(ABORT, 'form counts are immutable'); END;

      CREATE TABLE removal_passes (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('owner', 'tenant')),
        personal_id INTEGER NOT NULL UNIQUE REFERENCES visitor_personal(id),
        moving_company TEXT NOT NULL DEFAULT '',
        pass_date TEXT NOT NULL,
        window_from TEXT NOT NULL,
        window_to TEXT NOT NULL,
        consent TEXT NOT NULL CHECK (consent IN ('owner', 'owner_present', 'phone', 'written', 'approval')),
        consent_phone_masked TEXT,
        consent_note TEXT NOT NULL DEFAULT '',
        approval_id TEXT REFERENCES approvals(id),
        approver_id INTEGER REFERENCES operators(id),
        open_issues TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES operators(id),
        request_id TEXT UNIQUE,
        CHECK (window_to > window_from),
        CHECK ((applicant_kind = 'owner') = (consent = 'owner')),
        CHECK ((consent = 'approval') = (approval_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX removal_passes_date ON removal_passes(pass_date);
      CREATE TRIGGER removal_passes_no_update BEFORE UPDATE ON removal_passes
        BEGIN SELECT RAISE(ABORT, 'a removal pass never changes: void it and issue a new one'); END;
      CREATE TRIGGER removal_passes_no_delete BEFORE DELETE ON removal_passes
        BEGIN SELECT RAISE(ABORT, 'removal passes are never deleted'); END;

      CREATE TABLE removal_pass_items (
        id INTEGER PRIMARY KEY,
        removal_id INTEGER NOT NULL REFERENCES removal_passes(id),
        line_no INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
        UNIQUE (removal_id, line_no)
      ) STRICT;
      CREATE TRIGGER removal_pass_items_no_update BEFORE UPDATE ON removal_pass_items
        BEGIN SELECT RAISE(ABORT, 'removal pass items never change'); END;
      CREATE TRIGGER removal_pass_items_no_delete BEFORE DELETE ON removal_pass_items
        BEGIN SELECT RAISE(ABORT, 'removal pass items are never deleted'); END;

      CREATE TABLE pass_issues (
        id INTEGER PRIMARY KEY,
        pass_no TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('visitor', 'worker', 'removal')),
        terminal_id TEXT NOT NULL,
        seq INTEGER,
        form_id INTEGER UNIQUE REFERENCES pass_forms(id),
        visit_id INTEGER UNIQUE REFERENCES visits(id),
        removal_id INTEGER UNIQUE REFERENCES removal_passes(id),
        -- the holder (visitor, worker) or the applicant (removal)
        personal_id INTEGER NOT NULL REFERENCES visitor_personal(id),
        company TEXT,
        room_id INTEGER REFERENCES rooms(id),
        common_area_reason TEXT,
        zones TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        valid_from TEXT NOT NULL,
        valid_until TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by INTEGER NOT NULL REFERENCES operators(id),
        status TEXT NOT NULL CHECK (status IN ('valid', 'returned', 'closed', 'void', 'lost', 'used')),
        closed_at TEXT,
        closed_by INTEGER REFERENCES operators(id),
        close_reason TEXT,
        request_id TEXT UNIQUE,
        UNIQUE (kind, terminal_id, seq),
        CHECK ((seq IS NULL) <> (form_id IS NULL)),
        CHECK (form_id IS NULL OR kind = 'worker'),
        CHECK ((kind = 'visitor') = (visit_id IS NOT NULL)),
        CHECK ((kind = 'removal') = (removal_id IS NOT NULL)),
        CHECK ((kind = 'worker') = (company IS NOT NULL)),
        CHECK (valid_until > valid_from),
        CHECK ((status = 'valid') = (closed_at IS NULL)),
        CHECK (status <> 'void' OR length(close_reason) >= 2),
        CHECK (status <> 'used' OR kind = 'removal'),
        CHECK (status NOT IN ('returned', 'lost', 'closed') OR kind <> 'removal')
      ) STRICT;
      CREATE INDEX pass_issues_issued ON pass_issues(issued_at);
      CREATE INDEX pass_issues_closed ON pass_issues(closed_at) WHERE closed_at IS NOT NULL;
      CREATE INDEX pass_issues_until ON pass_issues(valid_until);
      CREATE INDEX pass_issues_open ON pass_issues(kind, valid_until) WHERE status = 'valid';
      CREATE TRIGGER pass_issues_fixed BEFORE UPDATE OF pass_no, kind, terminal_id, seq, form_id, visit_id, removal_id, personal_id, company, room_id,
          common_area_reason, zones, note, valid_from, valid_until, issued_at, issued_by, request_id ON pass_issues
        BEGIN SELECT RAISE(ABORT, 'an issued pass never changes: void it and issue a new one'); END;
      CREATE TRIGGER pass_issues_closed_final BEFORE UPDATE ON pass_issues WHEN OLD.status <> 'valid'
        BEGIN SELECT RAISE(ABORT, 'a closed pass is history'); END;
      CREATE TRIGGER pass_issues_no_delete BEFORE DELETE ON pass_issues
        BEGIN SELECT RAISE(ABORT, 'passes are never deleted'); END;

      CREATE TABLE pass_verifications (
        id INTEGER PRIMARY KEY,
        pass_id INTEGER NOT NULL UNIQUE REFERENCES pass_issues(id),
        at TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        via TEXT NOT NULL CHECK (via IN ('gate', 'counter'))
      ) STRICT;
      CREATE INDEX pass_verifications_at ON pass_verifications(at);
      CREATE TRIGGER pass_verifications_no_update BEFORE UPDATE ON pass_verifications
        BEGIN SELECT RAISE(ABORT, 'a verification is final'); END;
      CREATE TRIGGER pass_verifications_no_delete BEFORE DELETE ON pass_verifications
        BEGIN SELECT RAISE(ABORT, 'a verification is final'); END;

      ALTER TABLE print_jobs ADD COLUMN pass_id INTEGER REFERENCES pass_issues(id);
      CREATE INDEX print_jobs_pass ON print_jobs(pass_id) WHERE pass_id IS NOT NULL;
    `);
  },
};
