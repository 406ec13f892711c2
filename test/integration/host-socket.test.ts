import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServer } from '../../src-main/host/server';
import { SOCKET_MAX_BYTES } from '../../src-main/host/socket';
import { openReadyCore, tmpDir, type TestCore } from '../support/core';

/** The browser host's socket: the same contract, checks and session as its HTTP calls, one message per call. */
let t: TestCore;
let server: http.Server;
let port: number;
const token = 'test-token-abcdefghijklmnop';

beforeAll(async () => {
  t = await openReadyCore();
  const staticDir = tmpDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>LobbyDesk</title>');
  server = createHostServer({ dispatch: t.core.dispatch, token, staticDir, port: 0 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.core.close();
});

function open(opts: { token?: string | null; origin?: string; host?: string; path?: string } = {}): Promise<WebSocket> {
  const protocols = ['lobbydesk.1', ...(opts.token === null ? [] : [`t.${opts.token ?? token}`])];
  const ws = new WebSocket(`ws://127.0.0.1:${port}${opts.path ?? '/api/socket'}`, protocols, {
    origin: opts.origin ?? `http://127.0.0.1:${port}`,
    headers: opts.host ? { host: opts.host } : {},
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

let nextId = 1;
function ask(ws: WebSocket, channel: string, body: string): Promise<{ id: string; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  const id = String(nextId++);
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const text = String(data);
      const nl = text.indexOf('\n');
      if (text.slice(0, nl) !== id) return;
      ws.off('message', on);
      resolve({ id, result: JSON.parse(text.slice(nl + 1)) });
    };
    ws.on('message', on);
    ws.send(`${id} ${channel}\n${body}`);
  });
}

const closed = (ws: WebSocket) => new Promise<number>((r) => ws.once('close', (code) => r(code)));

describe('browser host socket', () => {
  it('answers calls with the session of the HTTP calls (the same token, the same signed-in operator)', async () => {
    await fetch(`http://127.0.0.1:${port}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lobbydesk-token': token },
      body: JSON.stringify({ username: 'admin', password: 'admin-pass-1' }),
    });
    const ws = await open();
    expect(ws.protocol).toBe('lobbydesk.1');
    const status = await ask(ws, 'system.status', '{}');
    expect(status.result).toMatchObject({ ok: true, value: { mode: 'ready', propertyName: '阳光花园' } });
    const search = await ask(ws, 'roster.search', JSON.stringify({ q: 'zz' }));
    expect(search.result).toMatchObject({ ok: true, value: { kind: 'initials' } });
    ws.close();
  });

  it('answers calls in the order they finish, each under its own id', async () => {
    const ws = await open();
    const [a, b, c] = await Promise.all([ask(ws, 'system.status', '{}'), ask(ws, 'roster.stats', '{}'), ask(ws, 'system.status', '')]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect([a, b, c].every((x) => x.result.ok)).toBe(true);
    ws.close();
  });

  it('refuses a socket without the token, with a wrong one, from another Origin or for another Host', async () => {
    await expect(open({ token: null })).rejects.toThrow('HTTP 403');
    await expect(open({ token: 'guess' })).rejects.toThrow('HTTP 403');
    await expect(open({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open({ host: `evil.example:${port}` })).rejects.toThrow('HTTP 403');
    await expect(open({ path: '/api/other' })).rejects.toThrow('HTTP 404');
  });

  it('refuses a body over the channel limit and bad JSON as answers, and closes on a broken frame', async () => {
    const ws = await open();
    const big = await ask(ws, 'roster.search', JSON.stringify({ q: 'x'.repeat(100_000) }));
    expect(big.result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const bad = await ask(ws, 'system.status', '{not json');
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const unknown = await ask(ws, 'roster.dropEverything', '{}');
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const done = closed(ws);
    ws.send('no header here');
    expect(await done).toBe(1007);
    const ws2 = await open();
    const done2 = closed(ws2);
    ws2.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await done2).toBe(1003);
    const ws3 = await open();
    const done3 = closed(ws3);
    ws3.send(`9 roster.search\n${'x'.repeat(SOCKET_MAX_BYTES + 10)}`);
    expect(await done3).toBe(1009);
    // still serving
    const ws4 = await open();
    expect((await ask(ws4, 'system.status', '{}')).result.ok).toBe(true);
    ws4.close();
  });
});
