import { chainHead, verifyChain, verifyChainFrom, type ChainFailure, type ChainHead } from './audit';
import { checkTriggers, type ExpectedTrigger } from './guards';
import { isLedgerTable, LEDGER_LABEL, type LedgerTable } from './ledger';
import { ledgerMaxIds, verifyLedger, verifyLedgerSince, type LedgerFinding } from './ledger-verify';
import type { Db } from './open';
import { Sql } from './sql';

/** One thing wrong with the store's protection, with a plain Chinese sentence for the supervisor. */
export interface AuditProblem {
  kind: 'trigger-missing' | 'trigger-changed' | 'trigger-extra' | 'chain' | 'row-changed' | 'row-inserted' | 'row-deleted';
  /** the ledger table of a row finding, the table of a trigger finding */
  table: string | null;
  rowId: number | null;
  /** the audit entry concerned: where the chain breaks, or the entry a row was compared with */
  seq: number | null;
  /** the trigger of a trigger finding */
  name: string | null;
  reason: ChainFailure | null;
  message: string;
}

/** The last verified chain position and the highest ledger row ids then: start-up verifies from here. */
export interface Checkpoint extends ChainHead {
  ids: Partial<Record<LedgerTable, number>>;
  at: string;
}

export interface AuditReport {
  ok: boolean;
  /** the whole chain and every ledger row (false: from the checkpoint only) */
  full: boolean;
  /** chain rows walked, ledger rows recomputed */
  chainRows: number;
  ledgerRows: number;
  head: ChainHead;
  /** the chain position and ledger ids this report vouches for (null when it found a problem) */
  checkpoint: Checkpoint | null;
  problems: AuditProblem[];
  ms: number;
}

const CHAIN_TEXT: Record<ChainFailure, (seq: number) => string> = {
  'hash-mismatch': (s) => `审计链第 ${s} 条记录的内容被改动过（与哈希不符）。`,
  'broken-link': (s) => `审计链第 ${s} 条记录与上一条的连接断开（上一条被改动或替换过）。`,
  gap: (s) => `审计链在第 ${s} 条处缺少记录（被删除）。`,
  truncated: (s) => `审计链从第 ${s} 条起的最新记录被删除了（上次校验时还在）。`,
};

const label = (t: string) => (isLedgerTable(t) ? `${LEDGER_LABEL[t]}（${t}）` : t);

export function rowProblem(f: LedgerFinding): AuditProblem {
  const base = { table: f.table, rowId: f.id, seq: f.seq, name: null, reason: null };
  if (f.kind === 'row-changed')
    return { ...base, kind: f.kind, message: `${label(f.table)}第 ${f.id} 行的内容与审计链第 ${f.seq} 条记录的摘要不符：这一行在本程序之外被改过。` };
  if (f.kind === 'row-inserted') return { ...base, kind: f.kind, message: `${label(f.table)}第 ${f.id} 行在审计链中没有记录：它不是由本程序写入的。` };
  return { ...base, kind: f.kind, message: `${label(f.table)}第 ${f.id} 行不见了（审计链第 ${f.seq} 条记录过它）：它在本程序之外被删除。` };
}

function triggerText(kind: AuditProblem['kind'], name: string, table: string): string {
  if (kind === 'trigger-missing') return `保护触发器「${name}」（${label(table)}）不见了：有人绕过本程序直接改过数据库文件。`;
  if (kind === 'trigger-changed') return `保护触发器「${name}」（${label(table)}）被改过，与本程序安装的不同。`;
  return `数据库里多出一个不属于本程序的触发器「${name}」（${label(table)}），它可能在写入时改动数据。`;
}

/**
 * Checks the store's protection: the protective triggers against the migrations, the audit chain, and the
 * ledger rows against their digests in the chain. With a checkpoint and `full` false it verifies only what
 * came after the checkpoint (start-up); `full` walks everything. Reads one consistent snapshot.
 */
export function auditCheck(db: Db, opts: { expected: ExpectedTrigger[]; since: Checkpoint | null; full: boolean; at: string; limit?: number }): AuditReport {
  const t0 = performance.now();
  const own = !db.inTransaction;
  if (own) db.exec('BEGIN');
  try {
    const problems: AuditProblem[] = checkTriggers(db, opts.expected).map((f) => ({
      kind: f.kind,
      table: f.table,
      rowId: null,
      seq: null,
      name: f.name,
      reason: null,
      message: triggerText(f.kind, f.name, f.table),
    }));
    const since = opts.full ? null : opts.since;
    const sql = new Sql(db);
    const chain = since ? verifyChainFrom(sql, since) : verifyChain(sql);
    if (!chain.ok)
      problems.push({
        kind: 'chain',
        table: null,
        rowId: null,
        seq: chain.firstBadSeq,
        name: null,
        reason: chain.reason,
        message: CHAIN_TEXT[chain.reason](chain.firstBadSeq),
      });
    const ledger = since ? verifyLedgerSince(db, { seq: since.seq, ids: since.ids }, opts.limit) : verifyLedger(db, opts.limit);
    problems.push(...ledger.findings.map(rowProblem));
    const head = chainHead(sql);
    const ok = problems.length === 0;
    return {
      ok,
      full: !since,
      chainRows: chain.rows,
      ledgerRows: ledger.rows,
      head,
      checkpoint: ok ? { ...head, ids: ledgerMaxIds(db), at: opts.at } : null,
      problems,
      ms: Math.round(performance.now() - t0),
    };
  } finally {
    if (own) db.exec('COMMIT');
  }
}

const CHECKPOINT_KEY = 'audit_checkpoint';
const ATTENTION_KEY = 'audit_attention';

function readJson<T>(db: Db, key: string): T | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null;
  }
}

function writeJson(db: Db, key: string, value: unknown, at: string): void {
  db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), at);
}

export const readCheckpoint = (db: Db) => readJson<Checkpoint>(db, CHECKPOINT_KEY);
export const writeCheckpoint = (db: Db, c: Checkpoint) => writeJson(db, CHECKPOINT_KEY, c, c.at);

/** A finding outlives a restart: it is cleared only by a check that passes. */
export interface StoredAttention {
  since: string;
  problems: AuditProblem[];
}
export const readAttention = (db: Db) => readJson<StoredAttention>(db, ATTENTION_KEY);
export const writeAttention = (db: Db, a: StoredAttention, at: string) => writeJson(db, ATTENTION_KEY, a, at);
export const clearAttention = (db: Db) => void db.prepare('DELETE FROM settings WHERE key = ?').run(ATTENTION_KEY);
