/**
 * npm run test:crash — kills a payment-collecting child with SIGKILL at random moments and checks the store
 * after every kill: nothing acknowledged lost, nothing partial, receipt numbers gapless, audit chain intact,
 * print jobs in place and none left 'printing' after a restart.
 *
 *   node --import tsx scripts/crash/run.ts [--kills 300] [--seed N] [--dir DIR] [--keep] [--window MS] [--no-overlap] [--json]
 *
 * Exits 1 on any failure, with the details.
 */
import { parseArgs } from 'node:util';
import { formatSummary, runCrash } from './harness';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '300' },
    seed: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    window: { type: 'string', default: '300' },
    'no-overlap': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const kills = Number(values.kills);
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed)) {
  console.error('usage: run.ts [--kills N] [--seed N] [--dir DIR] [--keep] [--window MS] [--no-overlap] [--json]');
  process.exit(2);
}

const summary = await runCrash({
  kills,
  seed,
  ...(values.dir ? { dataDir: values.dir } : {}),
  keep: values.keep,
  windowMs: Number(values.window),
  overlap: !values['no-overlap'],
  log: values.quiet ? () => {} : (line) => console.error(line),
});
console.log(values.json ? JSON.stringify(summary) : formatSummary(summary));
if (summary.failures.length) {
  console.error(`\nFAILED: ${summary.failures.length} problems (store kept in ${summary.dataDir}; re-run with --seed ${seed})`);
  process.exit(1);
}
