import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rosterBenchmarks } from './roster.bench';
import { uiBenchmarks } from './ui.bench';
import { feesBenchmarks } from './fees.bench';
import { parcelsBenchmarks } from './parcels.bench';
import { upstreamBenchmarks } from './upstream.bench';
import { cardsBenchmarks } from './cards.bench';
import { parcelsUiBenchmarks } from './parcels-ui.bench';
import { importBenchmarks } from './import.bench';
import { startupBenchmarks } from './startup.bench';
import { visitorsBenchmarks } from './visitors.bench';
import { roomsBenchmarks } from './rooms.bench';
import { receivablesBenchmarks } from './receivables.bench';
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
  // the upstream benchmark runs on the fees benchmark's store, so --only-upstream runs both
  const onlyUpstream = process.argv.includes('--only-upstream');
  const onlyCards = process.argv.includes('--only-cards');
  // the roster keystroke-to-render in Chromium alone (50,000 demo residents)
  if (process.argv.includes('--only-ui')) {
    console.log('UI benchmark (Chromium)…');
    figures.push(...(await uiBenchmarks(work)));
    console.log(fs.readFileSync(writeResults(figures), 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  // from launch to the login screen in the browser host (host spawn, then a cold page), several runs
  if (process.argv.includes('--only-startup')) {
    console.log('startup benchmark (browser host, Chromium)…');
    figures.push(...(await startupBenchmarks(work)));
    console.log(fs.readFileSync(writeResults(figures), 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  // the scanner in Chromium alone: 5 scans a second for 60 s into the 入库 screen, then back-to-back bursts
  // (0 ms and 50 ms between scans) in 连续扫描 and one-by-one mode
  if (process.argv.includes('--only-scans')) {
    console.log('parcels scan benchmark (Chromium, 60 s, then bursts)…');
    figures.push(...(await parcelsUiBenchmarks(work)));
    const md = writeResults(figures);
    console.log(fs.readFileSync(md, 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  // roster import at the row limit through the built browser host: peak memory, times, calls answered meanwhile
  if (process.argv.includes('--only-import')) {
    console.log('roster import benchmark (200,000 and 2,000,000 rows, browser host)…');
    figures.push(...(await importBenchmarks(work)));
    console.log(fs.readFileSync(writeResults(figures), 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  // the visitor register at 1,000,000 visits: on-site list, returning lookup, check-in → pass bytes, the retention job
  if (process.argv.includes('--only-visitors')) {
    console.log('visitors benchmarks…');
    figures.push(...(await visitorsBenchmarks(work)));
    console.log(fs.readFileSync(writeResults(figures), 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  // the room file and occupancy statistics on a 50,000-resident store with 10 years of history per room
  if (process.argv.includes('--only-rooms')) {
    console.log('rooms benchmarks…');
    figures.push(...(await roomsBenchmarks(work)));
    console.log(fs.readFileSync(writeResults(figures), 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  if (process.argv.includes('--only-receivables')) {
    console.log('receivables benchmarks (50,000 rooms × 5 years × 3 items)…');
    figures.push(...(await receivablesBenchmarks(work)));
    const md = writeResults(figures);
    console.log(fs.readFileSync(md, 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  if (onlyCards) {
    console.log('cards benchmarks…');
    figures.push(...(await cardsBenchmarks(work)));
    const md = writeResults(figures);
    console.log(fs.readFileSync(md, 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  if (!onlyFees && !onlyParcels && !onlyUpstream) {
    console.log('roster benchmarks…');
    figures.push(...(await rosterBenchmarks(work)));
  }
  if (!onlyParcels) {
    console.log('fees benchmarks…');
    figures.push(...(await feesBenchmarks(work)));
  }
  if (!onlyParcels && !onlyFees) {
    console.log('upstream benchmarks…');
    figures.push(...(await upstreamBenchmarks(work)));
  }
  if (!onlyFees && !onlyUpstream) {
    console.log('parcels benchmarks…');
    figures.push(...(await parcelsBenchmarks(work)));
  }
  if (!onlyFees && !onlyParcels && !onlyUpstream) {
    console.log('cards benchmarks…');
    figures.push(...(await cardsBenchmarks(work)));
    console.log('visitors benchmarks…');
    figures.push(...(await visitorsBenchmarks(work)));
  }
  if (process.argv.includes('--no-ui') || onlyFees || onlyParcels || onlyUpstream) console.log('UI benchmark skipped (--no-ui)');
  else {
    console.log('UI benchmark (Chromium)…');
    figures.push(...(await uiBenchmarks(work)));
    console.log('parcels scan benchmark (Chromium, 60 s, then bursts)…');
    figures.push(...(await parcelsUiBenchmarks(work)));
  }
  const md = writeResults(figures);
  console.log(fs.readFileSync(md, 'utf8'));
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
