import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppCore, type CoreOptions } from '../../src-main/compose';
import { ManualClock } from '../../src-main/lib/clock';
import { silentLogger } from '../../src-main/lib/log';
import type { Channel, Input, Output } from '@shared/contract';

/** Cheap scrypt for tests that log in many times; one test checks the production parameters separately. */
export const TEST_COST = { ln: 10, r: 8, p: 1 };

export function tmpDir(prefix = 'lobbydesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestCore {
  core: AppCore;
  clock: ManualClock;
  dataDir: string;
  /** Calls a channel as client `clientId` and returns the value, or throws with the error code in the message. */
  call<C extends Channel>(channel: C, input: Input<C>, clientId?: string): Promise<Output<C>>;
  raw(channel: unknown, input: unknown, clientId?: string): ReturnType<AppCore['dispatch']>;
}

/**
 * Every core a test opens is closed after it (test/support/setup.ts runs closeCores after each test, and after each
 * file for the cores opened in a beforeAll): no store, timer, print queue or upstream loop outlives its test.
 */
const opened: { core: AppCore; inTest: boolean }[] = [];
let testRunning = false;
export function markTest(running: boolean): void {
  testRunning = running;
}
export async function closeCores(which: 'test' | 'all'): Promise<void> {
  const closing = opened.filter((o) => which === 'all' || o.inTest);
  for (const o of closing) opened.splice(opened.indexOf(o), 1);
  for (const o of closing) await o.core.close();
}

export async function openTestCore(dataDir = tmpDir(), clock = new ManualClock('2026-11-23T02:00:00Z'), extra: Partial<CoreOptions> = {}): Promise<TestCore> {
  const core = await AppCore.open({ dataDir, clock, log: silentLogger, passwordCost: TEST_COST, ...extra });
  opened.push({ core, inTest: testRunning });
  const raw = (channel: unknown, input: unknown, clientId = 'test:1') => core.dispatch(channel, input, { clientId });
  return {
    core,
    clock,
    dataDir,
    raw,
    async call(channel, input, clientId = 'test:1') {
      const r = await raw(channel, input, clientId);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
  };
}

/** A set-up terminal with an admin (admin/admin-pass-1) signed in as client test:1. */
export async function openReadyCore(extra: Partial<CoreOptions> = {}): Promise<TestCore> {
  const t = await openTestCore(undefined, undefined, extra);
  await t.call('system.setup', {
    propertyName: '阳光花园',
    terminalId: 'T01',
    admin: { username: 'admin', displayName: '王经理', password: 'admin-pass-1' },
    demoData: false,
  });
  await t.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
  return t;
}
