import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ADMIN } from './app';
import { api, type Host } from './host';

/** The areas as the navigation opens them, in order: key, heading (zh). */
export const AREAS: { key: string; name: string }[] = [
  { key: 'Alt+1', name: 'home' },
  { key: 'Alt+2', name: 'roster' },
  { key: 'Alt+3', name: 'keys' },
  { key: 'Alt+4', name: 'cards' },
  { key: 'Alt+5', name: 'fees' },
  { key: 'Alt+6', name: 'cash' },
  { key: 'Alt+7', name: 'parcels' },
  { key: 'Alt+8', name: 'handover' },
  { key: 'Alt+9', name: 'service' },
  { key: 'Alt+0', name: 'upstream' },
  { key: 'Alt+V', name: 'visitors' },
  { key: 'Alt+F', name: 'rooms' },
  { key: 'Alt+D', name: 'cases' },
  { key: 'Alt+R', name: 'arrears' },
  { key: 'Control+Comma', name: 'settings' },
];

/** Content on every screen: fee items (物业费 billed monthly to 1-1-201 since January), keys, blank cards, a parcel, a request, an open cash session. */
export async function stockTheCounter(h: Host): Promise<void> {
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const wyf = await api<{ id: number }>(h, 'fees.items.save', {
    code: 'WYF',
    name: '物业费',
    category: 'property',
    rule: 'per_area_month',
    unitPriceFen: 250,
    unitLabel: '月',
    refundable: false,
    active: true,
    sort: 0,
  });
  await api(h, 'fees.items.save', {
    code: 'BK',
    name: '门禁卡补办',
    category: 'card',
    rule: 'fixed',
    unitPriceFen: 2000,
    unitLabel: '张',
    refundable: false,
    active: true,
    sort: 1,
  });
  // 欠费催缴 has a room owing: 3-2-102 (a room no flow collects for) is billed 物业费 monthly since January (the property's year)
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
  await api(h, 'receivables.items.save', { itemId: wyf.id, sinceMonth: `${year}-01`, vacancyApplies: false });
  const hits = await api<{ items: { roomId: number; roomCode: string }[] }>(h, 'roster.search', { q: '3-2-102' });
  const room = hits.items.find((x) => x.roomCode === '3-2-102');
  if (room) await api(h, 'receivables.plan.save', { roomId: room.roomId, itemId: wyf.id, startMonth: `${year}-01` });
  await api(h, 'keys.save', { kind: 'public', label: '1栋屋顶', roomId: null, hook: 'B-03' });
  await api(h, 'cards.stockMove', { cardType: 'access', kind: 'in', quantity: 20, reason: '采购入库' });
  await api(h, 'auth.logout', {});
}

export interface A11yFinding {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core (WCAG 2.1 A/AA) on the page as it is now; serious and critical findings only. */
export async function axeFindings(page: Page, screen: string): Promise<A11yFinding[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** Every tab of the area on screen (role=tab inside main), clicked in turn; `visit` runs on each (and once with none). */
export async function eachTab(page: Page, visit: (tab: string) => Promise<void>): Promise<void> {
  const tabs = page.locator('main [role=tab]');
  const n = await tabs.count();
  if (n === 0) return visit('');
  const names: string[] = [];
  for (let i = 0; i < n; i++) names.push(((await tabs.nth(i).textContent()) ?? '').trim());
  for (let i = 0; i < n; i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(150);
    await visit(names[i] ?? String(i));
  }
}
