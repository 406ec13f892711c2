import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startReceiver } from '../../scripts/upstream-dev/receiver';
import { AppCore } from '../../src-main/compose';
import { ManualClock } from '../../src-main/lib/clock';
import { silentLogger } from '../../src-main/lib/log';
import { addDays } from '@shared/calendar';
import { buildDailySummary } from '../../src-main/sync/summary';
import { single, summarise, type Figure } from './stats';

const PARCELS = 1_000_000;
const SECRET = 'bench-head-office-secret-0123456789';

/**
 * The nightly summary at 5 years of data: the fees benchmark's store (500,000 receipts over 5 years, a busy
 * day of 2,000 more) plus 1,000,000 parcels over the same 5 years, then one day's summary built for days
 * spread over the 5 years, and a 30-day backlog built and delivered to the development receiver on a socket.
 */
export async function upstreamBenchmarks(work: string): Promise<Figure[]> {
  const dataDir = path.join(work, 'fees');
  if (!fs.existsSync(path.join(dataDir, 'lobbydesk.sqlite'))) throw new Error('the upstream benchmark runs on the fees benchmark’s store: run it after feesBenchmarks');
  const clock = new ManualClock('2026-11-23T12:00:00Z');
  const core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: { ln: 10, r: 8, p: 1 }, upstream: { maxCatchUpDays: 30, timeoutMs: 5000 } });
  const s = core.need();
  const db = s.db;

  const t0 = performance.now();
  const start = Date.parse('2021-11-24T02:00:00Z');
  const span = Date.parse('2026-11-23T02:00:00Z') - start;
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :total - 1)
       INSERT INTO parcels (waybill, carrier, recipient, pickup_code, status, intake_at, intake_by, updated_at, closed_at, closed_by, picked_at, collector, check_method, proxy)
       SELECT 'YT' || (2000000000000 + i), CASE i % 4 WHEN 0 THEN 'SF' WHEN 1 THEN 'ZTO' WHEN 2 THEN 'YD' ELSE 'JT' END, '',
              printf('%06d', (i * 7919) % 1000000),
              CASE WHEN i % 50 = 0 THEN 'returned' ELSE 'picked_up' END,
              strftime('%Y-%m-%dT%H:%M:%fZ', (:start + i * :step) / 1000.0, 'unixepoch'), 1,
              strftime('%Y-%m-%dT%H:%M:%fZ', (:start + i * :step + 86400000) / 1000.0, 'unixepoch'),
              strftime('%Y-%m-%dT%H:%M:%fZ', (:start + i * :step + 86400000) / 1000.0, 'unixepoch'), 1,
              CASE WHEN i % 50 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', (:start + i * :step + 86400000) / 1000.0, 'unixepoch') END,
              CASE WHEN i % 50 = 0 THEN NULL ELSE '本人' END, CASE WHEN i % 50 = 0 THEN NULL ELSE 'code' END, 0
         FROM n`,
    ).run({ total: PARCELS, start, step: Math.floor(span / PARCELS) });
  })();
  console.log(`  parcels: ${PARCELS.toLocaleString()} over 5 years in ${Math.round(performance.now() - t0)} ms`);
  // no ANALYZE: the counter's store never has statistics (docs/decisions.md), so neither does the benchmark

  // one day's summary, for days spread over the 5 years and the busy day itself
  const days = ['2026-11-23', '2026-11-22'];
  for (let k = 0; k < 38; k++) days.push(addDays('2021-11-25', k * 47));
  const build: number[] = [];
  for (const day of days) {
    const a = performance.now();
    buildDailySummary(s.sql, { terminalId: 'T01', propertyName: '基准花园', businessDate: day, cutoffHour: 4, timeZone: 'Asia/Shanghai', overdueDays: 3, generatedAt: clock.now() });
    build.push(performance.now() - a);
  }
  const figures = [summarise('daily summary build', `500,000 receipts + 1,000,000 parcels over 5 years; ${days.length} days across them`, build, 1000)];

  // the handover summary and the monthly report on the same 5 years
  const handover: number[] = [];
  const monthly: number[] = [];
  for (let i = 0; i < 20; i++) {
    const a = performance.now();
    s.handover.summary();
    handover.push(performance.now() - a);
    const m = performance.now();
    s.reports.period('month', addDays('2022-01-15', i * 91));
    monthly.push(performance.now() - m);
  }
  figures.push(summarise('handover summary', '5 years on file (cash, keys, cards, parcels, requests), 20 runs', handover, 200));
  figures.push(summarise('monthly report', '5 years on file, 20 months across them (~8,000 receipts and ~16,000 parcels each)', monthly, 500));

  // a 30-day backlog, built and delivered to the receiver on a real socket
  const receiver = await startReceiver({ secret: SECRET, now: () => clock.now().getTime() });
  const up = s.upstream;
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('upstream_settings', ?, 'now') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify({ enabled: true, url: receiver.url, sendTime: '04:30', cutoffHour: 4 }),
  );
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('upstream_secret', ?, 'now') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(`plain:${Buffer.from(SECRET).toString('base64')}`);
  clock.set('2026-12-24T02:00:00Z');
  const b = performance.now();
  const built = up.ensureDays();
  const buildMs = performance.now() - b;
  await up.drain();
  const backlogMs = performance.now() - b;
  console.log(`  backlog: built in ${Math.round(buildMs)} ms, delivered in ${Math.round(backlogMs - buildMs)} ms`);
  const delivered = up.history(100).filter((d) => d.status === 'delivered').length;
  console.log(`  backlog: ${built} days built, ${delivered} delivered, receiver holds ${receiver.received.size}`);
  if (delivered !== 30 || receiver.received.size !== 30) throw new Error(`backlog: ${delivered} delivered, ${receiver.received.size} received (want 30)`);
  figures.push(single('30-day backlog built and delivered', '30 business days to the development receiver on 127.0.0.1, signed, one at a time', backlogMs, 10_000));
  await receiver.stop();
  await core.close();
  return figures;
}
