/// <reference lib="dom" />
import { chromium, type CDPSession } from '@playwright/test';
import fs from 'node:fs';
import { startHost } from '../e2e/helpers/host';
import { scanBurstBenchmarks } from './scan-bursts.bench';
import { single, summarise, type Figure } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const RATE_PER_S = 5;
const SECONDS = 60;
/** a keyboard-wedge scanner's key rate (ms per character) */
const CHAR_MS = 10;

async function api<T>(origin: string, token: string, channel: string, body: unknown): Promise<T> {
  const r = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lobbydesk-token': token }, body: JSON.stringify(body) });
  const j = (await r.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!j.ok) throw new Error(`${channel}: ${j.error?.message}`);
  return j.value as T;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Sends one key the way the OS delivers a wedge scanner's keys: through Chromium's input pipeline (trusted
 * events, the browser's own timestamps), without waiting for the page to handle the previous key, so a busy
 * page cannot slow the "scanner" down: keys queue up in the browser exactly as they would at the counter.
 */
function key(cdp: CDPSession, k: string): Promise<unknown>[] {
  if (k === 'Enter') {
    return [
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }),
    ];
  }
  const upper = k.toUpperCase();
  const code = /\d/.test(k) ? `Digit${k}` : `Key${upper}`;
  const vk = upper.charCodeAt(0);
  return [
    cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k, code, windowsVirtualKeyCode: vk, text: k }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k, code, windowsVirtualKeyCode: vk }),
  ];
}

/**
 * 快递 入库 in Chromium against the browser host: a wedge scanner at 10 ms a character feeding 5 scans a
 * second for 60 s (300 scans) into the scan field, in 连续扫描 (batch) mode. Counts scans lost or doubled
 * (parcels in the store against codes sent), the time from each scan's Enter to its parcel's intake time in
 * main, and the deepest the on-screen queue got. Then back-to-back bursts (scan-bursts.bench.ts).
 */
export async function parcelsUiBenchmarks(work: string): Promise<Figure[]> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  ${CHROMIUM} not found: parcels scan benchmark skipped (apt-get install chromium)`);
    return [];
  }
  const host = await startHost({ dataDir: `${work}/parcels-ui` });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const admin = { username: 'bench', displayName: '基准', password: 'bench-pass-1' };
    await api(host.origin, host.token, 'system.setup', { propertyName: '基准花园', terminalId: 'B01', admin, demoData: false });
    await api(host.origin, host.token, 'auth.login', { username: admin.username, password: admin.password });
    for (const [i, code] of ['A', 'B', 'C', 'D', 'E'].entries()) await api(host.origin, host.token, 'parcels.shelves.save', { code, name: '', slots: 100, active: true, sort: i });
    await api(host.origin, host.token, 'parcels.settings.save', { overdueDays: 3, printSlip: false });

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: '功能导航' }).waitFor();
    await page.keyboard.press('Alt+7');
    const batch = page.getByLabel(/连续扫描/);
    await batch.waitFor();
    if (!(await batch.isChecked())) await batch.check();
    await page.locator('[name="scan"]').focus();
    const cdp = await page.context().newCDPSession(page);

    const n = RATE_PER_S * SECONDS;
    const codes = Array.from({ length: n }, (_, i) => `SF${String(5100000000000 + i * 13)}`);
    const sentAt = new Map<string, number>();
    let maxQueue = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const txt = await page
          .getByTestId('queue-count')
          .innerText()
          .catch(() => '');
        const q = Number(/(\d+)/.exec(txt)?.[1] ?? 0);
        if (q > maxQueue) maxQueue = q;
        await sleep(200);
      }
    })();

    const pending: Promise<unknown>[] = [];
    const t0 = Date.now() + 100;
    for (let i = 0; i < n; i++) {
      const code = codes[i] as string;
      const start = t0 + i * (1000 / RATE_PER_S);
      const keys = [...code, 'Enter'];
      for (let j = 0; j < keys.length; j++) {
        const due = start + j * CHAR_MS;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        pending.push(...key(cdp, keys[j] as string));
      }
      sentAt.set(code, Date.now());
    }
    await Promise.all(pending);
    const sendSeconds = (Date.now() - t0) / 1000;

    // wait for the queue to drain (the page saves what is queued; nothing is dropped)
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const st = await api<{ in: number }>(host.origin, host.token, 'parcels.stats', {});
      const q = await page.getByTestId('queue-count').innerText();
      if (st.in >= n && /\b0\b/.test(q)) break;
      await sleep(500);
    }
    polling = false;
    await poll;
    // each code sent, looked up by its waybill: exactly one parcel each
    const seen = new Map<string, number>();
    const latency: number[] = [];
    for (const code of codes) {
      const hit = await api<{ waybill: string; intakeAt: string }[]>(host.origin, host.token, 'parcels.search', { q: code, limit: 5 });
      const exact = hit.filter((p) => p.waybill === code);
      seen.set(code, exact.length);
      const at = exact[0] ? Date.parse(exact[0].intakeAt) : NaN;
      const sent = sentAt.get(code) ?? NaN;
      if (Number.isFinite(at) && Number.isFinite(sent)) latency.push(Math.max(0, at - sent));
    }
    const stats = await api<{ in: number }>(host.origin, host.token, 'parcels.stats', {});
    const lost = codes.filter((c) => (seen.get(c) ?? 0) === 0).length;
    const doubled = codes.filter((c) => (seen.get(c) ?? 0) > 1).length + Math.max(0, stats.in - n);
    console.log(`  ${n} scans sent in ${sendSeconds.toFixed(1)} s; parcels in: ${stats.in}; lost ${lost}; doubled ${doubled}; deepest queue ${maxQueue}`);
    await page.close();
    console.log('  back-to-back bursts (0 ms and 50 ms between scans, 3–10 ms a character)…');
    const bursts = await scanBurstBenchmarks(browser, work);
    return [
      ...bursts,
      single('parcels: scans lost at 5/s for 60 s (count, not ms)', `Chromium, wedge scanner at ${CHAR_MS} ms/char, ${n} scans, batch intake`, lost, 0),
      single('parcels: scans doubled at 5/s for 60 s (count, not ms)', `same run; ${stats.in} parcels in the store`, doubled, 0),
      summarise('parcels: scan Enter → saved in main (Chromium)', `5 scans/s for 60 s, deepest on-screen queue ${maxQueue}`, latency, 2000),
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
