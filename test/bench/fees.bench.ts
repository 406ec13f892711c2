import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppCore } from '../../src-main/compose';
import { ManualClock } from '../../src-main/lib/clock';
import { silentLogger } from '../../src-main/lib/log';
import * as roster from '../../src-main/features/roster/roster.repo';
import { receiptDoc } from '../../src-main/features/printing/print-docs';
import { renderReceipt } from '../../src-main/devices/printer/receipt';
import { FakePrinterPort } from '../../src-main/devices/printer/fake';
import { single, summarise, type Figure } from './stats';

const EXISTING = 500_000;
const DAYS = 5 * 365;

/**
 * Payments at scale: 5 years of history (500,000 receipts in 1,825 daily sessions) written in bulk, then
 * real collects through the IPC dispatcher (zod, pricing, gapless number, audit row, print job), the
 * receipt laid out for the printer, and a busy day's close (2,000 receipts in one session).
 */
export async function feesBenchmarks(work: string): Promise<Figure[]> {
  const dataDir = path.join(work, 'fees');
  fs.mkdirSync(dataDir, { recursive: true });
  const clock = new ManualClock('2021-11-24T01:00:00Z');
  const printer = new FakePrinterPort();
  const core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: { ln: 10, r: 8, p: 1 }, printerPort: () => printer });
  const c = { clientId: 'bench' };
  const call = async (ch: string, input: unknown) => {
    const r = await core.dispatch(ch, input, c);
    if (!r.ok) throw new Error(`${ch}: ${r.error.message}`);
    return r.value as never;
  };
  await call('system.setup', { propertyName: '基准花园', terminalId: 'T01', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' }, demoData: false });
  await call('auth.login', { username: 'bench', password: 'bench-pass-1' });
  await call('settings.update', { propertyName: '基准花园', idleLockMinutes: 240 });
  const s = core.need();
  const roomId = s.sql.tx(() => {
    const b = roster.insertBuilding(s.sql, { code: '3', name: '3栋', at: 'now' });
    const u = roster.insertUnit(s.sql, b, '2');
    return roster.insertRoom(s.sql, { unitId: u, number: '501', code: '3-2-501', areaCm2: 8950, at: 'now' });
  });
  const property: { id: number } = await call('fees.items.save', { code: 'WYF', name: '物业费', category: 'property', rule: 'per_area_month', unitPriceFen: 250, unitLabel: '月', refundable: false, active: true, sort: 0 });
  const parking: { id: number } = await call('fees.items.save', { code: 'TCF', name: '停车费', category: 'parking', rule: 'per_month', unitPriceFen: 30000, unitLabel: '月', refundable: false, active: true, sort: 1 });

  // 5 years of history, in bulk
  const t0 = performance.now();
  const db = s.db;
  const insS = db.prepare("INSERT INTO cash_sessions (terminal_id, operator_id, opened_at, float_fen, float_detail, status, closed_at, expected_fen, counted_fen, variance_fen) VALUES ('T01', 1, ?, 50000, '{}', 'handed_over', ?, 0, 0, 0)");
  const insR = db.prepare("INSERT INTO receipts (receipt_no, terminal_id, seq, kind, session_id, operator_id, room_id, room_code, issued_at, total_fen, request_id) VALUES (?, 'T01', ?, 'receipt', ?, 1, ?, '3-2-501', ?, ?, ?)");
  const insL = db.prepare("INSERT INTO receipt_lines (receipt_id, line_no, fee_item_id, name, category, detail, quantity, amount_fen) VALUES (?, 1, ?, '物业费', 'property', '2021-01 至 2021-03', '3个月', ?)");
  const insP = db.prepare("INSERT INTO payments (receipt_id, method, amount_fen, received_fen, change_fen) VALUES (?, 'cash', ?, ?, 0)");
  const perDay = Math.ceil(EXISTING / DAYS);
  let seq = 0;
  const start = new Date('2021-11-24T01:00:00Z').getTime();
  for (let day = 0; day < DAYS && seq < EXISTING; day += 30) {
    db.transaction(() => {
      for (let d = day; d < Math.min(day + 30, DAYS) && seq < EXISTING; d++) {
        const at = new Date(start + d * 86_400_000).toISOString();
        const sid = Number(insS.run(at, at).lastInsertRowid);
        for (let k = 0; k < perDay && seq < EXISTING; k++) {
          seq++;
          const amount = 67125 + (seq % 7) * 100;
          const rid = Number(insR.run(`T01-${String(seq).padStart(8, '0')}`, seq, sid, roomId, at, amount, `bulk-${seq}`).lastInsertRowid);
          insL.run(rid, property.id, amount);
          insP.run(rid, amount, amount);
        }
      }
    })();
  }
  db.prepare("INSERT INTO counters (name, value) VALUES ('receipt:T01', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value").run(seq);
  console.log(`  history: ${seq.toLocaleString()} receipts in ${Math.round(performance.now() - t0)} ms`);
  clock.set('2026-11-23T01:00:00Z');
  await call('auth.unlock', { password: 'bench-pass-1' });
  await call('printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: 9100, statusCheck: true }, width: 80, kickDrawer: true });
  await call('cash.open', { count: { '10000': 5 } });

  // a busy day: 2,000 real collects, each through the dispatcher
  const commit: number[] = [];
  const encode: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const cash = i % 3 !== 0;
    const lines = [{ itemId: property.id, months: 1 + (i % 12), from: '2026-01' }, ...(i % 4 === 0 ? [{ itemId: parking.id, months: 1 }] : [])];
    // the counter screen always has the quote before the payer pays
    const q: { totalFen: number } = await call('fees.quote', { roomId, lines });
    const a = performance.now();
    const r: { id: number } = await call('fees.collect', {
      requestId: `bench-request-${i}`,
      roomId,
      lines,
      payments: [cash ? { method: 'cash', amountFen: q.totalFen, receivedFen: q.totalFen + 1000 } : { method: 'wechat', amountFen: q.totalFen, reference: `13${String(i).padStart(16, '0')}` }],
    });
    commit.push(performance.now() - a);
    const e = performance.now();
    renderReceipt(receiptDoc(s.sql, r.id, '基准花园'), { width: 80 });
    encode.push(performance.now() - e);
    clock.advance(15_000);
  }
  await s.print.stop();
  const figures = [
    summarise('payment commit (fees.collect via IPC)', `${EXISTING.toLocaleString()} receipts on file, 2,000 collects, synchronous=FULL`, commit, 20),
    summarise('receipt encode (receiptline, 80 mm)', 'same receipts', encode, 5),
  ];
  // the count is deliberately off (the float only), so the close needs a supervisor: time the approved close
  await call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: 'zhao-pass-123' });
  const sid = (await call('cash.current', {}) as { id: number }).id;
  const ap: { approvalId: string } = await call('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action: 'cash.variance', subject: String(sid), reason: '基准测试' });
  const c1 = performance.now();
  await call('cash.close', { count: { '10000': 5 }, approvalId: ap.approvalId });
  figures.push(single('session close (busy day)', '2,000 receipts in the session, slip totals included', performance.now() - c1, 200));
  await core.close();
  return figures;
}
