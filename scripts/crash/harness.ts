/**
 * The crash test's parent: runs the payment child (child.ts) on one data directory, kills it with SIGKILL
 * at random moments — mostly while it is collecting, some while it is starting, opening or migrating the
 * store — and after every kill checks the store against what the child had acknowledged (check.ts).
 *
 * The child is bundled once with esbuild (tsx would spend over a second per start compiling the core);
 * the bundle imports better-sqlite3 from this repo's node_modules by absolute path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { AppCore } from '../../src-main/compose';
import { silentLogger } from '../../src-main/lib/log';
import { checkStore, closeSnapshot, openSnapshot, type AckedReceipt, type CheckResult } from './check';
import { CRASH_COST, mulberry32, type ChildMessage, type Pending, type Phase } from './protocol';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface CrashOptions {
  kills: number;
  seed: number;
  /** data directory (default: a new temp dir, removed after a run without failures unless keep) */
  dataDir?: string;
  keep?: boolean;
  /** longest wait after 'ready' before a collecting-phase kill, ms */
  windowMs?: number;
  /** check a snapshot while the next child starts (not for kills aimed at start-up, whose timing it would blur) */
  overlap?: boolean;
  log?: (line: string) => void;
}

type Plan = 'spawn' | 'open' | 'collect';
type KillPhase = Phase | 'spawned' | 'exited';

export interface CrashSummary {
  seed: number;
  dataDir: string;
  kills: number;
  cycles: number;
  receipts: number;
  voids: number;
  acknowledged: number;
  committedUnacknowledged: number;
  resends: { collect: number; void: number; foundExisting: number };
  printing: { seenAtKill: number; interruptedOnRestart: number };
  /** where the kills landed: the child's last reported phase, and whether an op was in flight */
  phases: Record<string, number>;
  plans: Record<Plan, number>;
  migrationsInterrupted: number;
  auditRows: number;
  jobs: Record<string, number>;
  failures: string[];
  timing: { totalMs: number; perKillMs: number; checkMsTotal: number; checkMsMax: number; spawnToReadyMsAvg: number };
}

interface ChildRun {
  proc: ChildProcess;
  spawnedAt: number;
  phase: KillPhase;
  reachedOpen: boolean;
  readyAt: number | null;
  lastAttempt: (Pending & { resend: boolean }) | null;
  messages: ChildMessage[];
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  onMessage: ((m: ChildMessage) => void) | null;
}

let bundleCache: Promise<string> | null = null;

/** Bundles child.ts into one ESM file (packages inlined but better-sqlite3, which is native). */
export function bundleChild(): Promise<string> {
  bundleCache ??= (async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-crash-bundle-'));
    const outfile = path.join(outDir, 'child.mjs');
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    await build({
      entryPoints: [path.join(HERE, 'child.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      // CommonJS packages inside an ESM bundle still call require() for Node built-ins
      banner: { js: "import { createRequire as __crashRequire } from 'node:module'; const require = __crashRequire(import.meta.url);" },
      plugins: [{ name: 'native', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    });
    return outfile;
  })();
  return bundleCache;
}

function startChild(bundle: string, args: string[]): ChildRun {
  const proc = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: ChildRun = {
    proc,
    spawnedAt: performance.now(),
    phase: 'spawned',
    reachedOpen: false,
    readyAt: null,
    lastAttempt: null,
    messages: [],
    stderr: '',
    exited: new Promise((resolve) => proc.on('close', (code, signal) => resolve({ code, signal }))),
    onMessage: null,
  };
  let buf = '';
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      let m: ChildMessage;
      try {
        m = JSON.parse(line) as ChildMessage;
      } catch {
        m = { t: 'fatal', message: `unparseable line from child: ${line}` };
      }
      run.messages.push(m);
      if (m.t === 'phase') {
        run.phase = m.p;
        if (m.p === 'open-done') run.reachedOpen = true;
        if (m.p === 'ready') run.readyAt = performance.now();
      } else if (m.t === 'attempt') {
        run.lastAttempt = m;
      }
      run.onMessage?.(m);
    }
  });
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (chunk: string) => {
    run.stderr = (run.stderr + chunk).slice(-4000);
  });
  return run;
}

export async function runCrash(opts: CrashOptions): Promise<CrashSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const rnd = mulberry32(opts.seed);
  const windowMs = opts.windowMs ?? 300;
  const overlap = opts.overlap ?? true;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-crash-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, 'lobbydesk.sqlite');
  const bundle = await bundleChild();
  const tag = `s${opts.seed}`;

  const acked = new Map<string, AckedReceipt>();
  const seen = new Map<string, string>();
  let printingBefore = new Set<number>();
  let pending: Pending | null = null;
  let nextN = 1;
  const s: CrashSummary = {
    seed: opts.seed,
    dataDir,
    kills: 0,
    cycles: 0,
    receipts: 0,
    voids: 0,
    acknowledged: 0,
    committedUnacknowledged: 0,
    resends: { collect: 0, void: 0, foundExisting: 0 },
    printing: { seenAtKill: 0, interruptedOnRestart: 0 },
    phases: {},
    plans: { spawn: 0, open: 0, collect: 0 },
    migrationsInterrupted: 0,
    auditRows: 0,
    jobs: {},
    failures: [],
    timing: { totalMs: 0, perKillMs: 0, checkMsTotal: 0, checkMsMax: 0, spawnToReadyMsAvg: 0 },
  };
  const fail = (cycle: number, m: string) => {
    if (s.failures.length < 500) s.failures.push(`kill ${cycle}: ${m}`);
    log(`FAIL kill ${cycle}: ${m}`);
  };
  let readyAvg = 700;
  let readySamples = 0;
  let readySum = 0;
  /** what the previous check found about the request now being re-sent */
  let resendExpect: { pending: Pending; committedNo: string | null } | null = null;
  const countedCommitted = new Set<number>();

  const runCheck = (cycle: number, snap: ReturnType<typeof openSnapshot>, reopenedSince: boolean): CheckResult => {
    const c0 = performance.now();
    const r = checkStore(snap, { acked, pending, seen, printingBefore, reopenedSince });
    if (snap) closeSnapshot(snap);
    const ms = performance.now() - c0;
    s.timing.checkMsTotal += ms;
    s.timing.checkMsMax = Math.max(s.timing.checkMsMax, ms);
    for (const f of r.failures) fail(cycle, f);
    if (reopenedSince) {
      s.printing.interruptedOnRestart += printingBefore.size;
      printingBefore = new Set(r.printing);
    } else {
      for (const id of r.printing) printingBefore.add(id);
    }
    s.printing.seenAtKill += r.printing.length;
    for (const [no, fp] of r.fingerprints) seen.set(no, fp);
    if (r.pendingCommitted && pending && !countedCommitted.has(pending.n)) {
      countedCommitted.add(pending.n);
      s.committedUnacknowledged++;
    }
    if (pending) resendExpect = { pending, committedNo: r.pendingCommitted?.no ?? null };
    s.receipts = r.receipts;
    s.voids = r.voids;
    s.auditRows = r.auditRows;
    s.jobs = r.jobs;
    if (r.schemaVersion < 2 && fs.existsSync(dbFile)) s.migrationsInterrupted++;
    return r;
  };

  const choosePlan = (cycle: number): Plan => {
    if (cycle <= 3) return 'open'; // the first starts create and migrate the store
    const r = rnd();
    return r < 0.7 ? 'collect' : r < 0.8 ? 'open' : 'spawn';
  };

  /** Processes a dead child's messages: acks, the request left in flight, the outcome of its re-send. */
  const absorb = (cycle: number, run: ChildRun) => {
    for (const m of run.messages) {
      if (m.t === 'fatal') fail(cycle, `child failed: ${m.message}`);
      if (m.t === 'phase' && m.recovery) fail(cycle, `store opened in recovery mode: ${m.recovery.join('; ')}`);
      if (m.t !== 'ack') continue;
      nextN = Math.max(nextN, m.n + 1);
      const a: AckedReceipt = m.op === 'collect' ? { kind: 'receipt', total: m.total, req: m.req } : { kind: 'void', total: m.total, orig: m.orig };
      const before = acked.get(m.no);
      if (before && (before.total !== a.total || before.kind !== a.kind)) fail(cycle, `receipt ${m.no} acknowledged twice with different contents`);
      acked.set(m.no, a);
      if (m.resend) {
        if (m.op === 'collect') s.resends.collect++;
        else s.resends.void++;
        const want = resendExpect?.committedNo ?? null;
        if (want !== null) {
          s.resends.foundExisting++;
          if (m.no !== want) fail(cycle, `re-sent ${m.op} #${m.n} had committed as ${want} before the kill, but the re-send returned ${m.no}: charged twice`);
        } else if (m.op === 'void' && m.existing) {
          fail(cycle, `re-sent void #${m.n} found an existing void ${m.no} that the check before had not seen`);
        }
        resendExpect = null;
      }
    }
    for (const m of run.messages) if (m.t === 'attempt') nextN = Math.max(nextN, m.n + 1);
    // the request in flight: the last attempt without its ack (a re-send keeps the same request pending)
    const last = run.lastAttempt;
    if (last) {
      const answered = run.messages.some((m) => m.t === 'ack' && m.n === last.n);
      if (answered) pending = null;
      else pending = last.op === 'collect' ? { op: 'collect', n: last.n, req: last.req } : { op: 'void', n: last.n, orig: last.orig, origNo: last.origNo };
    }
    s.acknowledged = acked.size;
  };

  const spawnNext = (): ChildRun => {
    const args = ['--data', dataDir, '--tag', tag, '--next', String(nextN)];
    if (pending) args.push('--resend', JSON.stringify(pending));
    return startChild(bundle, args);
  };

  /** Waits for the moment the plan says, then SIGKILLs; false when the child was already gone. */
  const killPer = async (run: ChildRun, plan: Plan, openWindowMs: number): Promise<'killed' | 'exited' | 'hung'> => {
    const exitedEarly = run.exited.then(() => 'exited' as const);
    const timers: NodeJS.Timeout[] = [];
    const deadline = (ms: number) => new Promise<'timeout'>((resolve) => timers.push(setTimeout(() => resolve('timeout'), ms)));
    try {
      return await killAt(run, plan, openWindowMs, exitedEarly, deadline);
    } finally {
      for (const t of timers) clearTimeout(t);
      run.onMessage = null;
    }
  };

  const killAt = async (
    run: ChildRun,
    plan: Plan,
    openWindowMs: number,
    exitedEarly: Promise<'exited'>,
    deadline: (ms: number) => Promise<'timeout'>,
  ): Promise<'killed' | 'exited' | 'hung'> => {
    const waitFor = (pred: () => boolean): Promise<'ok'> =>
      new Promise((resolve) => {
        if (pred()) return resolve('ok');
        run.onMessage = () => {
          if (pred()) {
            run.onMessage = null;
            resolve('ok');
          }
        };
      });
    let when: number;
    if (plan === 'spawn') {
      when = rnd() * readyAvg * 1.1;
    } else if (plan === 'open') {
      const r = await Promise.race([waitFor(() => run.phase !== 'spawned' && run.phase !== 'loaded'), exitedEarly, deadline(20_000)]);
      if (r !== 'ok') return r === 'exited' ? r : 'hung';
      when = rnd() * openWindowMs;
    } else {
      const r = await Promise.race([waitFor(() => run.readyAt !== null), exitedEarly, deadline(20_000)]);
      if (r !== 'ok') return r === 'exited' ? r : 'hung';
      when = rnd() * windowMs;
    }
    if ((await Promise.race([deadline(when), exitedEarly])) === 'exited') return 'exited';
    return run.proc.kill('SIGKILL') ? 'killed' : 'exited';
  };

  let cycle = 0;
  let run: ChildRun | null = null;
  let plan: Plan = choosePlan(1);
  while (s.kills < opts.kills) {
    cycle++;
    s.cycles = cycle;
    s.plans[plan]++;
    run ??= spawnNext();
    // the first start creates and migrates the store in a few ms: aim closer
    const outcome = await killPer(run, plan, cycle === 1 ? 8 : 40);
    if (outcome === 'hung') {
      fail(cycle, `child stuck in phase ${run.phase} for 20 s; stderr: ${run.stderr.trim().slice(-1500)}`);
      run.proc.kill('SIGKILL');
    }
    const { signal, code } = await run.exited;
    const last = run.lastAttempt;
    const inFlight = last !== null && !run.messages.some((m) => m.t === 'ack' && m.n === last.n);
    const phase = run.phase === 'ready' && last ? `${last.resend ? 're-send' : 'collecting'}:${last.op}${inFlight ? '' : ' (between requests)'}` : run.phase;
    if (outcome === 'killed' && signal === 'SIGKILL') {
      s.kills++;
      s.phases[phase] = (s.phases[phase] ?? 0) + 1;
    } else if (outcome !== 'hung') {
      fail(cycle, `child exited by itself (code ${code}, signal ${signal}) in phase ${run.phase}; stderr: ${run.stderr.trim().slice(-1500)}`);
      if (s.failures.length > 50) break;
    }
    if (run.readyAt !== null) {
      readySamples++;
      readySum += run.readyAt - run.spawnedAt;
      readyAvg = readySum / readySamples;
    }
    const dead = run;
    absorb(cycle, dead);
    run = null;

    const snap = openSnapshot(dbFile);
    plan = choosePlan(cycle + 1);
    const more = s.kills < opts.kills;
    // checking a pinned snapshot while the next child boots halves the wall time; kills aimed at start-up
    // need the event loop free from the spawn on, so those check first
    if (overlap && more && plan === 'collect') run = spawnNext();
    runCheck(cycle, snap, dead.reachedOpen);
    if (cycle % 25 === 0 || !more) {
      log(
        `kill ${s.kills}/${opts.kills}: ${s.receipts} receipts (${s.voids} voids), ${s.acknowledged} acknowledged, ${s.committedUnacknowledged} committed-unacked, ` +
          `${s.failures.length} failures, ${Math.round((performance.now() - t0) / 1000)} s`,
      );
    }
  }
  if (run) {
    run.proc.kill('SIGKILL');
    await run.exited;
  }

  // ---- a last start by the real core: the store opens, nothing is left 'printing', and it all still checks ----
  const core = await AppCore.open({ dataDir, passwordCost: CRASH_COST, log: silentLogger });
  if (!core.services) fail(cycle, `final open: recovery mode: ${core.recoveryProblems.join('; ')}`);
  else {
    const left = core.services.db.prepare("SELECT count(*) AS n FROM print_jobs WHERE status = 'printing'").get() as { n: number };
    if (left.n) fail(cycle, `final open: ${left.n} print jobs still 'printing' after a restart`);
  }
  await core.close();
  runCheck(cycle + 1, openSnapshot(dbFile), true);

  s.timing.totalMs = Math.round(performance.now() - t0);
  s.timing.perKillMs = Math.round(s.timing.totalMs / Math.max(1, s.kills));
  s.timing.checkMsTotal = Math.round(s.timing.checkMsTotal);
  s.timing.checkMsMax = Math.round(s.timing.checkMsMax);
  s.timing.spawnToReadyMsAvg = Math.round(readyAvg);
  if (!opts.keep && !opts.dataDir && s.failures.length === 0) fs.rmSync(dataDir, { recursive: true, force: true });
  return s;
}

export function formatSummary(s: CrashSummary): string {
  const phases = Object.entries(s.phases)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `crash test (seed ${s.seed}): ${s.kills} SIGKILLs in ${(s.timing.totalMs / 1000).toFixed(1)} s (${s.timing.perKillMs} ms per kill; checks ${(s.timing.checkMsTotal / 1000).toFixed(1)} s, max ${s.timing.checkMsMax} ms; start→ready ${s.timing.spawnToReadyMsAvg} ms)`,
    `  receipts ${s.receipts} (voids ${s.voids}), acknowledged ${s.acknowledged}, committed-but-unacknowledged ${s.committedUnacknowledged}`,
    `  re-sent after a kill: ${s.resends.collect} collects, ${s.resends.void} voids; ${s.resends.foundExisting} found already posted (same receipt returned)`,
    `  print jobs 'printing' at a kill: ${s.printing.seenAtKill}, marked interrupted on restart: ${s.printing.interruptedOnRestart}; final jobs ${JSON.stringify(s.jobs)}`,
    `  kill plans ${JSON.stringify(s.plans)}; store still migrating at ${s.migrationsInterrupted} kills; audit rows ${s.auditRows}`,
    `  kills landed in: ${phases}`,
    `  failures: ${s.failures.length}`,
    ...s.failures.slice(0, 50).map((f) => `    ${f}`),
  ].join('\n');
}
