import path from 'node:path';
import { test as base } from '@playwright/test';
import { ADMIN, importThroughApi, setupThroughApi } from './app';
import { api, startHost, type Host } from './host';

export const ROSTER = path.resolve('test/fixtures/roster/sample-roster.csv');
export const CLERK = { username: 'liqing', displayName: '李青', role: 'receptionist', password: 'Front#desk2024' };
export const SUPERVISOR = { username: 'zhaomin', displayName: '赵敏', role: 'supervisor', password: 'Super#visor2024' };

/**
 * Playwright fixtures for the set-up most specs share. `host`: a browser host on a fresh store (first run not done).
 * `prepared`: set up, with the sample roster imported, a receptionist (liqing) and a supervisor (zhaomin), nobody
 * signed in. Each test gets its own and it is stopped after the test.
 */
export const test = base.extend<{ host: Host; prepared: Host }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const h = await startHost();
    await use(h);
    await h.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  prepared: async ({}, use) => {
    const h = await startHost();
    await setupThroughApi(h, { operators: [CLERK, SUPERVISOR] });
    await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await importThroughApi(h, ROSTER);
    await api(h, 'auth.logout', {});
    await use(h);
    await h.stop();
  },
});

export { expect } from '@playwright/test';
