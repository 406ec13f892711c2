import { MIGRATIONS } from './migrations';
import { openDatabase, type Db } from './open';

/** A protective trigger that is not as the migrations made it. */
export interface TriggerFinding {
  kind: 'trigger-missing' | 'trigger-changed' | 'trigger-extra';
  name: string;
  table: string;
}

export interface ExpectedTrigger {
  name: string;
  table: string;
  sql: string;
}

let cached: { version: number; triggers: ExpectedTrigger[] } | null = null;

/**
 * The protective triggers the migrations create, read from a scratch in-memory store the migrations have just
 * built (so the list cannot drift from them). Computed once per process.
 */
export function expectedTriggers(nativeBinding?: string): ExpectedTrigger[] {
  if (cached && cached.version === MIGRATIONS.length) return cached.triggers;
  const scratch = openDatabase(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    for (const m of MIGRATIONS) scratch.transaction(() => m.up(scratch)).immediate();
    const triggers = triggersOf(scratch);
    cached = { version: MIGRATIONS.length, triggers };
    return triggers;
  } finally {
    scratch.close();
  }
}

function triggersOf(db: Db): ExpectedTrigger[] {
  return db.prepare('SELECT name, tbl_name AS "table", sql FROM main.sqlite_master WHERE type = \'trigger\' ORDER BY name').all() as ExpectedTrigger[];
}

const normal = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

/** Compares the store's triggers with the expected ones: missing, altered (another body) and foreign ones. */
export function checkTriggers(db: Db, expected: ExpectedTrigger[]): TriggerFinding[] {
  const actual = new Map(triggersOf(db).map((t) => [t.name, t]));
  const out: TriggerFinding[] = [];
  for (const e of expected) {
    const a = actual.get(e.name);
    if (!a) out.push({ kind: 'trigger-missing', name: e.name, table: e.table });
    else if (normal(a.sql) !== normal(e.sql)) out.push({ kind: 'trigger-changed', name: e.name, table: e.table });
    actual.delete(e.name);
  }
  // a trigger nobody shipped could rewrite an amount on its way in, before the row is stamped
  for (const a of actual.values()) out.push({ kind: 'trigger-extra', name: a.name, table: a.table });
  return out;
}

/** Puts the triggers back as the migrations made them (drops foreign ones). Call inside a transaction. */
export function restoreTriggers(db: Db, expected: ExpectedTrigger[]): TriggerFinding[] {
  const findings = checkTriggers(db, expected);
  const byName = new Map(expected.map((e) => [e.name, e]));
  for (const f of findings) {
    if (f.kind !== 'trigger-missing') db.exec(`DROP TRIGGER IF EXISTS main."${f.name.replace(/"/g, '""')}"`);
    const e = byName.get(f.name);
    if (e && f.kind !== 'trigger-extra') db.exec(e.sql);
  }
  return findings;
}
