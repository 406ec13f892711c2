import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GENESIS_HASH, canonicalJson, rowHash } from '../../src-main/db/audit';
import { auditCheck } from '../../src-main/db/audit-check';
import { expectedTriggers } from '../../src-main/db/guards';
import { migrate } from '../../src-main/db/migrate';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { openDatabase, quickCheck } from '../../src-main/db/open';
import { AppCore } from '../../src-main/compose';
import { ManualClock } from '../../src-main/lib/clock';
import { silentLogger } from '../../src-main/lib/log';
import { single, type Figure } from './stats';

const DAYS = 5 * 365;
/** AUDIT_BENCH_SCALE=0.1 for a quick run; the figures of record are at 1 */
const SCALE = Number(process.env.AUDIT_BENCH_SCALE ?? 1);
const RECEIPTS = Math.round(500_000 * SCALE);
const PARCELS = Math.round(550_000 * SCALE);
const LOANS = Math.round(18_000 * SCALE);

/**
 * The protection check on a 5-year store: 500,000 receipts (line + payment each) in 1,825 cash sessions,
 * 550,000 parcels picked up, 18,000 key loans returned, with a business audit chain; written at schema 7,
 * then migrated (0009 stamps every ledger row and walks the old chain once), then started: the start-up check
 * (triggers, chain from the checkpoint) and the full check (every chain row, every ledger row) timed.
 */
export async function auditBenchmarks(work: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dataDir = path.join(work, 'audit');
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'lobbydesk.sqlite');
  const db = openDatabase(file);
  migrate(db, { migrations: MIGRATIONS.slice(0, 7) });
  const t0 = performance.now();
  const now = '2021-11-24T01:00:00.000Z';
  db.prepare("INSERT INTO operators (username, display_name, role, password_hash, created_at, updated_at) VALUES ('bench', '基准', 'admin', 'x', ?, ?)").run(now, now);
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('terminal_id', 'T01', ?), ('property_name', '基准花园', ?)").run(now, now);
  const roomId = Number(db.prepare("INSERT INTO buildings (code, name, created_at) VALUES ('3', '3栋', ?)").run(now).lastInsertRowid);
  db.prepare("INSERT INTO units (building_id, code) VALUES (?, '2')").run(roomId);
  db.prepare("INSERT INTO rooms (unit_id, number, code, area_cm2, created_at) VALUES (1, '501', '3-2-501', 8950, ?)").run(now);
  let seq = 0;
  let prev = GENESIS_HASH;
  const audit = db.prepare('INSERT INTO audit_log (seq, at, operator_id, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)');
  const chain = (at: string, action: string, entity: string, id: string, detail: Record<string, unknown>) => {
    const base = { seq: ++seq, at, operator_id: 1, action, entity, entity_id: id, detail: canonicalJson(detail) };
    const hash = rowHash(prev, base);
    audit.run(base.seq, at, action, entity, id, base.detail, prev, hash);
    prev = hash;
  };
  const insS = db.prepare("INSERT INTO cash_sessions (terminal_id, operator_id, opened_at, float_fen, float_detail, status, closed_at, expected_fen, counted_fen, variance_fen) VALUES ('T01', 1, ?, 50000, '{}', 'handed_over', ?, 0, 0, 0)");
  const insR = db.prepare("INSERT INTO receipts (receipt_no, terminal_id, seq, kind, session_id, operator_id, room_id, room_code, issued_at, total_fen, request_id) VALUES (?, 'T01', ?, 'receipt', ?, 1, 1, '3-2-501', ?, ?, ?)");
  const insL = db.prepare("INSERT INTO receipt_lines (receipt_id, line_no, name, category, detail, quantity, amount_fen) VALUES (?, 1, '物业费', 'property', '2021-01 至 2021-03', '3个月', ?)");
  const insP = db.prepare("INSERT INTO payments (receipt_id, method, amount_fen, received_fen, change_fen) VALUES (?, 'cash', ?, ?, 0)");
  const insParcel = db.prepare(
    "INSERT INTO parcels (waybill, carrier, room_id, room_code, recipient, pickup_code, status, intake_at, intake_by, updated_at, closed_at, closed_by, picked_at, collector, check_method) VALUES (?, 'SF', 1, '3-2-501', '张*', ?, 'picked_up', ?, 1, ?, ?, 1, ?, '张*', 'code')",
  );
  db.prepare("INSERT INTO keys (tag, kind, label, room_id, status, created_at, updated_at) VALUES ('K-0001', 'vacant', '空置房', 1, 'on_board', ?, ?)").run(now, now);
  const insLoan = db.prepare(
    "INSERT INTO key_loans (key_id, borrower_type, borrower_name, purpose, id_checked, lent_at, due_at, lent_by, returned_at, returned_by, return_condition) VALUES (1, 'contractor', '王师傅', 'renovation', '身份证 1234', ?, ?, 1, ?, 1, 'ok')",
  );
  const start = new Date(now).getTime();
  const perDay = Math.ceil(RECEIPTS / DAYS);
  const parcelsPerDay = Math.ceil(PARCELS / DAYS);
  const loansPerDay = Math.ceil(LOANS / DAYS);
  let r = 0;
  let p = 0;
  let l = 0;
  for (let day = 0; day < DAYS; day += 30) {
    db.transaction(() => {
      for (let d = day; d < Math.min(day + 30, DAYS); d++) {
        const at = new Date(start + d * 86_400_000).toISOString();
        const sid = Number(insS.run(at, at).lastInsertRowid);
        chain(at, 'cash.open', 'cash_session', String(sid), { floatFen: 50000 });
        for (let k = 0; k < perDay && r < RECEIPTS; k++) {
          r++;
          const amount = 67125 + (r % 7) * 100;
          const no = `T01-${String(r).padStart(8, '0')}`;
          const rid = Number(insR.run(no, r, sid, at, amount, `bulk-${r}`).lastInsertRowid);
          insL.run(rid, amount);
          insP.run(rid, amount, amount);
          chain(at, 'receipt.issue', 'receipt', no, { methods: [['cash', amount]], roomCode: '3-2-501', totalFen: amount });
        }
        for (let k = 0; k < parcelsPerDay && p < PARCELS; k++) {
          p++;
          const id = Number(insParcel.run(`SF${String(p).padStart(13, '0')}`, String(100000 + (p % 900000)).slice(0, 6), at, at, at, at).lastInsertRowid);
          chain(at, 'parcel.intake', 'parcel', String(id), { carrier: 'SF' });
          chain(at, 'parcel.pickup', 'parcel', String(id), { check: 'code' });
        }
        for (let k = 0; k < loansPerDay && l < LOANS; k++) {
          l++;
          const due = new Date(start + d * 86_400_000 + 3_600_000).toISOString();
          const id = Number(insLoan.run(at, due, due).lastInsertRowid);
          chain(at, 'key.lend', 'key', '1', { loanId: id });
          chain(due, 'key.return', 'key', '1', { loanId: id });
        }
        chain(at, 'cash.close', 'cash_session', String(sid), { countedFen: 0 });
      }
    })();
  }
  db.prepare("INSERT INTO counters (name, value) VALUES ('receipt:T01', ?)").run(r);
  console.log(`  history (schema 7): ${r.toLocaleString()} receipts, ${p.toLocaleString()} parcels, ${l.toLocaleString()} key loans, ${seq.toLocaleString()} audit rows in ${Math.round(performance.now() - t0)} ms`);

  let t = performance.now();
  migrate(db);
  const migrated = performance.now() - t;
  const chainRows = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
  db.close();
  const mb = fs.statSync(file).size / 1024 / 1024;
  figures.push(single('migration 0009 on a 5-year store (stamp every ledger row, walk the old chain once)', `${chainRows.toLocaleString()} audit rows after, ${mb.toFixed(0)} MB`, migrated, 120_000));

  const clock = new ManualClock('2026-11-23T01:00:00Z');
  t = performance.now();
  let core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: { ln: 10, r: 8, p: 1 } });
  figures.push(single('start-up AppCore.open on the 5-year store, first start after the migration', `check ${core.system.audit?.lastStartup?.ms ?? -1} ms of it`, performance.now() - t, 1_000));
  if (core.system.audit?.attention) throw new Error(`unexpected finding: ${JSON.stringify(core.system.audit.attention.problems[0])}`);
  await core.close();
  t = performance.now();
  core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: { ln: 10, r: 8, p: 1 } });
  const check = core.system.audit?.lastStartup;
  figures.push(single('start-up AppCore.open on the 5-year store, next start (from the checkpoint)', `check ${check?.ms ?? -1} ms: ${check?.chainRows ?? 0} chain rows, ${check?.ledgerRows ?? 0} ledger rows`, performance.now() - t, 1_000));
  await core.close();

  const ro = openDatabase(file, { readonly: true });
  t = performance.now();
  quickCheck(ro);
  figures.push(single('PRAGMA quick_check alone (part of every start, before the protection check)', `${mb.toFixed(0)} MB store`, performance.now() - t, 1_000));
  const heap0 = process.memoryUsage().rss;
  t = performance.now();
  const full = auditCheck(ro, { expected: expectedTriggers(), since: null, full: true, at: new Date().toISOString() });
  const fullMs = performance.now() - t;
  ro.close();
  if (!full.ok) throw new Error(`full check found: ${full.problems[0]?.message}`);
  figures.push(
    single(
      'full protection check (worker at start-up and daily; 设置 → 审计链; verify-audit)',
      `${full.chainRows.toLocaleString()} chain rows + ${full.ledgerRows.toLocaleString()} ledger rows, RSS +${Math.round((process.memoryUsage().rss - heap0) / 1024 / 1024)} MB`,
      fullMs,
      120_000,
    ),
  );
  return figures;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-bench-audit-'));
  const figures = await auditBenchmarks(work);
  for (const f of figures) console.log(JSON.stringify(f));
  fs.rmSync(work, { recursive: true, force: true });
}
