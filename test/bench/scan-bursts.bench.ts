/// <reference lib="dom" />
import type { Browser, Page } from '@playwright/test';
import { startHost, type Host } from '../e2e/helpers/host';
import { KeyPipe, rng, scannerBurst } from '../e2e/helpers/keys';
import { single, summarise, type Figure } from './stats';

/** Bursts per run and scans per burst, for each gap between scans. */
const BURSTS = 10;
const PER_BURST = 20;
/** One-by-one mode (each parcel's form opens while the next scans arrive): bursts of PER_BURST, saved with F8. */
const FORM_BURSTS = 3;
const GAPS_MS = [0, 50] as const;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function api<T>(h: Host, channel: string, body: unknown): Promise<T> {
  const r = await fetch(`${h.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lobbydesk-token': h.token }, body: JSON.stringify(body) });
  const j = (await r.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!j.ok) throw new Error(`${channel}: ${j.error?.message}`);
  return j.value as T;
}

interface Tally {
  sent: number;
  /** codes saved whole, exactly once */
  saved: number;
  /** codes not saved whole (lost, or arrived in pieces) */
  split: number;
  /** codes saved more than once */
  doubled: number;
  /** parcels in the store whose number is not a code that was sent (the pieces of a split scan) */
  pieces: number;
  /** the scan's Enter → its parcel's intake time in main (ms) */
  latency: number[];
}

/** Parcels taken in so far (all of them, whatever their number). */
const parcelsIn = async (h: Host) => (await api<{ in: number }>(h, 'parcels.stats', {})).in;

/** Looks each code up: the parcels that carry exactly it; the rest of what came in since `baseline` are pieces. */
async function tally(h: Host, codes: readonly string[], enterAt: ReadonlyMap<string, number>, baseline: number): Promise<Tally> {
  const latency: number[] = [];
  let saved = 0;
  let doubled = 0;
  let split = 0;
  let whole = 0;
  for (const c of codes) {
    const hits = (await api<{ waybill: string; intakeAt: string }[]>(h, 'parcels.search', { q: c, limit: 5 })).filter((p) => p.waybill === c);
    whole += hits.length;
    if (hits.length === 0) split++;
    else if (hits.length === 1) saved++;
    else doubled++;
    const t = enterAt.get(c);
    const at = hits[0] ? Date.parse(hits[0].intakeAt) : NaN;
    if (t !== undefined && Number.isFinite(at)) latency.push(Math.max(0, at - t));
  }
  const pieces = (await parcelsIn(h)) - baseline - whole;
  return { sent: codes.length, saved, split, doubled, pieces, latency };
}

const codesFor = (run: number, burst: number) => Array.from({ length: PER_BURST }, (_, i) => `SF${String(run).padStart(2, '0')}${String(burst).padStart(2, '0')}${String(1_000_003 * (i + 1)).padStart(9, '0')}`);

/** Each scan's Enter time (the scanner's clock), for the Enter → saved figure. */
function enterTimes(keys: { key: string; at: number }[], codes: readonly string[]): Map<string, number> {
  const enters = keys.filter((k) => k.key === 'Enter');
  return new Map(codes.map((c, i) => [c, enters[i]?.at ?? NaN]));
}

async function intakePage(browser: Browser, h: Host, batch: boolean): Promise<{ page: Page; keys: KeyPipe }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(h.url);
  await page.getByRole('navigation', { name: '功能导航' }).waitFor();
  await page.keyboard.press('Alt+7');
  const box = page.getByLabel(/连续扫描/);
  await box.waitFor();
  if ((await box.isChecked()) !== batch) await box.setChecked(batch);
  await page.locator('[name="scan"]').focus();
  return { page, keys: await KeyPipe.open(page) };
}

/** 连续扫描: every scan saved at once. Bursts of PER_BURST scans, `gapMs` apart, a second between bursts. */
async function batchRun(browser: Browser, h: Host, run: number, gapMs: number): Promise<Tally> {
  const baseline = await parcelsIn(h);
  const { page, keys } = await intakePage(browser, h, true);
  const all: string[] = [];
  const enterAt = new Map<string, number>();
  const rand = rng(run);
  for (let b = 0; b < BURSTS; b++) {
    const codes = codesFor(run, b);
    const timed = scannerBurst(codes, { start: Date.now() + 20, gapMs, rand });
    await keys.send(timed);
    for (const [c, t] of enterTimes(timed, codes)) enterAt.set(c, t);
    all.push(...codes);
    await sleep(1000);
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !/\b0\b/.test(await page.getByTestId('queue-count').innerText())) await sleep(250);
  await page.close();
  return tally(h, all, enterAt, baseline);
}

/** One by one: each burst's first parcel opens its form while the rest arrive; then each is saved with F8. */
async function formRun(browser: Browser, h: Host, run: number, gapMs: number): Promise<Tally> {
  const baseline = await parcelsIn(h);
  const { page, keys } = await intakePage(browser, h, false);
  const all: string[] = [];
  const rand = rng(run);
  for (let b = 0; b < FORM_BURSTS; b++) {
    const codes = codesFor(run, b);
    await keys.send(scannerBurst(codes, { start: Date.now() + 20, gapMs, rand }));
    all.push(...codes);
    await sleep(500);
    // save what was queued, whatever it is, until nothing is left (a piece of a split scan is saved as it came)
    for (let i = 0; i < 3 * PER_BURST; i++) {
      const current = page.getByTestId('current-waybill');
      if (!(await current.isVisible().catch(() => false))) {
        await sleep(300);
        if (!(await current.isVisible().catch(() => false))) break;
      }
      const before = await current.innerText();
      await page.keyboard.press('F8');
      const until = Date.now() + 5000;
      while (Date.now() < until && (await current.innerText().catch(() => '')) === before) await sleep(30);
    }
  }
  await page.close();
  return tally(h, all, new Map(), baseline);
}

function figures(label: string, t: Tally, withLatency: boolean): Figure[] {
  const out = [
    single(`parcels: ${label}: scans split or lost (count, not ms)`, `${t.sent} sent, ${t.saved} saved whole once, ${t.pieces} pieces in the store`, t.split, 0),
    single(`parcels: ${label}: scans doubled (count, not ms)`, `${t.sent} sent`, t.doubled, 0),
  ];
  if (withLatency) out.push(summarise(`parcels: ${label}: scan Enter → saved in main (Chromium)`, `${t.sent} scans in bursts of ${PER_BURST}, 连续扫描`, t.latency, 2000));
  return out;
}

/**
 * Back-to-back scans in Chromium against the browser host: a wedge scanner at 3–10 ms a character (random),
 * 0 ms and 50 ms from each Enter to the next code, through Chromium's input pipeline with the scanner's own
 * timestamps. 连续扫描: BURSTS × PER_BURST scans per gap, saved at once (sent / saved / split / doubled, Enter →
 * saved). One by one: FORM_BURSTS × PER_BURST per gap while each first parcel's form opens, saved with F8.
 */
export async function scanBurstBenchmarks(browser: Browser, work: string): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const [i, gapMs] of GAPS_MS.entries()) {
    const host = await startHost({ dataDir: `${work}/scan-bursts-${gapMs}` });
    try {
      const admin = { username: 'bench', displayName: '基准', password: 'bench-pass-1' };
      await api(host, 'system.setup', { propertyName: '基准花园', terminalId: 'B01', admin, demoData: false });
      await api(host, 'auth.login', { username: admin.username, password: admin.password });
      for (const [s, code] of ['A', 'B', 'C', 'D', 'E'].entries()) await api(host, 'parcels.shelves.save', { code, name: '', slots: 200, active: true, sort: s });
      await api(host, 'parcels.settings.save', { overdueDays: 3, printSlip: false });
      const batch = await batchRun(browser, host, 10 + i, gapMs);
      const form = await formRun(browser, host, 20 + i, gapMs);
      for (const [label, t] of [
        ['连续扫描', batch],
        ['one by one', form],
      ] as const) {
        const p = [...t.latency].sort((a, b) => a - b);
        const q = (x: number) => p[Math.min(p.length - 1, Math.ceil(x * p.length) - 1)] ?? NaN;
        console.log(`  ${gapMs} ms gaps, ${label}: sent ${t.sent}, saved ${t.saved}, split ${t.split}, doubled ${t.doubled}, pieces ${t.pieces}${p.length ? `; Enter → saved p50 ${Math.round(q(0.5))} ms, p99 ${Math.round(q(0.99))} ms` : ''}`);
      }
      out.push(...figures(`bursts ${gapMs} ms apart, 连续扫描`, batch, true), ...figures(`bursts ${gapMs} ms apart, one by one`, form, false));
    } finally {
      await host.stop();
    }
  }
  return out;
}
