import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppCore } from '../../src-main/compose';
import { ManualClock } from '../../src-main/lib/clock';
import { silentLogger } from '../../src-main/lib/log';
import * as roster from '../../src-main/features/roster/roster.repo';
import { CONCRETE_CARD_FORMATS, formatCardNumber } from '@shared/card-number';
import { single, summarise, type Figure } from './stats';

const CARDS = 200_000;
const ROOMS = 2_000;
const LOOKUPS = 3_000;

/**
 * Card lookup at 200,000 cards (a large estate's cards over the years, 10% of them lost, blacklisted or returned):
 * cards seeded with random 32-bit numbers by one INSERT … SELECT, then `cards.lookup` through the IPC dispatcher
 * (zod, session check, every reading of the number, index on the 24-bit key, sameCard refinement, views) with
 * numbers of existing cards printed in a random reader format (dec10, dec8, W26, hex8, hex10 …) and 10% misses.
 */
export async function cardsBenchmarks(work: string): Promise<Figure[]> {
  const dataDir = path.join(work, 'cards');
  fs.mkdirSync(dataDir, { recursive: true });
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: { ln: 10, r: 8, p: 1 } });
  const c = { clientId: 'bench' };
  const call = async <T = unknown>(ch: string, input: unknown): Promise<T> => {
    const r = await core.dispatch(ch, input, c);
    if (!r.ok) throw new Error(`${ch}: ${r.error.message}`);
    return r.value as T;
  };
  await call('system.setup', { propertyName: '基准花园', terminalId: 'T01', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' }, demoData: false });
  await call('auth.login', { username: 'bench', password: 'bench-pass-1' });
  await call('settings.update', { propertyName: '基准花园', idleLockMinutes: 240 });
  const s = core.need();
  s.sql.tx(() => {
    for (let b = 1; b <= 20; b++) {
      const bid = roster.insertBuilding(s.sql, { code: String(b), name: `${b}栋`, at: 'now' });
      for (let u = 1; u <= 2; u++) {
        const uid = roster.insertUnit(s.sql, bid, String(u));
        for (let k = 0; k < ROOMS / 40; k++) {
          const number = `${Math.floor(k / 4) + 1}0${(k % 4) + 1}`;
          roster.insertRoom(s.sql, { unitId: uid, number, code: `${b}-${u}-${number}`, areaCm2: 8950, at: 'now' });
        }
      }
    }
  });

  const t0 = performance.now();
  s.db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CARDS}),
    v AS MATERIALIZED (SELECT i, (abs(random()) % 4294967296) AS v32 FROM n)
    INSERT INTO cards (raw, format, match_key, value32, prefix8, type, function_name, room_id, holder_name, status, deposit_fen, issued_at, issued_by)
    SELECT printf('%010d', v32), 'dec10', printf('%06x', v32 & 16777215), v32, NULL,
           CASE WHEN i % 7 = 0 THEN 'function' ELSE 'access' END, CASE WHEN i % 7 = 0 THEN '中水卡' ELSE '' END,
           1 + (i % ${ROOMS}), '住户' || i,
           CASE WHEN i % 10 = 1 THEN 'lost' WHEN i % 20 = 2 THEN 'returned' ELSE 'active' END,
           5000, '2022-01-01T00:00:00.000Z', 1
    FROM v;
  `);
  // no ANALYZE: the counter's store never has statistics (docs/decisions.md), so neither does the benchmark
  const seedMs = performance.now() - t0;

  const sample = s.db.prepare('SELECT value32 FROM cards ORDER BY random() LIMIT ?').all(LOOKUPS) as Array<{ value32: number }>;
  const numbers = sample.map(({ value32 }, i) => {
    if (i % 10 === 9) return String((value32 ^ 0x5a5a5a) >>> 0).padStart(10, '0'); // a miss (different low bits)
    const f = CONCRETE_CARD_FORMATS[i % CONCRETE_CARD_FORMATS.length] as (typeof CONCRETE_CARD_FORMATS)[number];
    return formatCardNumber({ w24: value32 & 0xffffff, value32, prefix8: f === 'hex10' ? 1 : null }, f) ?? String(value32);
  });
  for (const n of numbers.slice(0, 50)) await call('cards.lookup', { number: n }); // warm the statement cache
  const samples: number[] = [];
  let found = 0;
  for (const n of numbers) {
    const a = performance.now();
    const r = await call<unknown[]>('cards.lookup', { number: n });
    samples.push(performance.now() - a);
    if (r.length) found++;
  }
  const direct: number[] = [];
  for (const n of numbers) {
    const a = performance.now();
    s.cards.lookup(n);
    direct.push(performance.now() - a);
  }
  await core.close();
  console.log(`  cards: seeded ${CARDS.toLocaleString()} in ${Math.round(seedMs)} ms; ${found}/${LOOKUPS} lookups found a card`);
  return [
    single('cards: seed 200,000 cards', 'INSERT … SELECT (no ANALYZE, as in production)', seedMs, 60_000),
    summarise('cards: CardsService.lookup alone', `${CARDS.toLocaleString()} cards, same numbers, no IPC`, direct, 5),
    summarise('cards.lookup by any format', `${CARDS.toLocaleString()} cards, ${LOOKUPS} numbers in 7 reader formats, 10% misses, via IPC dispatch`, samples, 5),
  ];
}
