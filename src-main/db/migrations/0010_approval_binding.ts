import type { Migration } from './types';

/**
 * Supervisor approvals hold the two-person rule in the schema as well as in the service:
 *  - an approval is asked for by a signed-in operator (requested_by), except an account unlock asked for at
 *    the login screen, and is never granted by that same operator;
 *  - it is used once, by the operator who asked for it (consumed_by = requested_by, both NULL only for an
 *    unlock at the login screen); nothing else about it ever changes, and approvals are never deleted.
 */
export const m0010: Migration = {
  version: 10,
  name: 'approval_binding',
  up(db) {
    db.exec(`
      ALTER TABLE approvals ADD COLUMN consumed_by INTEGER REFERENCES operators(id);
      CREATE TRIGGER approvals_two_person BEFORE INSERT ON approvals
        WHEN NEW.requested_by IS NEW.approver_id
          OR (NEW.requested_by IS NULL AND NEW.action <> 'operator.unlock')
          OR NEW.consumed_at IS NOT NULL OR NEW.consumed_by IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'an approval is asked for by one operator and granted by another'); END;
      CREATE TRIGGER approvals_single_use BEFORE UPDATE ON approvals
        WHEN OLD.consumed_at IS NOT NULL OR NEW.consumed_at IS NULL
          OR NEW.consumed_by IS NOT OLD.requested_by
          OR NEW.id IS NOT OLD.id OR NEW.action IS NOT OLD.action OR NEW.subject IS NOT OLD.subject
          OR NEW.reason IS NOT OLD.reason OR NEW.approver_id IS NOT OLD.approver_id
          OR NEW.requested_by IS NOT OLD.requested_by OR NEW.created_at IS NOT OLD.created_at
          OR NEW.expires_at IS NOT OLD.expires_at
        BEGIN SELECT RAISE(ABORT, 'an approval is used once, by the operator who asked for it'); END;
      CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
        BEGIN SELECT RAISE(ABORT, 'approvals are kept'); END;
    `);
  },
};
