import { performance } from 'node:perf_hooks';
import { ManualClock } from '../../src-main/lib/clock';
import { CONCRETE_CARD_FORMATS, formatCardNumber } from '@shared/card-number';
import { benchCore, seedRooms } from './seed';
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
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const { core, call, s } = await benchCore(work, 'cards', clock);
  seedRooms(s, ROOMS);

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
