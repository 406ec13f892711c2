import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServer } from '../../src-main/host/server';
import { openReadyCore, tmpDir, type TestCore } from '../support/core';

let t: TestCore;
let server: http.Server;
let port: number;
const token = 'test-token-abcdefghijklmnop';

function request(opts: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  request({
    path: `/api/${channel}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lobbydesk-token': token, ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  t = await openReadyCore();
  const staticDir = tmpDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>LobbyDesk</title>');
  fs.writeFileSync(path.join(t.dataDir, 'secret.txt'), 'do not serve');
  server = createHostServer({ dispatch: t.core.dispatch, token, staticDir, port: 0 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.close();
  await t.core.close();
});

describe('browser host', () => {
  it('serves the app with a strict CSP', async () => {
    const r = await request({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('LobbyDesk');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('answers the contract over HTTP with the token', async () => {
    const r = await api('system.status', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { mode: 'ready', propertyName: '阳光花园' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const none = await request({ path: '/api/system.status', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const wrong = await api('system.status', {}, { 'x-lobbydesk-token': 'guess' });
    expect(wrong.status).toBe(403);
  });

  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    const rebinding = await api('system.status', {}, { host: `evil.example:${port}` });
    expect(rebinding.status).toBe(421);
    const origin = await api('system.status', {}, { origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
  });

  it('refuses bodies over the channel limit with 413, and bad JSON with 400', async () => {
    const big = await api('roster.search', { q: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const bad = await request({ path: '/api/system.status', method: 'POST', headers: { 'x-lobbydesk-token': token }, body: '{not json' });
    expect(bad.status).toBe(400);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await request({ path: p });
      expect(r.body).not.toContain('do not serve');
    }
  });

  it('survives malformed paths and clients that hang up mid-upload', async () => {
    expect((await request({ path: '/%' })).status).toBe(400);
    expect((await request({ path: '/api/%E0%A4%A', method: 'POST', headers: { 'x-lobbydesk-token': token }, body: '{}' })).status).toBe(400);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/api/roster.import.start',
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, 'x-lobbydesk-token': token, 'content-length': '1000000' },
      });
      req.on('error', () => resolve());
      req.write('{"fileName":"a.csv","data":"');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    await new Promise((r) => setTimeout(r, 50));
    // still serving
    expect((await api('system.status', {})).status).toBe(200);
  });

  it('unknown channels come back as a value with a code', async () => {
    const r = await api('roster.dropEverything', {});
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
