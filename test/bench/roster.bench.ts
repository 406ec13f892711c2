import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { openDatabase, quickCheck } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { Sql } from '../../src-main/db/sql';
import { appendAudit } from '../../src-main/db/audit';
import { ManualClock } from '../../src-main/lib/clock';
import { generateDemo, demoName, demoPhone, rng } from '../../src-main/features/roster/demo';
import { RosterService } from '../../src-main/features/roster/roster.service';
import { RosterImportService } from '../../src-main/features/roster/import/import.service';
import { AppCore } from '../../src-main/compose';
import { silentLogger } from '../../src-main/lib/log';
import { single, summarise, type Figure } from './stats';

const clock = new ManualClock('2026-11-23T02:00:00Z');
const actor = { id: 1, username: 'bench', displayName: 'bench', role: 'admin' as const };

/** The queries a receptionist types, keystroke by keystroke (each prefix is one search). */
function queries(rand: () => number, n: number): string[] {
  const out: string[] = [];
  const typed = (s: string) => {
    for (let i = 1; i <= s.length; i++) out.push(s.slice(0, i));
  };
  while (out.length < n) {
    const pick = rand();
    const b = 1 + Math.floor(rand() * 40);
    const u = 1 + Math.floor(rand() * 4);
    const room = `${1 + Math.floor(rand() * 32)}0${1 + Math.floor(rand() * 4)}`;
    if (pick < 0.3) typed(`${b}-${u}-${room}`);
    else if (pick < 0.4) typed(`${b}栋${u}单元${room}`);
    else if (pick < 0.65) typed(['zw', 'lj', 'wf', 'zgf', 'cxy', 'lh', 'wyn', 'sxx'][Math.floor(rand() * 8)] as string);
    else if (pick < 0.85) typed(demoName(rand));
    else typed(demoPhone(rand).slice(-4));
  }
  return out.slice(0, n);
}

export async function rosterBenchmarks(work: string): Promise<Figure[]> {
  const figures: Figure[] = [];

  // 1. search p99 at 50,000 residents, in the service and through the IPC dispatcher (zod in and out)
  const dataDir = path.join(work, 'search');
  fs.mkdirSync(dataDir, { recursive: true });
  const core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: { ln: 10, r: 8, p: 1 } });
  await core.dispatch('system.setup', { propertyName: '基准花园', terminalId: 'B01', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' }, demoData: false }, { clientId: 'b' });
  const s = core.need();
  const t0 = performance.now();
  const residents = await generateDemo(s.sql, clock, null);
  console.log(`  demo roster: ${residents} residents in ${Math.round(performance.now() - t0)} ms`);
  await core.dispatch('auth.login', { username: 'bench', password: 'bench-pass-1' }, { clientId: 'b' });
  const roster = new RosterService(s.sql, clock);
  const qs = queries(rng(1), 5000);
  for (const q of qs.slice(0, 200)) roster.search(q); // warm the statement cache
  const svc: number[] = [];
  for (const q of qs) {
    const a = performance.now();
    roster.search(q, 50);
    svc.push(performance.now() - a);
  }
  figures.push(summarise('roster search (service)', `${residents.toLocaleString()} residents, ${qs.length} keystroke queries`, svc, 10));
  const ipc: number[] = [];
  for (const q of qs) {
    const a = performance.now();
    await core.dispatch('roster.search', { q }, { clientId: 'b' });
    ipc.push(performance.now() - a);
  }
  figures.push(summarise('roster search (IPC dispatch incl. zod)', `${residents.toLocaleString()} residents`, ipc, 10));

  // 2. a 50,000-row XLSX: preview (parse + check) and commit, on a fresh file database
  const rows: Array<Array<string | number>> = [];
  const rand = rng(99);
  for (let i = 0; rows.length < 50_000; i++) {
    const b = 1 + (i % 40);
    const u = 1 + (Math.floor(i / 40) % 4);
    const room = `${1 + (Math.floor(i / 160) % 32)}${String(1 + (Math.floor(i / 5120) % 4)).padStart(2, '0')}`;
    rows.push([b, u, room, `${demoName(rand)}${i}`.slice(0, 12), i % 5 === 0 ? '租户' : '业主', Number(demoPhone(rand))]);
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['楼栋', '单元', '房号', '姓名', '类型', '电话']);
  for (const r of rows) ws.addRow(r);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const importDb = openDatabase(path.join(work, 'import.sqlite'));
  migrate(importDb);
  const isql = new Sql(importDb);
  const imp = new RosterImportService(isql, clock);
  const p0 = performance.now();
  const { jobId } = imp.start('bench.xlsx', xlsx, true, actor);
  const ready = await imp.settled(jobId);
  const previewMs = performance.now() - p0;
  if (ready.progress.state !== 'done' || !ready.preview) throw new Error(`import preview failed: ${ready.progress.message}`);
  figures.push(single('import 50,000-row XLSX: preview', `${(xlsx.length / 1024 / 1024).toFixed(1)} MB file, ${ready.preview.summary.new} new`, previewMs, 10_000));
  const c0 = performance.now();
  const committed = await imp.commit(jobId, false, actor);
  figures.push(single('import 50,000-row XLSX: commit', `${committed.result?.inserted ?? 0} inserted, in chunks of ≤ 5,000 rows / ~100 ms, synchronous=FULL`, performance.now() - c0, 5_000));
  importDb.close();

  // 3. start-up: open (pragmas) + quick_check + migrate check of a ~100 MB store
  const big = path.join(work, 'big');
  fs.mkdirSync(big, { recursive: true });
  fs.copyFileSync(core.dbFile, path.join(big, 'lobbydesk.sqlite'));
  await core.close();
  {
    const db = openDatabase(path.join(big, 'lobbydesk.sqlite'));
    const sql = new Sql(db);
    const note = '收费 物业费 2026-01 至 2026-12 现金 找零 收据 '.repeat(6);
    while (fs.statSync(path.join(big, 'lobbydesk.sqlite')).size + (fs.existsSync(path.join(big, 'lobbydesk.sqlite-wal')) ? fs.statSync(path.join(big, 'lobbydesk.sqlite-wal')).size : 0) < 100 * 1024 * 1024) {
      sql.tx(() => {
        for (let i = 0; i < 20_000; i++) appendAudit(sql, clock, { operatorId: 1, action: 'fee.collect', entity: 'receipt', entityId: i, detail: { amountFen: i * 7, note } });
      });
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    db.close();
  }
  const bytes = fs.statSync(path.join(big, 'lobbydesk.sqlite')).size;
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const a = performance.now();
    const db = openDatabase(path.join(big, 'lobbydesk.sqlite'));
    const problems = quickCheck(db);
    migrate(db);
    opens.push(performance.now() - a);
    db.close();
    if (problems.length) throw new Error(problems.join('; '));
  }
  figures.push(summarise('start-up open + quick_check', `${(bytes / 1024 / 1024).toFixed(0)} MB store, 5 runs`, opens, 500));
  const c = performance.now();
  const full = await AppCore.open({ dataDir: big, clock, log: silentLogger });
  figures.push(single('start-up AppCore.open (open, check, migrate, services)', `${(bytes / 1024 / 1024).toFixed(0)} MB store`, performance.now() - c, 1_000));
  await full.close();
  return figures;
}
