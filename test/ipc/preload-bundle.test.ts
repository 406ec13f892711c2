import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';

/**
 * The preload as it ships: its build takes the channels' names from the contract (the one place a channel is
 * declared) as a plain list, so a channel added to the contract is on `window.lobbydesk` without any other list to
 * update, and the sandboxed preload carries no zod and requires nothing but electron.
 */
const PRELOAD = path.resolve('out/preload/index.cjs');

describe('the built preload', () => {
  it.skipIf(!fs.existsSync(PRELOAD))(
    'exposes one frozen named method per contract channel, from a bundle without zod (build first: npm test does)',
    async () => {
      const code = fs.readFileSync(PRELOAD, 'utf8');
      expect(code).not.toMatch(/zod|safeParse|ZodError/);
      const exposed = new Map<string, unknown>();
      const calls: unknown[][] = [];
      const electron = {
        contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
        ipcRenderer: { invoke: async (...args: unknown[]) => (calls.push(args), { ok: true, value: 'v' }) },
      };
      const sandboxRequire = (name: string) => {
        if (name !== 'electron') throw new Error(`a sandboxed preload can only require electron, not ${name}`);
        return electron;
      };
      const module = { exports: {} };
      vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });

      expect([...exposed.keys()]).toEqual(['lobbydesk']);
      const api = exposed.get('lobbydesk') as Record<string, (input: unknown) => Promise<unknown>>;
      expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
      expect(Object.isFrozen(api)).toBe(true);
      for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(api).not.toHaveProperty(name);
      await expect(api['parcels.byCode']?.({ code: '402718' })).resolves.toEqual({ ok: true, value: 'v' });
      expect(calls).toEqual([['parcels.byCode', { code: '402718' }]]);
    },
  );
});
