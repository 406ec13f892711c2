/**
 * The crash test's checker: what must hold in the store after any crash, given what the killed children
 * acknowledged. It reads one consistent snapshot (a read transaction on a read-only connection) and never
 * writes, so it sees exactly what the kill left behind.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { verifyChain } from '../../src-main/db/audit';
import { verifyLedger } from '../../src-main/db/ledger-verify';
import { Sql } from '../../src-main/db/sql';
import type { Pending } from './protocol';

export type Db = Database.Database;

export interface AckedReceipt {
  kind: 'receipt' | 'void';
  total: number;
  /** collect: its requestId; void: the original's receipt id */
  req?: string;
  orig?: number;
}

export interface Expectations {
  /** receipt number → what the child was told */
  acked: ReadonlyMap<string, AckedReceipt>;
  /** the request the dead child may have been in the middle of */
  pending: Pending | null;
  /** receipt number → fingerprint seen in an earlier snapshot: none may vanish or change */
  seen: ReadonlyMap<string, string>;
  /** print jobs that were 'printing' in an earlier snapshot */
  printingBefore: ReadonlySet<number>;
  /** a core has been opened since that snapshot, so those jobs must now be 'interrupted' */
  reopenedSince: boolean;
}

export interface CheckResult {
  failures: string[];
  schemaVersion: number;
  receipts: number;
  voids: number;
  auditRows: number;
  /** the pending request had committed before the kill: its receipt */
  pendingCommitted: { no: string; id: number } | null;
  /** receipt number → fingerprint in this snapshot */
  fingerprints: Map<string, string>;
  /** jobs 'printing' in this snapshot */
  printing: number[];
  jobs: Record<string, number>;
}

export const EMPTY_EXPECTATIONS: Expectations = { acked: new Map(), pending: null, seen: new Map(), printingBefore: new Set(), reopenedSince: false };

/**
 * Opens the store read-only and pins a snapshot (BEGIN + a read), so a child started meanwhile can write
 * without changing what the checks see. Null when the kill came before the file was created.
 */
export function openSnapshot(dbFile: string): Db | null {
  if (!fs.existsSync(dbFile)) return null;
  try {
    return pin(new Database(dbFile, { readonly: true, fileMustExist: true }));
  } catch (e) {
    // A read-only connection cannot rebuild the WAL index that a killed writer left behind ("attempt to write a
    // readonly database" when no other connection is open to do it): open read-write for that, and refuse any
    // change to the data with query_only.
    if (!(e instanceof Error) || !/readonly/i.test(e.message)) throw e;
    const db = new Database(dbFile, { fileMustExist: true });
    db.pragma('query_only = 1');
    return pin(db);
  }
}

function pin(db: Db): Db {
  try {
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function closeSnapshot(db: Db): void {
  if (db.inTransaction) db.exec('COMMIT');
  db.close();
}

/** Marker table of each schema version: a migration is all there or not at all. */
const VERSION_MARKERS: Record<number, string> = { 1: 'operators', 2: 'receipts' };

interface ReceiptRow {
  id: number;
  receipt_no: string;
  terminal_id: string;
  seq: number;
  kind: 'receipt' | 'void' | 'refund';
  operator_id: number;
  issued_at: string;
  total_fen: number;
  original_id: number | null;
  approval_id: string | null;
  request_id: string;
}

interface Agg {
  n: number;
  sum: number;
  minNo?: number;
  maxNo?: number;
}

const MAX_LISTED = 20;

export function checkStore(db: Db | null, exp: Expectations): CheckResult {
  const failures: string[] = [];
  const fail = (m: string) => {
    if (failures.length < 200) failures.push(m);
  };
  const result: CheckResult = {
    failures,
    schemaVersion: 0,
    receipts: 0,
    voids: 0,
    auditRows: 0,
    pendingCommitted: null,
    fingerprints: new Map(),
    printing: [],
    jobs: {},
  };
  if (!db) {
    if (exp.acked.size > 0) fail(`store file is missing but ${exp.acked.size} receipts were acknowledged`);
    return result;
  }

  // ---- the file itself ----
  const integrity = (db.pragma('integrity_check(50)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  if (!(integrity.length === 1 && integrity[0] === 'ok')) fail(`integrity_check: ${integrity.slice(0, 10).join(' | ')}`);
  const fk = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  if (fk.length)
    fail(
      `foreign_key_check: ${fk.length} rows, e.g. ${fk
        .slice(0, 5)
        .map((r) => `${r.table}#${r.rowid}→${r.parent}`)
        .join(', ')}`,
    );

  // ---- migrations: all of one or none of it ----
  const version = Number(db.pragma('user_version', { simple: true }));
  result.schemaVersion = version;
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
  for (const [v, table] of Object.entries(VERSION_MARKERS)) {
    const should = version >= Number(v);
    if (tables.has(table) !== should)
      fail(`schema: user_version ${version} but table ${table} ${tables.has(table) ? 'exists' : 'is missing'} (a migration half applied)`);
  }
  if (!tables.has('receipts') || !tables.has('audit_log')) {
    if (exp.acked.size > 0) fail(`no receipts table (user_version ${version}) but ${exp.acked.size} receipts were acknowledged`);
    return result;
  }

  // ---- every receipt complete ----
  const receipts = db
    .prepare('SELECT id, receipt_no, terminal_id, seq, kind, operator_id, issued_at, total_fen, original_id, approval_id, request_id FROM receipts ORDER BY id')
    .all() as ReceiptRow[];
  result.receipts = receipts.length;
  const byId = new Map(receipts.map((r) => [r.id, r]));
  const byNo = new Map(receipts.map((r) => [r.receipt_no, r]));
  const lineAgg = new Map<number, Agg>();
  for (const r of db
    .prepare(
      'SELECT receipt_id AS id, count(*) AS n, sum(amount_fen) AS sum, min(line_no) AS minNo, max(line_no) AS maxNo FROM receipt_lines GROUP BY receipt_id',
    )
    .all() as Array<Agg & { id: number }>)
    lineAgg.set(r.id, r);
  const payAgg = new Map<number, Agg>();
  for (const r of db.prepare('SELECT receipt_id AS id, count(*) AS n, sum(amount_fen) AS sum FROM payments GROUP BY receipt_id').all() as Array<
    Agg & { id: number }
  >)
    payAgg.set(r.id, r);
  for (const id of lineAgg.keys()) if (!byId.has(id)) fail(`receipt_lines of receipt id ${id}, which does not exist`);
  for (const id of payAgg.keys()) if (!byId.has(id)) fail(`payments of receipt id ${id}, which does not exist`);

  let partial = 0;
  for (const r of receipts) {
    const l = lineAgg.get(r.id);
    const p = payAgg.get(r.id);
    const problems: string[] = [];
    if (!l) problems.push('no lines');
    else {
      if (l.sum !== r.total_fen) problems.push(`lines sum ${l.sum} ≠ total ${r.total_fen}`);
      if (l.minNo !== 1 || l.maxNo !== l.n) problems.push(`line numbers ${l.minNo}..${l.maxNo} for ${l.n} lines`);
    }
    if (!p) problems.push('no payments');
    else if (p.sum !== r.total_fen) problems.push(`payments sum ${p.sum} ≠ total ${r.total_fen}`);
    if (r.receipt_no !== `${r.terminal_id}-${String(r.seq).padStart(8, '0')}`)
      problems.push(`number ${r.receipt_no} does not match terminal ${r.terminal_id} seq ${r.seq}`);
    if (problems.length && ++partial <= MAX_LISTED) fail(`partial receipt ${r.receipt_no} (id ${r.id}): ${problems.join('; ')}`);
    result.fingerprints.set(r.receipt_no, `${r.id}|${r.kind}|${r.total_fen}|${r.request_id}|${l?.n ?? 0}|${l?.sum ?? 0}|${p?.n ?? 0}|${p?.sum ?? 0}`);
  }
  if (partial > MAX_LISTED) fail(`… ${partial - MAX_LISTED} more partial receipts`);

  // ---- voids reverse an existing original exactly, with a consumed supervisor approval ----
  const voids = receipts.filter((r) => r.kind === 'void');
  result.voids = voids.length;
  if (voids.length) {
    const lines = db
      .prepare(
        `SELECT v.receipt_id AS vid, v.line_no, v.amount_fen, v.name, o.receipt_id AS orid, o.amount_fen AS oamount, o.name AS oname
           FROM receipt_lines v LEFT JOIN receipt_lines o ON o.id = v.original_line_id
          WHERE v.receipt_id IN (SELECT id FROM receipts WHERE kind = 'void')`,
      )
      .all() as Array<{ vid: number; line_no: number; amount_fen: number; name: string; orid: number | null; oamount: number | null; oname: string | null }>;
    const linesOf = new Map<number, typeof lines>();
    for (const l of lines) linesOf.set(l.vid, [...(linesOf.get(l.vid) ?? []), l]);
    const payByMethod = new Map<string, number>();
    for (const r of db.prepare('SELECT receipt_id AS id, method, sum(amount_fen) AS s FROM payments GROUP BY receipt_id, method').all() as Array<{
      id: number;
      method: string;
      s: number;
    }>) {
      payByMethod.set(`${r.id}:${r.method}`, r.s);
    }
    const methodsOf = (id: number) => ['cash', 'wechat', 'alipay', 'card'].map((m) => `${m}=${payByMethod.get(`${id}:${m}`) ?? 0}`);
    const approvals = new Map(
      (
        db.prepare("SELECT id, action, subject, approver_id, consumed_at FROM approvals WHERE action = 'receipt.void'").all() as Array<{
          id: string;
          action: string;
          subject: string;
          approver_id: number;
          consumed_at: string | null;
        }>
      ).map((a) => [a.id, a]),
    );
    const voidsPerOriginal = new Map<number, number>();
    for (const v of voids) {
      const o = v.original_id === null ? undefined : byId.get(v.original_id);
      if (!o) {
        fail(`void ${v.receipt_no} references receipt id ${v.original_id}, which does not exist`);
        continue;
      }
      voidsPerOriginal.set(o.id, (voidsPerOriginal.get(o.id) ?? 0) + 1);
      const problems: string[] = [];
      if (o.kind !== 'receipt') problems.push(`original ${o.receipt_no} is a ${o.kind}`);
      if (v.total_fen !== -o.total_fen) problems.push(`total ${v.total_fen} does not reverse ${o.total_fen}`);
      const vl = linesOf.get(v.id) ?? [];
      const ol = lineAgg.get(o.id)?.n ?? 0;
      if (vl.length !== ol) problems.push(`${vl.length} lines for ${ol} original lines`);
      for (const l of vl) {
        if (l.orid !== o.id) problems.push(`line ${l.line_no} reverses a line of receipt id ${l.orid}`);
        else if (l.amount_fen !== -(l.oamount as number) || l.name !== l.oname)
          problems.push(`line ${l.line_no} (${l.name} ${l.amount_fen}) does not mirror ${l.oname} ${l.oamount}`);
      }
      const vm = methodsOf(v.id).join(',');
      const om = methodsOf(o.id)
        .map((s) => s.replace(/=(-?\d+)$/, (_, x: string) => `=${-Number(x) || 0}`))
        .join(',');
      if (vm !== om) problems.push(`payments ${vm} do not reverse ${om}`);
      const a = v.approval_id ? approvals.get(v.approval_id) : undefined;
      if (!a) problems.push(`approval ${v.approval_id} missing`);
      else {
        if (a.subject !== o.receipt_no) problems.push(`approval is for ${a.subject}`);
        if (!a.consumed_at) problems.push('approval not consumed');
        if (a.approver_id === v.operator_id) problems.push('approved by the operator who voided');
      }
      if (problems.length) fail(`void ${v.receipt_no} of ${o.receipt_no}: ${problems.join('; ')}`);
    }
    for (const [id, n] of voidsPerOriginal) if (n > 1) fail(`receipt ${byId.get(id)?.receipt_no} voided ${n} times`);
  }

  // ---- numbers gapless per terminal, counter in step ----
  const perTerminal = new Map<string, number[]>();
  for (const r of receipts) perTerminal.set(r.terminal_id, [...(perTerminal.get(r.terminal_id) ?? []), r.seq]);
  const counters = new Map((db.prepare('SELECT name, value FROM counters').all() as Array<{ name: string; value: number }>).map((c) => [c.name, c.value]));
  for (const [terminal, seqs] of perTerminal) {
    seqs.sort((a, b) => a - b);
    const bad = seqs.findIndex((s, i) => s !== i + 1);
    if (bad >= 0)
      fail(
        `terminal ${terminal}: receipt numbers not gapless: position ${bad + 1} holds seq ${seqs[bad]} (max ${seqs[seqs.length - 1]}, count ${seqs.length})`,
      );
    const c = counters.get(`receipt:${terminal}`);
    if (c !== seqs.length) fail(`terminal ${terminal}: counter is ${c} but ${seqs.length} receipts exist`);
  }

  // ---- nothing acknowledged lost, nothing seen before lost or changed, nothing unexplained ----
  let missing = 0;
  for (const [no, a] of exp.acked) {
    const r = byNo.get(no);
    const problems: string[] = [];
    if (!r) problems.push('missing');
    else {
      if (r.total_fen !== a.total) problems.push(`total ${r.total_fen}, acknowledged ${a.total}`);
      if (r.kind !== a.kind) problems.push(`kind ${r.kind}, acknowledged ${a.kind}`);
      if (a.req !== undefined && r.request_id !== a.req) problems.push(`requestId ${r.request_id}, acknowledged ${a.req}`);
      if (a.orig !== undefined && r.original_id !== a.orig) problems.push(`voids id ${r.original_id}, acknowledged ${a.orig}`);
    }
    if (problems.length && ++missing <= MAX_LISTED) fail(`acknowledged receipt ${no}: ${problems.join('; ')}`);
  }
  if (missing > MAX_LISTED) fail(`… ${missing - MAX_LISTED} more acknowledged receipts missing or different`);
  let changed = 0;
  for (const [no, fp] of exp.seen) {
    const now = result.fingerprints.get(no);
    if (now !== fp && ++changed <= MAX_LISTED) fail(`receipt ${no} seen after an earlier kill is ${now ? `changed: ${fp} → ${now}` : 'gone'}`);
  }
  if (changed > MAX_LISTED) fail(`… ${changed - MAX_LISTED} more earlier receipts gone or changed`);

  const p = exp.pending;
  if (p?.op === 'collect') {
    const r = receipts.find((x) => x.request_id === p.req);
    if (r) result.pendingCommitted = { no: r.receipt_no, id: r.id };
  } else if (p?.op === 'void') {
    const r = voids.find((x) => x.original_id === p.orig);
    if (r && !exp.acked.has(r.receipt_no)) result.pendingCommitted = { no: r.receipt_no, id: r.id };
  }
  const unexplained = receipts.filter((r) => !exp.acked.has(r.receipt_no) && r.receipt_no !== result.pendingCommitted?.no);
  if (unexplained.length) {
    fail(
      `${unexplained.length} receipts neither acknowledged nor the one in flight: ${unexplained
        .slice(0, 10)
        .map((r) => `${r.receipt_no} (${r.request_id})`)
        .join(', ')}`,
    );
  }

  // ---- audit: the chain verifies and every receipt has its row ----
  const chain = verifyChain(new Sql(db));
  result.auditRows = chain.rows;
  if (!chain.ok) fail(`audit chain: ${chain.reason} at seq ${chain.firstBadSeq}`);
  // every receipt, line, payment and cash row matches the digest its transaction wrote into the chain
  if (Number(db.pragma('user_version', { simple: true })) >= 9) {
    for (const f of verifyLedger(db, 20).findings) fail(`ledger: ${f.kind} ${f.table} #${f.id}${f.seq === null ? '' : ` (audit seq ${f.seq})`}`);
  }
  const auditRows = db
    .prepare("SELECT entity_id AS no, action, detail FROM audit_log WHERE entity = 'receipt' AND action IN ('receipt.issue', 'receipt.void')")
    .all() as Array<{ no: string; action: string; detail: string }>;
  const auditOf = new Map<string, Array<{ action: string; detail: string }>>();
  for (const a of auditRows) auditOf.set(a.no, [...(auditOf.get(a.no) ?? []), a]);
  let unaudited = 0;
  for (const r of receipts) {
    if (r.kind === 'refund') continue;
    const want = r.kind === 'void' ? 'receipt.void' : 'receipt.issue';
    const rows = auditOf.get(r.receipt_no) ?? [];
    let problem = '';
    if (rows.length !== 1 || rows[0]?.action !== want) problem = `${rows.length} audit rows (${rows.map((x) => x.action).join(',')}), want one ${want}`;
    else if ((JSON.parse(rows[0].detail) as { totalFen?: number }).totalFen !== r.total_fen) problem = `audit total ${rows[0].detail} ≠ ${r.total_fen}`;
    if (problem && ++unaudited <= MAX_LISTED) fail(`receipt ${r.receipt_no}: ${problem}`);
    auditOf.delete(r.receipt_no);
  }
  if (unaudited > MAX_LISTED) fail(`… ${unaudited - MAX_LISTED} more receipts without their audit row`);
  if (auditOf.size) fail(`audit rows for receipts that do not exist: ${[...auditOf.keys()].slice(0, 10).join(', ')}`);

  // ---- print queue: a job with every receipt; a job cut off mid-print is marked interrupted on restart ----
  const printerRow = db.prepare("SELECT value, updated_at FROM settings WHERE key = 'printer_settings'").get() as
    { value: string; updated_at: string } | undefined;
  let printerSince: string | null = null;
  if (printerRow) {
    try {
      if ((JSON.parse(printerRow.value) as { config?: { kind?: string } }).config?.kind !== 'none') printerSince = printerRow.updated_at;
    } catch {
      fail(`printer settings unreadable: ${printerRow.value}`);
    }
  }
  const jobsOf = new Map<number, number>();
  for (const j of db
    .prepare("SELECT receipt_id AS id, count(*) AS n FROM print_jobs WHERE receipt_id IS NOT NULL AND copy_no = 0 AND kind = 'receipt' GROUP BY receipt_id")
    .all() as Array<{ id: number; n: number }>)
    jobsOf.set(j.id, j.n);
  if (printerSince !== null) {
    const since = printerSince;
    const without = receipts.filter((r) => r.issued_at >= since && jobsOf.get(r.id) !== 1);
    if (without.length)
      fail(
        `${without.length} receipts without exactly one print job: ${without
          .slice(0, 10)
          .map((r) => `${r.receipt_no}×${jobsOf.get(r.id) ?? 0}`)
          .join(', ')}`,
      );
  }
  for (const j of db.prepare('SELECT status, count(*) AS n FROM print_jobs GROUP BY status').all() as Array<{ status: string; n: number }>)
    result.jobs[j.status] = j.n;
  result.printing = (db.prepare("SELECT id FROM print_jobs WHERE status = 'printing'").all() as Array<{ id: number }>).map((j) => j.id);
  if (exp.reopenedSince && exp.printingBefore.size) {
    const status = db.prepare('SELECT status FROM print_jobs WHERE id = ?');
    for (const id of exp.printingBefore) {
      const s = (status.get(id) as { status: string } | undefined)?.status;
      if (s !== 'interrupted') fail(`print job ${id} was 'printing' when the app died and is '${s}' after a restart (want 'interrupted')`);
    }
  }
  return result;
}
