import type { Page } from '@playwright/test';
import { ADMIN, PROPERTY, signIn, shot } from './helpers/app';
import { CLERK, expect, SUPERVISOR, test } from './helpers/fixtures';
import { api } from './helpers/host';
import { AREAS, eachTab, stockTheCounter } from './helpers/screens';

/**
 * English mode is English: every screen and tab (with content on it: fee items, a receipt, a key, a request,
 * a parcel, an open cash session), and no Chinese character anywhere except in data — names, addresses,
 * the property name, fee item and key names, printed-document previews — which the screens mark with
 * `data-data`. Text, placeholders, tooltips, accessible names and options are all checked.
 */
test.use({ actionTimeout: 15_000 });

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * What the test itself put in as data (names typed, the property, fee items, keys, reasons): taken out of
 * the text before it is checked, wherever it appears (inside a translated sentence too).
 */
const DATA = [
  ADMIN.displayName,
  CLERK.displayName,
  SUPERVISOR.displayName,
  PROPERTY,
  '物业费',
  '门禁卡补办',
  '1栋屋顶',
  '采购入库',
  '刘洋',
  '卫生间漏水',
  '1栋',
  '2栋',
  '3栋',
];

async function chineseOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(
    ([src, data]) => {
      const has = new RegExp(src);
      const re = { test: (v: string) => has.test(data.reduce((acc, d) => acc.split(d).join(''), v)) };
      const out: string[] = [];
      const isData = (el: Element | null) => !!el?.closest('[data-data], .paper-preview, [lang="zh-CN"]:not(html)');
      const where = (el: Element) => {
        const tag = el.tagName.toLowerCase();
        const id = el.getAttribute('name') ?? el.getAttribute('data-testid') ?? el.className;
        return `${tag}${id ? `[${String(id).slice(0, 30)}]` : ''}`;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = n.textContent ?? '';
        if (!el || !re.test(text) || isData(el)) continue;
        if (el.closest('[hidden], [inert], dialog:not([open])')) continue;
        if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
        out.push(`${where(el)}: ${text.trim().slice(0, 60)}`);
      }
      for (const el of Array.from(document.body.querySelectorAll('[placeholder], [title], [aria-label], [alt]'))) {
        if (isData(el) || el.closest('[inert]')) continue;
        for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
          const v = el.getAttribute(a);
          if (v && re.test(v)) out.push(`${where(el)} @${a}: ${v.slice(0, 60)}`);
        }
      }
      return [...new Set(out)];
    },
    [CJK.source, DATA] as const,
  );
}

test('English mode: no Chinese outside data on any screen or tab', async ({ page, prepared }, info) => {
  test.setTimeout(300_000);
  await stockTheCounter(prepared);
  await page.goto(prepared.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await api(prepared, 'cash.open', { count: { '10000': 5 } });
  // content on the screens: a receipt with a per-area line, a request, a parcel
  const hits = await api<{ items: { roomId: number; roomCode: string }[] }>(prepared, 'roster.search', { q: '1-1-201' });
  const roomId = hits.items[0]?.roomId ?? 0;
  const items = await api<{ id: number; code: string }[]>(prepared, 'fees.items.list', {});
  const wyf = items.find((i) => i.code === 'WYF')?.id ?? 0;
  const quote = await api<{ totalFen: number }>(prepared, 'fees.quote', { roomId, lines: [{ itemId: wyf, months: 3 }] });
  await api(prepared, 'fees.collect', {
    requestId: crypto.randomUUID(),
    roomId,
    lines: [{ itemId: wyf, months: 3 }],
    payments: [{ method: 'cash', amountFen: quote.totalFen, receivedFen: quote.totalFen }],
  });
  await api(prepared, 'requests.log', {
    requestId: crypto.randomUUID(),
    kind: 'repair',
    source: 'call',
    roomId,
    caller: '刘洋',
    category: '水电',
    description: '卫生间漏水',
    urgency: 'normal',
  });
  // typography follows the language: the root's lang, and a CJK font first only in Chinese
  const font = () => page.evaluate(() => getComputedStyle(document.body).fontFamily);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await font()).toMatch(/^"?Noto Sans CJK SC/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await font()).toMatch(/^"?Segoe UI"?, "?Noto Sans"?, "?DejaVu Sans/);

  const seen = new Map<string, string>();
  for (const area of AREAS) {
    await page.keyboard.press(area.key);
    await page.waitForTimeout(300);
    await eachTab(page, async (tab) => {
      const screen = tab ? `${area.name} / ${tab}` : area.name;
      for (const f of await chineseOnScreen(page)) if (!seen.has(f)) seen.set(f, screen);
    });
  }
  // a dialog: lending a key
  await page.keyboard.press('Alt+3');
  await page.locator('tr[data-key-tag="K-0001"]').getByRole('button', { name: 'Lend' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  for (const f of await chineseOnScreen(page)) if (!seen.has(f)) seen.set(f, 'keys / lend dialog');
  await shot(page, info, 'english-keys-lend');
  await page.keyboard.press('Escape');
  const found = [...seen].map(([f, screen]) => `${screen} — ${f}`);
  expect(found, found.join('\n')).toEqual([]);
});
