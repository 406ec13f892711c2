import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import { LEDGER_TABLES, rowDigest, type LedgerTable } from './ledger';

/**
 * A ledger row that does not match the chain: its content differs from the digest in its latest ledger entry
 * (changed), it has no ledger entry at all (inserted from outside the app), or its entry says it exists and it
 * does not (deleted). `seq` is the audit entry compared with (null for an inserted row).
 */
export interface LedgerFinding {
  kind: 'row-changed' | 'row-inserted' | 'row-deleted';
  table: LedgerTable;
  id: number;
  seq: number | null;
}

/** Since a checkpoint: the chain position verified last and the highest row id of each ledger table then. */
export interface LedgerSince {
  seq: number;
  ids: Partial<Record<LedgerTable, number>>;
}

export interface LedgerResult {
  findings: LedgerFinding[];
  /** rows whose digest was recomputed */
  rows: number;
}

const CHUNK = 2000;

/**
 * The latest ledger entry of each row stamped after a seq (start-up). `+action` keeps the planner on the rowid
 * range: with the plain term it would walk the whole partial index, every ledger entry ever written.
 */
export const TOUCHED_SINCE = `SELECT entity, entity_id, max(seq) AS seq, detail FROM audit_log WHERE seq > ? AND +action GLOB 'ledger.*' GROUP BY entity, entity_id ORDER BY seq`;
const LEDGER = "action GLOB 'ledger.*'";

function digestOf(detail: string): string | null {
  try {
    const d = JSON.parse(detail) as { digest?: unknown };
    return typeof d.digest === 'string' ? d.digest : null;
  } catch {
    return null;
  }
}

class Checker {
  readonly findings: LedgerFinding[] = [];
  rows = 0;
  private readonly latest: Statement<[string, string], { seq: number; detail: string }>;
  private readonly bySeq: Statement<[number], { detail: string }>;
  private readonly tableStmts = new Map<
    LedgerTable,
    { after: Statement<[number, number], Record<string, unknown>>; byId: Statement<[number], Record<string, unknown>> }
  >();

  constructor(
    private readonly db: Db,
    private readonly limit: number,
  ) {
    // served by the partial index audit_log_ledger (entity, entity_id)
    this.latest = db.prepare(`SELECT seq, detail FROM audit_log WHERE entity = ? AND entity_id = ? AND ${LEDGER} ORDER BY seq DESC LIMIT 1`);
    this.bySeq = db.prepare('SELECT detail FROM audit_log WHERE seq = ?');
  }

  get full(): boolean {
    return this.findings.length >= this.limit;
  }

  private stmts(t: LedgerTable) {
    let s = this.tableStmts.get(t);
    if (!s) {
      s = {
        after: this.db.prepare(`SELECT * FROM main."${t}" WHERE id > ? ORDER BY id LIMIT ?`),
        byId: this.db.prepare(`SELECT * FROM main."${t}" WHERE id = ?`),
      };
      this.tableStmts.set(t, s);
    }
    return s;
  }

  private add(f: LedgerFinding) {
    if (!this.full) this.findings.push(f);
  }

  /** A row that exists, against its latest ledger entry. */
  checkRow(t: LedgerTable, row: Record<string, unknown>): void {
    this.rows++;
    const id = Number(row.id);
    const last = this.latest.get(t, String(id));
    if (!last) this.add({ kind: 'row-inserted', table: t, id, seq: null });
    else if (digestOf(last.detail) !== rowDigest(t, row)) this.add({ kind: 'row-changed', table: t, id, seq: last.seq });
  }

  /** Every row with an id above `fromId`, in id order. */
  rowsAfter(t: LedgerTable, fromId: number): void {
    const { after } = this.stmts(t);
    let last = fromId;
    for (;;) {
      const rows = after.all(last, CHUNK);
      for (const r of rows) {
        this.checkRow(t, r);
        if (this.full) return;
      }
      if (rows.length < CHUNK) return;
      last = Number(rows[rows.length - 1]?.id);
    }
  }

  /**
   * Every row of a table against its latest entry, for the full check: the latest entry of each id is read first
   * in one pass over the partial index (index only, no random seeks), then the rows in id order, each entry by
   * its seq; ids with an entry and no row are the deleted ones.
   */
  fullTable(t: LedgerTable): void {
    let latest = new Float64Array(1024);
    for (const e of this.db.prepare(`SELECT entity_id AS id, seq FROM audit_log WHERE entity = ? AND ${LEDGER}`).iterate(t) as IterableIterator<{
      id: string;
      seq: number;
    }>) {
      const id = Number(e.id);
      if (!Number.isSafeInteger(id) || id < 0) continue;
      if (id >= latest.length) {
        const grown = new Float64Array(Math.max(id + 1, latest.length * 2));
        grown.set(latest);
        latest = grown;
      }
      if (e.seq > (latest[id] ?? 0)) latest[id] = e.seq;
    }
    const seen = new Uint8Array(latest.length);
    const { after } = this.stmts(t);
    let last = 0;
    for (;;) {
      const rows = after.all(last, CHUNK);
      for (const row of rows) {
        this.rows++;
        const id = Number(row.id);
        const seq = id < latest.length ? (latest[id] ?? 0) : 0;
        if (id < seen.length) seen[id] = 1;
        if (!seq) this.add({ kind: 'row-inserted', table: t, id, seq: null });
        else if (digestOf(this.bySeq.get(seq)?.detail ?? '') !== rowDigest(t, row)) this.add({ kind: 'row-changed', table: t, id, seq });
        if (this.full) return;
      }
      if (rows.length < CHUNK) break;
      last = Number(rows[rows.length - 1]?.id);
    }
    for (let id = 0; id < latest.length && !this.full; id++) {
      const seq = latest[id] ?? 0;
      if (seq && !seen[id] && digestOf(this.bySeq.get(seq)?.detail ?? '') !== null) this.add({ kind: 'row-deleted', table: t, id, seq });
    }
  }

  /** The rows whose latest ledger entry is after `seq`: each must match it (or be absent when it says so). */
  touchedSince(seq: number): void {
    const latest = this.db.prepare(TOUCHED_SINCE).all(seq) as Array<{ entity: string; entity_id: string; seq: number; detail: string }>;
    for (const e of latest) {
      const t = LEDGER_TABLES.find((x) => x === e.entity);
      if (!t) continue;
      const id = Number(e.entity_id);
      const row = this.stmts(t).byId.get(id);
      const want = digestOf(e.detail);
      if (row) {
        this.rows++;
        if (want !== rowDigest(t, row)) this.add({ kind: 'row-changed', table: t, id, seq: e.seq });
      } else if (want !== null) this.add({ kind: 'row-deleted', table: t, id, seq: e.seq });
    }
  }
}

/**
 * The ledger tables this store has: a store (or a backup) of an earlier schema lacks the tables added since, and
 * a table that is not there has no rows to check.
 */
function presentTables(db: Db): LedgerTable[] {
  const names = new Set((db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
  return LEDGER_TABLES.filter((t) => names.has(t));
}

/**
 * Recomputes the digest of every ledger row and compares it with its latest ledger entry; also finds rows with
 * no entry and entries whose row is gone. Findings come in table order, then row id (the first is the first
 * row that no longer matches). Call after the chain itself has verified: the digests are only as good as it.
 */
export function verifyLedger(db: Db, limit = 50): LedgerResult {
  const c = new Checker(db, limit);
  for (const t of presentTables(db)) {
    c.fullTable(t);
    if (c.full) break;
  }
  return { findings: ordered(c.findings), rows: c.rows };
}

/** Table order, then row id: the first finding is the first row that no longer matches. */
function ordered(findings: LedgerFinding[]): LedgerFinding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const k = `${f.table}:${f.id}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => LEDGER_TABLES.indexOf(a.table) - LEDGER_TABLES.indexOf(b.table) || a.id - b.id);
}

/**
 * The quick form for start-up: rows stamped after the checkpoint, and rows added after it (a row written
 * from outside the app has no entry). Rows changed at rest before the checkpoint need the full form.
 */
export function verifyLedgerSince(db: Db, since: LedgerSince, limit = 50): LedgerResult {
  const c = new Checker(db, limit);
  c.touchedSince(since.seq);
  for (const t of presentTables(db)) {
    if (c.full) break;
    c.rowsAfter(t, since.ids[t] ?? 0);
  }
  return { findings: ordered(c.findings), rows: c.rows };
}

/** The highest id of each ledger table now (for the next checkpoint). */
export function ledgerMaxIds(db: Db): Partial<Record<LedgerTable, number>> {
  const out: Partial<Record<LedgerTable, number>> = {};
  for (const t of presentTables(db)) out[t] = (db.prepare(`SELECT coalesce(max(id), 0) AS m FROM main."${t}"`).get() as { m: number }).m;
  return out;
}
