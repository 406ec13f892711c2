import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppCore } from '../../src-main/compose';
import { installLedgerStamp, LEDGER_TABLES } from '../../src-main/db/ledger';
import { ManualClock } from '../../src-main/lib/clock';
import { silentLogger } from '../../src-main/lib/log';
import { monthIndex, monthOf, mulDiv } from '../../src-main/features/receivables/rules';
import { single, summarise, type Figure } from './stats';

const BUILDINGS = 20;
const UNITS = 5;
const PER_UNIT = 500; // 20 × 5 × 500 = 50,000 rooms
const FIRST = '2021-12';
const LAST = '2026-11'; // 60 months
/** share of rooms that owe something, and at most how many months */
const OWING = 0.08;
const MAX_OWED = 30;

/** a fixed pseudo-random sequence, so every run builds the same store */
function rng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/**
 * Receivables at scale: 50,000 rooms with 5 years of month charges on three items (物业费 by area with a rate change,
 * 车位管理费 and 垃圾清运费 per month): 9 million charge rows, settled by about 8.5 million allocation rows, 8% of rooms
 * owing 1–30 months. Written in bulk, then through the IPC dispatcher: a room's dues, the arrears list of one building
 * and of the property, the year's collection figures; and a month's charges written for every plan.
 */
export async function receivablesBenchmarks(work: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const push = (f: Figure) => {
    figures.push(f);
    console.log(JSON.stringify(f));
  };
  const dataDir = path.join(work, 'receivables');
  fs.mkdirSync(dataDir, { recursive: true });
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: { ln: 10, r: 8, p: 1 } });
  const ctx = { clientId: 'bench' };
  const call = async <T>(ch: string, input: unknown): Promise<T> => {
    const r = await core.dispatch(ch, input, ctx);
    if (!r.ok) throw new Error(`${ch}: ${r.error.message}`);
    return r.value as T;
  };
  await call('system.setup', { propertyName: '基准花园', terminalId: 'T01', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' }, demoData: false });
  await call('auth.login', { username: 'bench', password: 'bench-pass-1' });
  await call('settings.update', { propertyName: '基准花园', idleLockMinutes: 240 });
  const item = async (code: string, name: string, category: string, rule: string, price: number) =>
    (await call<{ id: number }>('fees.items.save', { code, name, category, rule, unitPriceFen: price, unitLabel: '月', refundable: false, active: true, sort: 0 })).id;
  const wyf = await item('WYF', '物业费', 'property', 'per_area_month', 250);
  const cwf = await item('CWF', '车位管理费', 'parking', 'per_month', 8000);
  const ljf = await item('LJF', '垃圾清运费', 'other', 'per_month', 1500);
  for (const id of [wyf, cwf, ljf]) await call('receivables.items.save', { itemId: id, sinceMonth: FIRST, vacancyApplies: id === wyf });
  await call('receivables.rates.add', { itemId: wyf, fromMonth: '2024-01', unitPriceFen: 280 });

  const s = core.need();
  const db = s.db;
  // bulk rows bypass the per-row ledger stamp (a bench store is never verified); it is put back afterwards
  for (const t of LEDGER_TABLES) for (const op of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS temp.ledger_mark_${t}_${op}`);
  const t0 = performance.now();
  const rand = rng(42);
  const months = Array.from({ length: monthIndex(LAST) - monthIndex(FIRST) + 1 }, (_, i) => monthOf(monthIndex(FIRST) + i));
  const rate = (m: string) => (m >= '2024-01' ? 280 : 250);
  const lineId = db.transaction(() => {
    const sid = Number(db.prepare("INSERT INTO cash_sessions (terminal_id, operator_id, opened_at, float_fen, float_detail, status, closed_at, expected_fen, counted_fen, variance_fen) VALUES ('T00', 1, ?, 0, '{}', 'handed_over', ?, 0, 0, 0)").run(clock.now().toISOString(), clock.now().toISOString()).lastInsertRowid);
    const rid = Number(db.prepare("INSERT INTO receipts (receipt_no, terminal_id, seq, kind, session_id, operator_id, issued_at, total_fen, request_id) VALUES ('T00-00000001', 'T00', 1, 'receipt', ?, 1, ?, 1, 'bench-1')").run(sid, clock.now().toISOString()).lastInsertRowid);
    return Number(db.prepare("INSERT INTO receipt_lines (receipt_id, line_no, name, category, amount_fen) VALUES (?, 1, '物业费', 'property', 1)").run(rid).lastInsertRowid);
  })();
  const insB = db.prepare("INSERT INTO buildings (code, name, created_at) VALUES (?, ?, 'now')");
  const insU = db.prepare('INSERT INTO units (building_id, code) VALUES (?, ?)');
  const insR = db.prepare("INSERT INTO rooms (unit_id, number, code, area_cm2, created_at) VALUES (?, ?, ?, ?, 'now')");
  const insP = db.prepare("INSERT INTO receivable_plans (room_id, building_id, item_id, start_month, quantity, source, generated_through, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 'import', ?, 'now', 'now')");
  const insC = db.prepare("INSERT INTO receivable_charges (room_id, building_id, item_id, kind, month, base_fen, amount_fen, settled_fen) VALUES (?, ?, ?, 'month', ?, ?, ?, ?)");
  const insA = db.prepare("INSERT INTO receivable_allocations (charge_id, receipt_line_id, amount_fen, at, room_id, building_id, item_id, kind, month) VALUES (?, ?, ?, ?, ?, ?, ?, 'month', ?)");
  const rooms: number[] = [];
  const owing: number[] = [];
  let charges = 0;
  for (let b = 1; b <= BUILDINGS; b++) {
    db.transaction(() => {
      const bid = Number(insB.run(String(b), `${b}栋`).lastInsertRowid);
      for (let u = 1; u <= UNITS; u++) {
        const uid = Number(insU.run(bid, String(u)).lastInsertRowid);
        for (let n = 1; n <= PER_UNIT; n++) {
          const area = 6000 + Math.floor(rand() * 9000);
          const rid = Number(insR.run(uid, String(n), `${b}-${u}-${n}`, area).lastInsertRowid);
          rooms.push(rid);
          const owed = rand() < OWING ? 1 + Math.floor(rand() * MAX_OWED) : 0;
          if (owed) owing.push(rid);
          for (const itemId of [wyf, cwf, ljf]) {
            insP.run(rid, bid, itemId, FIRST, LAST);
            months.forEach((m, i) => {
              const amount = itemId === wyf ? mulDiv(rate(m), area, 100) : itemId === cwf ? 8000 : 1500;
              const paid = i < months.length - owed;
              const cid = Number(insC.run(rid, bid, itemId, m, amount, amount, paid ? amount : 0).lastInsertRowid);
              // paid in the month itself, or (the last year) a year ahead in a lump
              if (paid) insA.run(cid, lineId, amount, `${m}-05T02:00:00.000Z`, rid, bid, itemId, m);
              charges++;
            });
          }
        }
      }
    })();
  }
  installLedgerStamp(s.sql, clock);
  const load = performance.now() - t0;
  db.pragma('optimize');
  push(single('receivables store written (bulk)', `${rooms.length.toLocaleString()} rooms × 3 items × ${months.length} months = ${charges.toLocaleString()} charges`, load, Number.POSITIVE_INFINITY));

  const dues: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const roomId = i % 5 === 0 ? (owing[Math.floor(rand() * owing.length)] as number) : (rooms[Math.floor(rand() * rooms.length)] as number);
    const a = performance.now();
    await call('receivables.dues', { roomId });
    dues.push(performance.now() - a);
  }
  push(summarise("a room's dues (receivables.dues via IPC)", `${charges.toLocaleString()} charges; 1,000 rooms, 1 in 5 owing`, dues, 10));

  const building: number[] = [];
  for (let i = 0; i < 20; i++) {
    const a = performance.now();
    await call('receivables.arrears', { buildingId: 1 + (i % BUILDINGS) });
    building.push(performance.now() - a);
  }
  push(summarise('arrears list of one building', `${owing.length.toLocaleString()} owing rooms in the property, 2,500 rooms a building`, building, 300));
  const property: number[] = [];
  for (let i = 0; i < 10; i++) {
    const a = performance.now();
    await call('receivables.arrears', {});
    property.push(performance.now() - a);
  }
  push(summarise('arrears list of the whole property (aging buckets, first 500 rows)', `${owing.length.toLocaleString()} owing rooms`, property, 300));
  const year: number[] = [];
  for (let i = 0; i < 10; i++) {
    const a = performance.now();
    await call('receivables.figures', { year: 2026 });
    year.push(performance.now() - a);
  }
  push(summarise('collection figures for a year (收缴率, 清欠, by building and item)', `${(rooms.length * 3 * 11).toLocaleString()} charges in the year`, year, 500));

  const collect: number[] = [];
  await call('cash.open', { count: { '10000': 5 } });
  for (let i = 0; i < 200; i++) {
    const roomId = owing[i] as number;
    const q = await call<{ totalFen: number }>('fees.quote', { roomId, lines: [{ itemId: ljf, months: 1 }] });
    const a = performance.now();
    await call('fees.collect', { requestId: `bench-collect-${i}`, roomId, lines: [{ itemId: ljf, months: 1 }], payments: [{ method: 'card', amountFen: q.totalFen, reference: 'POS-1234' }] });
    collect.push(performance.now() - a);
  }
  push(summarise('collect the oldest owed month (fees.collect via IPC)', 'same store, 200 owing rooms', collect, 50));

  clock.set('2026-12-02T02:00:00Z');
  const g = performance.now();
  const r = s.collections.generate('2026-12');
  push(single("a month's charges for all rooms written", `${r.plans.toLocaleString()} plans, ${r.charges.toLocaleString()} charges`, performance.now() - g, 10_000));
  await core.close();
  return figures;
}
