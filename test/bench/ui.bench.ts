/// <reference lib="dom" />
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { startHost } from '../e2e/helpers/host';
import { summarise, type Figure } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** What a receptionist types into the roster search, one keystroke at a time. */
const TYPED = ['3-2-501', '12-4-1603', '3栋2单元501', 'zw', 'zgf', 'lxy', 'wjg', '5678', '1234', '0910', '王芳', '张伟', '国华', '曾', '欧阳', 'zhangw', '27-1-', 'cxl', '8-3-2204', '李'];

async function api(origin: string, token: string, channel: string, body: unknown): Promise<unknown> {
  const r = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lobbydesk-token': token }, body: JSON.stringify(body) });
  const j = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!j.ok) throw new Error(`${channel}: ${j.error?.message}`);
  return j.value;
}

/**
 * Keystroke-to-render in Debian Chromium against the browser host with 50,000 residents: from the
 * `beforeinput` of each key to the first animation frame after the results for exactly that text are
 * in the DOM (so the figure includes the wait for the next frame, up to 16.7 ms).
 */
export async function uiBenchmarks(work: string): Promise<Figure[]> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  ${CHROMIUM} not found: UI benchmark skipped (apt-get install chromium)`);
    return [];
  }
  const host = await startHost({ dataDir: `${work}/ui` });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    await api(host.origin, host.token, 'system.setup', { propertyName: '基准花园', terminalId: 'B01', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' }, demoData: true });
    for (;;) {
      const s = (await api(host.origin, host.token, 'system.status', {})) as { demo: { state: string } | null };
      if (s.demo?.state === 'done') break;
      if (s.demo?.state === 'failed') throw new Error('demo data failed');
      await new Promise((r) => setTimeout(r, 500));
    }
    // the browser shares the token, so it shares this signed-in session
    await api(host.origin, host.token, 'auth.login', { username: 'bench', password: 'bench-pass-1' });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // the renderer's two parts of a keystroke, apart from the round trip to the host: keystroke → the search
    // request sent, and the reply in → its results in the DOM. Calls go over the host's WebSocket (or over
    // HTTP until it is open, hooked below): the socket is opened at the first call, so it is hooked before load.
    await page.addInitScript(() => {
      type W = { __t0: number; __sent: number; __replied: number; __rtt: number[] };
      const w = window as unknown as W;
      w.__rtt = [];
      const searches = new Map<string, number>();
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          // registered before the app's own onmessage, so it sees each reply first
          this.addEventListener('message', (e: MessageEvent) => {
            const id = typeof e.data === 'string' ? e.data.slice(0, e.data.indexOf('\n')) : '';
            const at = searches.get(id);
            if (at === undefined) return;
            searches.delete(id);
            w.__replied = performance.now();
            w.__rtt.push(w.__replied - at);
          });
        }
        override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
          const m = typeof data === 'string' ? /^(\d+) roster\.search\n/.exec(data) : null;
          if (m) {
            searches.set(m[1] as string, performance.now());
            if (w.__t0 && !w.__sent) w.__sent = performance.now() - w.__t0;
          }
          super.send(data);
        }
      };
    });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: '功能导航' }).waitFor();
    await page.keyboard.press('F2');
    const input = page.locator('input[name="roster-search"]');
    await input.waitFor();
    // the roster index loads once the shell is idle after sign-in and is sorted list by list in idle moments:
    // typing starts once that is done, as at a counter signed in for the day (a keystroke before then is answered
    // by main alone, as every keystroke was before the index)
    await page.waitForTimeout(4000);
    await page.evaluate(() => {
      type W = { __lat: number[]; __dom: number[]; __first: number[]; __later: number[]; __round: number; __t0: number; __sent: number; __replied: number; __toSend: number[]; __toDom: number[] };
      const w = window as unknown as W;
      w.__lat = [];
      w.__dom = [];
      w.__first = [];
      w.__later = [];
      w.__round = 0;
      w.__toSend = [];
      w.__toDom = [];
      w.__t0 = 0;
      w.__sent = 0;
      w.__replied = 0;
      const send = window.fetch.bind(window);
      window.fetch = async (...args: Parameters<typeof fetch>) => {
        const search = String(args[0]).includes('roster.search');
        if (search && w.__t0 && !w.__sent) w.__sent = performance.now() - w.__t0;
        const res = await send(...args);
        if (search) w.__replied = performance.now();
        return res;
      };
      document.addEventListener(
        'beforeinput',
        () => {
          w.__t0 = performance.now();
          w.__sent = 0;
        },
        true,
      );
      new MutationObserver(() => {
        const ul = document.querySelector<HTMLElement>('ul.results');
        const box = document.querySelector<HTMLInputElement>('input[name="roster-search"]');
        const want = box?.value.trim() ?? '';
        if (w.__t0 && want && ul?.dataset.q === want) {
          const start = w.__t0;
          const now = performance.now();
          w.__t0 = 0;
          w.__dom.push(now - start);
          (w.__round === 0 ? w.__first : w.__later).push(now - start);
          if (w.__sent) w.__toSend.push(w.__sent);
          if (w.__replied > start) w.__toDom.push(now - w.__replied);
          requestAnimationFrame(() => w.__lat.push(performance.now() - start));
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-q'] });
    });
    let expected = 0;
    let seed = 7;
    const pace = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 3; round++) {
      // the first round finds no answer in the query cache; later rounds find main's answers to earlier texts there
      await page.evaluate((r) => ((window as unknown as { __round: number }).__round = r), round);
      for (const text of TYPED) {
        await input.fill('');
        await page.waitForTimeout(30);
        let last = 0;
        for (const [i, ch] of [...text].entries()) {
          // a person: each character 80–150 ms after the one before
          if (i > 0) await page.waitForTimeout(Math.max(0, 80 + Math.floor(pace() * 71) - (Date.now() - last)));
          last = Date.now();
          await page.keyboard.type(ch);
          expected++;
          await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length >= n, expected, { timeout: 5000 });
        }
        // the pause after a word (reading the list): main is asked to confirm the rows then
        await page.waitForTimeout(250);
      }
    }
    const { lat, dom, first, later, toSend, toDom, rtt, rows } = await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __dom: number[]; __first: number[]; __later: number[]; __toSend: number[]; __toDom: number[]; __rtt: number[] };
      return { lat: w.__lat, dom: w.__dom, first: w.__first, later: w.__later, toSend: w.__toSend, toDom: w.__toDom, rtt: w.__rtt, rows: document.querySelectorAll('ul.results li.result:not(.result-slot)').length };
    });
    console.log(`  rows drawn in full for the last answer: ${rows}`);
    return [
      summarise('roster keystroke-to-render (Chromium, to next frame)', `50,000 residents, ${lat.length} keystrokes, browser host`, lat, 50),
      summarise('roster keystroke-to-DOM (Chromium)', `50,000 residents, ${dom.length} keystrokes, browser host`, dom, 8),
      summarise('  the first round (no answer in the query cache yet)', `${first.length} keystrokes`, first, 8),
      summarise('  the second and third rounds (the answer already in the query cache)', `${later.length} keystrokes`, later, 8),
      // sent from the keystroke only when the index cannot answer (else once typing pauses)
      ...(toSend.length > 0 ? [summarise('  of which keystroke → search request sent (renderer)', `${toSend.length} keystrokes`, toSend, 8)] : []),
      ...(rtt.length > 0 ? [summarise('  main\'s answer: the round trip of a search (sent → reply in)', `${rtt.length} searches over the socket`, rtt, 50)] : []),
      // with the roster index on screen first, main's answer only replaces rows it agrees with: counted when any
      ...(toDom.length > 0 ? [summarise('  of which reply in → results in the DOM (renderer)', `${toDom.length} replies`, toDom, 8)] : []),
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
