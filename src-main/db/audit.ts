import { createHash } from 'node:crypto';
import type { Clock } from '../lib/clock';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import { qb, type Sql } from './sql';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  operatorId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  /** Never put unmasked personal data here: the chain head leaves the machine and the log is read by support. */
  detail?: Record<string, unknown>;
}

/** Canonical JSON: object keys sorted at every level, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export interface AuditRow {
  seq: number;
  at: string;
  operator_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export function rowHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const canonical = canonicalJson([row.seq, row.at, row.operator_id, row.action, row.entity, row.entity_id, row.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

interface AuditStatements {
  last: Statement<[], { seq: number; hash: string }>;
  insert: Statement<[number, string, number | null, string, string, string, string, string, string]>;
}
const statements = new WeakMap<Db, AuditStatements>();

/** Prepared once per connection: appending is on the path of every payment. */
function stmts(db: Db): AuditStatements {
  let s = statements.get(db);
  if (!s) {
    s = {
      last: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO audit_log (seq, at, operator_id, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    };
    statements.set(db, s);
  }
  return s;
}

/** Appends one row to the chain. Call inside the transaction of the action it records. */
export function appendAudit(sql: Sql, clock: Clock, entry: AuditEntry): AuditRow {
  return appendAuditRows(sql, clock, [entry])[0] as AuditRow;
}

/** Appends several rows in order (one read of the head for all of them). Call inside the writing transaction. */
export function appendAuditRows(sql: Sql, clock: Clock, entries: readonly AuditEntry[]): AuditRow[] {
  const st = stmts(sql.db);
  const last = st.last.get();
  let seq = last?.seq ?? 0;
  let prev_hash = last?.hash ?? GENESIS_HASH;
  const at = clock.now().toISOString();
  const out: AuditRow[] = [];
  for (const entry of entries) {
    const base = {
      seq: ++seq,
      at,
      operator_id: entry.operatorId,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      detail: canonicalJson(entry.detail ?? {}),
    };
    const row: AuditRow = { ...base, prev_hash, hash: rowHash(prev_hash, base) };
    st.insert.run(row.seq, row.at, row.operator_id, row.action, row.entity, row.entity_id, row.detail, row.prev_hash, row.hash);
    prev_hash = row.hash;
    out.push(row);
  }
  return out;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export function chainHead(sql: Sql): ChainHead {
  const last = sql.get(qb.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

export type ChainFailure = 'hash-mismatch' | 'broken-link' | 'gap' | 'truncated';

export type VerifyResult = { ok: true; rows: number; head: ChainHead } | { ok: false; rows: number; firstBadSeq: number; reason: ChainFailure };

/** Walks the whole chain in order and reports the first row that does not verify. */
export function verifyChain(sql: Sql): VerifyResult {
  return verifyChainFrom(sql, { seq: 0, hash: GENESIS_HASH });
}

/**
 * Verifies the chain from a checkpoint (a row verified earlier: its seq and hash) to the head: the checkpoint
 * row must still be there with the same hash, and every later row must link to it and hash correctly.
 * From seq 0 (the genesis hash) this is the full walk. `rows` counts the rows walked after the checkpoint.
 */
export function verifyChainFrom(sql: Sql, from: ChainHead): VerifyResult {
  if (from.seq > 0) {
    // the checkpoint row itself: still there, its content still hashing to the hash verified then
    const at = sql.db.prepare('SELECT seq, at, operator_id, action, entity, entity_id, detail, prev_hash, hash FROM audit_log WHERE seq = ?').get(from.seq) as
      AuditRow | undefined;
    if (!at) {
      const last = chainHead(sql);
      return last.seq < from.seq
        ? { ok: false, rows: 0, firstBadSeq: last.seq + 1, reason: 'truncated' }
        : { ok: false, rows: 0, firstBadSeq: from.seq, reason: 'gap' };
    }
    if (at.hash !== from.hash || rowHash(at.prev_hash, at) !== at.hash) return { ok: false, rows: 0, firstBadSeq: from.seq, reason: 'hash-mismatch' };
  }
  const stmt = sql.db.prepare('SELECT seq, at, operator_id, action, entity, entity_id, detail, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq');
  let prev = from.hash;
  let expectedSeq = from.seq + 1;
  let rows = 0;
  let head: ChainHead = { ...from };
  for (const r of stmt.iterate(from.seq) as IterableIterator<AuditRow>) {
    rows++;
    if (r.seq !== expectedSeq) return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'gap' };
    if (r.prev_hash !== prev) return { ok: false, rows, firstBadSeq: r.seq, reason: 'broken-link' };
    if (rowHash(prev, r) !== r.hash) return { ok: false, rows, firstBadSeq: r.seq, reason: 'hash-mismatch' };
    prev = r.hash;
    head = { seq: r.seq, hash: r.hash };
    expectedSeq++;
  }
  return { ok: true, rows, head };
}
