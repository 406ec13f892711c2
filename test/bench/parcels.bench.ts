import { performance } from 'node:perf_hooks';
import { ManualClock } from '../../src-main/lib/clock';
import { FakePrinterPort } from '../../src-main/devices/printer/fake';
import { benchCore, seedRooms } from './seed';
import { single, summarise, type Figure } from './stats';

const EXISTING = 1_000_000;
const IN_STOCK = 2_000;
const ROOMS = 2_000;
const INTAKES = 1_000;
const LOOKUPS = 2_000;

/**
 * Parcels at scale: five years of parcels (1,000,000, the last 2,000 still in stock) written with one
 * INSERT … SELECT over a recursive CTE, then real scans through the IPC dispatcher: detect → intake (zod,
 * duplicate check, pickup code, slot suggestion, audit row, notice, print job) → slip bytes; and pickup
 * lookups by room, by code, the overdue list and the daily view.
 */
export async function parcelsBenchmarks(work: string): Promise<Figure[]> {
  const clock = new ManualClock('2021-11-24T01:00:00Z');
  const printer = new FakePrinterPort();
  const { core, call, s } = await benchCore(work, 'parcels', clock, { printerPort: () => printer });
  const roomIds = seedRooms(s, ROOMS);
  for (let i = 0; i < 10; i++) await call('parcels.shelves.save', { code: String.fromCharCode(65 + i), name: '', slots: 100, active: true, sort: i });

  // five years of parcels in one statement: every 157.68 s one parcel, picked up a day later, except the last 2,000,
  // which are in stock in the first half of the rooms (so about half the scans below go to a room with no slot yet
  // and take the occupancy count)
  const t0 = performance.now();
  const start = Date.parse('2021-11-24T01:00:00Z') / 1000;
  const step = (5 * 365 * 86_400 - 3 * 86_400) / EXISTING;
  const firstRoom = roomIds[0] as number;
  // the parcel indexes are dropped for the bulk insert and built again after it (sorted builds are much faster)
  const indexes = s.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'parcels' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
  s.db.transaction(() => {
    for (const ix of indexes) s.db.exec(`DROP INDEX ${ix.name}`);
    s.db
      .prepare(
        `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < :total)
         INSERT INTO parcels (waybill, carrier, room_id, room_code, recipient, phone_last4, unlisted, shelf_id, slot, pickup_code, status, note,
                              intake_at, intake_by, updated_at, closed_at, closed_by, picked_at, collector, check_method, check_note, proxy)
         SELECT 'SF' || (1000000000000 + n), CASE n % 4 WHEN 0 THEN 'SF' WHEN 1 THEN 'ZTO' WHEN 2 THEN 'YD' ELSE 'JT' END,
                :room0 + n % (CASE WHEN n >= :total - :instock THEN :rooms / 2 ELSE :rooms END),
                (SELECT code FROM rooms WHERE id = :room0 + n % (CASE WHEN n >= :total - :instock THEN :rooms / 2 ELSE :rooms END)), '住户' || (n % :rooms), printf('%04d', n % 10000), 0,
                CASE WHEN n >= :total - :instock THEN 1 + n % 10 END, CASE WHEN n >= :total - :instock THEN 1 + (n / 10) % 100 END,
                printf('%06d', (n * 7919) % 1000000),
                CASE WHEN n >= :total - :instock THEN 'in_stock' ELSE 'picked_up' END, '',
                strftime('%Y-%m-%dT%H:%M:%fZ', :start + n * :step, 'unixepoch'), 1, strftime('%Y-%m-%dT%H:%M:%fZ', :start + n * :step, 'unixepoch'),
                CASE WHEN n < :total - :instock THEN strftime('%Y-%m-%dT%H:%M:%fZ', :start + n * :step + 86400, 'unixepoch') END,
                CASE WHEN n < :total - :instock THEN 1 END,
                CASE WHEN n < :total - :instock THEN strftime('%Y-%m-%dT%H:%M:%fZ', :start + n * :step + 86400, 'unixepoch') END,
                CASE WHEN n < :total - :instock THEN '' END, CASE WHEN n < :total - :instock THEN 'code' END,
                CASE WHEN n < :total - :instock THEN '' END, 0
         FROM seq`,
      )
      .run({ total: EXISTING, instock: IN_STOCK, rooms: ROOMS, room0: firstRoom, start, step });
    for (const ix of indexes) s.db.exec(ix.sql);
  })();
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  const seeded = (s.db.prepare('SELECT count(*) AS n FROM parcels').get() as { n: number }).n;
  console.log(`  history: ${seeded.toLocaleString()} parcels in ${Math.round(performance.now() - t0)} ms`);

  clock.set('2026-11-23T01:00:00Z');
  await call('auth.unlock', { password: 'bench-pass-1' });
  await call('printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: 9100, statusCheck: true }, width: 80, kickDrawer: false });

  // a 双11 morning: 1,000 scans, each detect → intake → slip bytes, through the dispatcher
  const scan: number[] = [];
  const intakeOnly: number[] = [];
  for (let i = 0; i < INTAKES; i++) {
    const waybill = i % 3 === 0 ? `YT${String(7500000000000 + i)}` : `JT${String(1000000 + i).padStart(13, '0')}`;
    const roomId = roomIds[(i * 37) % roomIds.length] as number;
    const a = performance.now();
    await call('parcels.detect', { waybill });
    const b = performance.now();
    const p = await call<{ id: number }>('parcels.intake', { requestId: `bench-scan-${i}-x`, waybill, roomId, recipient: '张伟' });
    intakeOnly.push(performance.now() - b);
    const bytes = s.parcels.slip(p.id).rendered.bytes;
    if (bytes.length < 100) throw new Error('slip too short');
    scan.push(performance.now() - a);
    clock.advance(20_000);
  }
  const figures: Figure[] = [
    summarise('parcel intake (scan → saved → slip bytes)', `${EXISTING.toLocaleString()} parcels on file, ${INTAKES.toLocaleString()} scans via IPC (detect + intake + slip), synchronous=FULL`, scan, 30),
    summarise('parcel intake (parcels.intake only)', 'same scans', intakeOnly, 30),
  ];

  // pickup lookups
  const byRoom: number[] = [];
  const byCode: number[] = [];
  const codes = (s.db.prepare("SELECT pickup_code FROM parcels WHERE status = 'in_stock' LIMIT 500").all() as Array<{ pickup_code: string }>).map((r) => r.pickup_code);
  for (let i = 0; i < LOOKUPS; i++) {
    const roomId = roomIds[(i * 7919) % roomIds.length] as number;
    const a = performance.now();
    await call('parcels.byRoom', { roomId });
    byRoom.push(performance.now() - a);
    const b = performance.now();
    await call('parcels.byCode', { code: codes[i % codes.length] });
    byCode.push(performance.now() - b);
  }
  figures.push(summarise('pickup lookup by room (parcels.byRoom via IPC)', `${EXISTING.toLocaleString()} parcels, ~${IN_STOCK + INTAKES} in stock, ${LOOKUPS.toLocaleString()} lookups`, byRoom, 10));
  figures.push(summarise('pickup lookup by code (parcels.byCode via IPC)', 'same', byCode, 10));
  let t = performance.now();
  const over = await call<unknown[]>('parcels.overdue', { limit: 500 });
  figures.push(single('overdue list (500 oldest)', `${over.length} overdue shown of ~${IN_STOCK} in stock`, performance.now() - t, 50));
  t = performance.now();
  await call('parcels.stats', {});
  figures.push(single('daily view (parcels.stats)', `${EXISTING.toLocaleString()} parcels on file`, performance.now() - t, 50));
  await s.print.stop();
  await core.close();
  return figures;
}
