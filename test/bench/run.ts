import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rosterBenchmarks } from './roster.bench';
import { uiBenchmarks } from './ui.bench';
import { feesBenchmarks } from './fees.bench';
import { parcelsBenchmarks } from './parcels.bench';
import { writeResults, type Figure } from './stats';

/**
 * `npm run bench`: benchmarks at realistic scale. Figures go to bench/results.json and bench/results.md;
 * budgets are reported there (and in the issue notes), never asserted in unit tests.
 */
async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-bench-'));
  const figures: Figure[] = [];
  const onlyFees = process.argv.includes('--only-fees');
  const onlyParcels = process.argv.includes('--only-parcels');
  if (!onlyFees && !onlyParcels) {
    console.log('roster benchmarks…');
    figures.push(...(await rosterBenchmarks(work)));
  }
  if (!onlyParcels) {
    console.log('fees benchmarks…');
    figures.push(...(await feesBenchmarks(work)));
  }
  if (!onlyFees) {
    console.log('parcels benchmarks…');
    figures.push(...(await parcelsBenchmarks(work)));
  }
  if (process.argv.includes('--no-ui') || onlyFees || onlyParcels) console.log('UI benchmark skipped (--no-ui)');
  else {
    console.log('UI benchmark (Chromium)…');
    figures.push(...(await uiBenchmarks(work)));
  }
  const md = writeResults(figures);
  console.log(fs.readFileSync(md, 'utf8'));
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
