import type { Migration } from './types';
import { m0001 } from './0001_initial';
import { m0002 } from './0002_fees';
import { m0003 } from './0003_parcels';
import { m0004 } from './0004_upstream';
import { m0005 } from './0005_keys_cards';
import { m0006 } from './0006_service';
import { m0007 } from './0007_handover';
import { m0009 } from './0009_ledger_audit';

/**
 * Version 8 belongs to a migration developed on another branch. Until that branch is merged this empty step
 * holds its place (the list must be contiguous); the merge replaces it with the real one.
 */
const m0008Reserved: Migration = { version: 8, name: 'reserved', up() {} };

/** Every migration, statically listed in order. The app's schema version is the last one's. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008Reserved, m0009];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
