import { performance } from 'node:perf_hooks';
import { ManualClock } from '../../src-main/lib/clock';
import { benchCore, seedRooms } from './seed';
import { single, summarise, type Figure } from './stats';

const EXISTING = 1_000_000;
const ON_SITE = 500;
const ROOMS = 2_000;
/** distinct visitors over the two years: most come back several times */
const PEOPLE = 200_000;
const CHECK_INS = 1_000;
const LOOKUPS = 2_000;
const LISTS = 300;
const NOW = '2026-11-23T02:00:00.000Z';

/**
 * Visitors at scale: two years of a busy lobby (1,000,000 visits with their personal rows and visitor passes,
 * the last 500 still on site) written with INSERT … SELECT over a recursive CTE, then through the IPC dispatcher:
 * the on-site list (在场访客, 500 on site), the returning-visitor lookup (name + phone last four), walk-up
 * check-ins → the pass's printer bytes, and finally the retention job erasing everything older than 90 days
 * (about 880,000 personal rows) in chunks, with the event loop's longest stall measured while it runs.
 */
export async function visitorsBenchmarks(work: string): Promise<Figure[]> {
  const clock = new ManualClock(NOW);
  const { core, call, s } = await benchCore(work, 'visitors', clock);
  const roomIds = seedRooms(s, ROOMS);

  // two years, one visit every ~63 s; each visitor k = n % PEOPLE (name 访客k, phone 139 + k, the same last four);
  // a visit lasts an hour, its pass 4 hours; the last 500 are on site (in the last ~9 hours)
  const t0 = performance.now();
  const end = Date.parse(NOW) / 1000 - 60;
  const step = (730 * 86_400) / EXISTING;
  const start = end - EXISTING * step;
  const tables = ['visitor_personal', 'visits', 'pass_issues'];
  const indexes = s.db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${tables.map(() => '?').join(', ')}) AND sql IS NOT NULL`)
    .all(...tables) as Array<{ name: string; sql: string }>;
  const at = (offset: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', :start + n * :step${offset}, 'unixepoch')`;
  const onSite = `n >= :total - :onsite`;
  s.db.transaction(() => {
    for (const ix of indexes) s.db.exec(`DROP INDEX ${ix.name}`);
    const seq = `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < :total)`;
    const params = { total: EXISTING, onsite: ON_SITE, people: PEOPLE, start, step };
    s.db
      .prepare(
        `${seq} INSERT INTO visitor_personal (id, kind, name, phone, phone_last4, doc_type, doc_last4, plate, retain_from, created_at)
         SELECT n + 1, 'visit', '访客' || printf('%d', n % :people), '139' || printf('%08d', n % :people), printf('%04d', (n % :people) % 10000), 'id_card',
                printf('%04d', (n * 7) % 10000), CASE WHEN n % 5 = 0 THEN '京A' || printf('%05d', n % 100000) END, ${at(' + 14400')}, ${at('')}
         FROM seq`,
      )
      .run(params);
    s.db
      .prepare(
        `${seq} INSERT INTO visits (id, personal_id, party_size, purpose, room_id, zones, consent, consent_phone_masked, status, checked_in_at, checked_in_by,
                                   valid_until, checked_out_at, checked_out_by, checkout_method)
         SELECT n + 1, n + 1, 1 + n % 3, 'friend', :room0 + n % :rooms, '["' || printf('%d', 1 + (n % :rooms) / 100) || '"]', 'phone', '138****5678',
                CASE WHEN ${onSite} THEN 'on_site' ELSE 'checked_out' END, ${at('')}, 1, ${at(' + 14400')},
                CASE WHEN ${onSite} THEN NULL ELSE ${at(' + 3600')} END, CASE WHEN ${onSite} THEN NULL ELSE 1 END, CASE WHEN ${onSite} THEN NULL ELSE 'scan' END
         FROM seq`,
      )
      .run({ ...params, room0: roomIds[0], rooms: ROOMS });
    s.db
      .prepare(
        `${seq} INSERT INTO pass_issues (pass_no, kind, terminal_id, seq, visit_id, personal_id, room_id, zones, valid_from, valid_until, issued_at, issued_by, status, closed_at, closed_by)
         SELECT 'T01-V' || printf('%07d', n + 1), 'visitor', 'T01', n + 1, n + 1, n + 1, :room0 + n % :rooms, '["' || printf('%d', 1 + (n % :rooms) / 100) || '"]',
                ${at('')}, ${at(' + 14400')}, ${at('')}, 1, CASE WHEN ${onSite} THEN 'valid' ELSE 'returned' END,
                CASE WHEN ${onSite} THEN NULL ELSE ${at(' + 3600')} END, CASE WHEN ${onSite} THEN NULL ELSE 1 END
         FROM seq`,
      )
      .run({ ...params, room0: roomIds[0], rooms: ROOMS });
    s.db.prepare("INSERT OR REPLACE INTO counters (name, value) VALUES ('pass:V:T01', ?)").run(EXISTING);
    for (const ix of indexes) s.db.exec(ix.sql);
    // the history stands for rows written over two years, each stamped then: this connection's ledger marks of the
    // bulk insert are dropped, or the first check-in below would stamp a million rows
    s.db.exec('DELETE FROM temp.ledger_dirty');
  })();
  // no ANALYZE: the counter's store never has statistics (docs/decisions.md), so neither does the benchmark
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  const seedMs = performance.now() - t0;
  console.log(`  visitors: seeded ${EXISTING.toLocaleString()} visits in ${Math.round(seedMs)} ms`);
  const figures: Figure[] = [single('visitors: seed 1,000,000 visits', 'personal rows, visits and passes, INSERT … SELECT', seedMs, 120_000)];

  // 在场访客 with 500 on site (the guard's screen polls it)
  for (let i = 0; i < 10; i++) await call('visitors.onSite', {});
  const lists: number[] = [];
  let shown = 0;
  for (let i = 0; i < LISTS; i++) {
    const a = performance.now();
    shown = (await call<{ visits: number }>('visitors.onSite', {})).visits;
    lists.push(performance.now() - a);
  }
  if (shown !== ON_SITE) throw new Error(`on site: ${shown}`);
  figures.push(summarise('visitors.onSite (在场访客)', `${ON_SITE} on site of ${EXISTING.toLocaleString()} visits, via IPC`, lists, 10));

  // returning visitors: name + phone last four, 10% never seen
  const lookups: number[] = [];
  let found = 0;
  for (let i = 0; i < LOOKUPS; i++) {
    const k = (i * 7919) % PEOPLE;
    const name = i % 10 === 9 ? `新客${i}` : `访客${k}`;
    const a = performance.now();
    const r = await call<unknown>('visitors.returning', { name, phoneLast4: String(k % 10_000).padStart(4, '0') });
    lookups.push(performance.now() - a);
    if (r) found++;
  }
  figures.push(summarise('visitors.returning (name + phone last four)', `${PEOPLE.toLocaleString()} visitors with ~5 visits each, ${LOOKUPS.toLocaleString()} lookups (${found} found), via IPC`, lookups, 10));

  // walk-up check-ins: dispatch (zod, refusal list, room, personal row, visit, gapless number, audit) → the pass's bytes
  const checkIns: number[] = [];
  const checkInOnly: number[] = [];
  for (let i = 0; i < CHECK_INS; i++) {
    const k = (i * 104_729) % PEOPLE;
    const a = performance.now();
    const r = await call<{ pass: { id: number } }>('visitors.checkIn', {
      requestId: `bench-visit-${String(i).padStart(6, '0')}`,
      visitorName: `访客${k}`,
      phone: `139${String(k).padStart(8, '0')}`,
      docType: 'id_card',
      docLast4: String(i % 10_000).padStart(4, '0'),
      partySize: 1 + (i % 3),
      plate: i % 4 === 0 ? `京A${String(10_000 + i).slice(-5)}` : undefined,
      purpose: 'friend',
      roomId: roomIds[(i * 37) % roomIds.length],
      consent: 'phone',
      consentPhone: '13812345678',
    });
    checkInOnly.push(performance.now() - a);
    const bytes = s.visitors.passes.render(r.pass.id).bytes;
    if (bytes.length < 100) throw new Error('pass too short');
    checkIns.push(performance.now() - a);
    clock.advance(20_000);
  }
  figures.push(summarise('check-in → pass bytes', `${EXISTING.toLocaleString()} visits on file, ${CHECK_INS.toLocaleString()} walk-ups via IPC + the pass rendered (80 mm, CODE128), synchronous=FULL`, checkIns, 30));
  figures.push(summarise('visitors.checkIn only', 'same check-ins', checkInOnly, 30));
  await call('visitors.checkOutBulk', { reason: '基准测试结束' });

  // the retention job over the whole file: everything older than 90 days, in chunks; the loop's longest stall meanwhile
  const gaps: number[] = [];
  let last = performance.now();
  let probing = true;
  const probe = () => {
    const t = performance.now();
    gaps.push(t - last);
    last = t;
    if (probing) setImmediate(probe);
  };
  setImmediate(probe);
  const r0 = performance.now();
  const erased = await s.visitors.retention.run();
  const retentionMs = performance.now() - r0;
  probing = false;
  const chunks = (s.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'visitor.erase'").get() as { n: number }).n;
  console.log(`  visitors: retention erased ${erased.erased.toLocaleString()} in ${chunks} chunks, ${Math.round(retentionMs)} ms`);
  figures.push(single('retention job (visitor personal data)', `${erased.erased.toLocaleString()} of ${EXISTING.toLocaleString()} visits past 90 days, ${chunks} chunks of ≤ 250, synchronous=FULL`, retentionMs, 60_000));
  figures.push(summarise('event loop between retention chunks', `${gaps.length.toLocaleString()} turns while the job ran (each gap ≈ one chunk)`, gaps, 50));
  await core.close();
  return figures;
}
