import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/contract/channels';
import { CSP } from '../../src-main/lib/csp';
import { mainWindowOptions, WINDOW_TITLE } from '../../src-main/app/window-options';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  allowedOrigins,
  devRendererUrl,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  originOf,
} from '../../src-main/app/origins';
import { rendererAnswer, resolveRendererPath } from '../../src-main/app/renderer-files';
import { menuTemplate } from '../../src-main/app/menu';

/**
 * The Electron shell without the Electron binary: the pure parts directly, the thin Electron parts
 * (preload, IPC, lockdown) against a mocked 'electron' module, and the Electronegativity gate on a bad sample.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>(),
  session: {} as Record<string, unknown>,
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke },
  ipcMain: { handle: (ch: string, fn: (e: unknown, p: unknown) => Promise<unknown>) => electron.handlers.set(ch, fn), removeHandler: vi.fn() },
  app: { enableSandbox: vi.fn(), on: (name: string, fn: (...a: unknown[]) => void) => electron.appListeners.set(name, fn), whenReady: () => Promise.resolve() },
  session: {
    defaultSession: new Proxy(
      {},
      {
        get: (_t, key: string) =>
          key === 'webRequest' ? { onBeforeRequest: (fn: unknown) => (electron.session.onBeforeRequest = fn) } : (fn: unknown) => (electron.session[key] = fn),
      },
    ),
  },
}));

describe('main window options', () => {
  const o = mainWindowOptions({ preload: '/app/out/preload/index.cjs', devTools: false });
  const wp = o.webPreferences as unknown as Record<string, unknown>;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
  ])('webPreferences.%s is %s', (key, value) => {
    expect(wp[key]).toBe(value);
  });

  it('sets nothing that weakens the page', () => {
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'enableRemoteModule', 'nativeWindowOpen']) expect(wp).not.toHaveProperty(key);
  });

  it('uses the given preload, the title, a counter-sized window, and stays hidden until ready', () => {
    expect(wp.preload).toBe('/app/out/preload/index.cjs');
    expect(o.title).toBe(WINDOW_TITLE);
    expect(o.title).toContain('LobbyDesk');
    expect([o.width, o.height, o.minWidth, o.minHeight]).toEqual([1366, 768, 1024, 700]);
    expect(o.show).toBe(false);
  });

  it('has DevTools only when asked (development)', () => {
    expect(wp.devTools).toBe(false);
    expect(mainWindowOptions({ preload: 'p', devTools: true }).webPreferences.devTools).toBe(true);
  });
});

describe('origins and the IPC sender check', () => {
  const origins = allowedOrigins(null);

  it('knows the app origin and ignores a dev URL in a packaged app or off loopback', () => {
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173/');
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'https://evil.example' }, false)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/x.html' }, false)).toBeNull();
    expect(allowedOrigins('http://localhost:5173/')).toEqual([APP_ORIGIN, 'http://localhost:5173']);
  });

  it('accepts the main frame of an app page', () => {
    expect(isTrustedSender('app://lobbydesk/index.html', true, origins)).toBe(true);
    expect(isTrustedSender('app://lobbydesk/', true, origins)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', true, allowedOrigins('http://localhost:5173'))).toBe(true);
  });

  it.each([
    ['a subframe of the app', 'app://lobbydesk/index.html', false],
    ['another origin', 'https://evil.example/', true],
    ['another app:// host', 'app://evil/index.html', true],
    ['file://', 'file:///C:/app/out/renderer/index.html', true],
    ['about:blank', 'about:blank', true],
    ['data:', 'data:text/html,<script>1</script>', true],
    ['the dev server when not in development', 'http://localhost:5173/', true],
    ['credentials in the URL', 'app://user:pw@lobbydesk/', true],
    ['no URL', '', true],
  ])('refuses %s', (_name, url, isMainFrame) => {
    expect(isTrustedSender(url, isMainFrame, origins)).toBe(false);
  });

  it('limits navigation and requests to the app (and the dev server with its HMR socket)', () => {
    expect(isAllowedNavigation('app://lobbydesk/index.html#/keys', origins)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', origins)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', origins)).toBe(false);
    expect(isAllowedRequest('app://lobbydesk/assets/a.js', origins)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AA==', origins)).toBe(true);
    expect(isAllowedRequest('blob:app://lobbydesk/1234', origins)).toBe(true);
    expect(isAllowedRequest('https://cdn.example.com/x.js', origins)).toBe(false);
    expect(isAllowedRequest('file:///C:/Windows/win.ini', origins)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/', origins)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/', allowedOrigins('http://localhost:5173'))).toBe(true);
  });
});

describe('app:// protocol files', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-renderer-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'export {}');
    fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('maps app URLs into the renderer folder; routes without an extension get index.html', () => {
    expect(resolveRendererPath(root, 'app://lobbydesk/assets/a.js')).toEqual({ ok: true, file: path.join(root, 'assets', 'a.js') });
    expect(resolveRendererPath(root, 'app://lobbydesk/')).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveRendererPath(root, 'app://lobbydesk/keys/overdue')).toEqual({ ok: true, file: path.join(root, 'index.html') });
  });

  it.each([
    'app://lobbydesk/..%2Fsecret.txt',
    'app://lobbydesk/assets/..%2F..%2Fsecret.txt',
    'app://lobbydesk/..%5Csecret.txt',
    'app://lobbydesk/assets%5C..%5C..%5Csecret.txt',
    'app://lobbydesk/C:%5CWindows%5Cwin.ini',
    'app://lobbydesk/C:/Windows/win.ini',
    'app://lobbydesk/index.html%00.js',
    'app://lobbydesk/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveRendererPath(root, url).ok).toBe(false);
  });

  it('lets the URL parser fold plain dot segments, which then stay inside the folder', () => {
    for (const url of ['app://lobbydesk/../secret.txt', 'app://lobbydesk/%2e%2e/secret.txt', 'app://lobbydesk/assets/../../secret.txt']) {
      const r = resolveRendererPath(root, url);
      expect(r.ok && r.file).toBe(path.join(root, 'secret.txt'));
    }
  });

  it('answers with the CSP header, also on errors; HEAD has no body; only GET/HEAD', async () => {
    const ok = await rendererAnswer(root, 'app://lobbydesk/index.html');
    expect(ok.status).toBe(200);
    expect(ok.headers['content-security-policy']).toBe(CSP);
    expect(ok.headers['content-type']).toMatch(/^text\/html/);
    expect(ok.body?.toString()).toContain('<title>x</title>');
    const js = await rendererAnswer(root, 'app://lobbydesk/assets/a.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const missing = await rendererAnswer(root, 'app://lobbydesk/assets/none.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(CSP);
    expect((await rendererAnswer(root, 'app://lobbydesk/..%2Fsecret.txt')).body?.toString()).not.toContain('secret');
    expect((await rendererAnswer(root, 'app://lobbydesk/index.html', 'HEAD')).body).toBeNull();
    expect((await rendererAnswer(root, 'app://lobbydesk/index.html', 'POST')).status).toBe(405);
  });

  it('keeps a strict CSP: nothing remote, no inline script', () => {
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toMatch(/script-src 'self'(;|$)/);
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('menu', () => {
  const roles = (t: ReturnType<typeof menuTemplate>): string[] =>
    t.flatMap((i) => [String(i.role ?? ''), ...(Array.isArray(i.submenu) ? i.submenu.map((s) => String(s.role ?? '')) : [])]);
  it('has no DevTools or reload in a packaged app', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(roles(menuTemplate(platform, true))).not.toContain('toggleDevTools');
      expect(roles(menuTemplate(platform, true))).not.toContain('reload');
    }
    expect(roles(menuTemplate('win32', false))).toContain('toggleDevTools');
  });
});

describe('preload bridge (mocked electron)', () => {
  it('exposes one frozen named method per channel and nothing else', async () => {
    await import('../../src-preload');
    const api = electron.exposed.get('lobbydesk') as Record<string, (input: unknown) => Promise<unknown>>;
    expect([...electron.exposed.keys()]).toEqual(['lobbydesk']);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(api).not.toHaveProperty(name);
    for (const c of CHANNELS) expect(typeof api[c]).toBe('function');

    electron.invoke.mockResolvedValueOnce({ ok: true, value: 1 });
    await expect(api['roster.search']?.({ q: '501' })).resolves.toEqual({ ok: true, value: 1 });
    expect(electron.invoke).toHaveBeenLastCalledWith('roster.search', { q: '501' });
    electron.invoke.mockRejectedValueOnce(new Error('could not be cloned'));
    await expect(api['auth.logout']?.({})).resolves.toMatchObject({ ok: false, error: { code: 'IPC_FAILED' } });
  });
});

describe('IPC handlers (mocked electron)', () => {
  const frame = (url: string, parent: unknown = null) => ({ url, parent, processId: 3, routingId: parent ? 9 : 1 });
  const event = (id: number, senderFrame: unknown) => ({ sender: { id, mainFrame: { processId: 3, routingId: 1 } }, senderFrame });

  it('registers exactly the declared channels and checks the sender before dispatching', async () => {
    const { registerIpc } = await import('../../src-main/app/ipc');
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'v' }));
    registerIpc({ dispatch, origins: allowedOrigins(null), isOurContents: (id) => id === 7, log: () => {} });
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const handle = electron.handlers.get('system.status');
    if (!handle) throw new Error('no handler');

    await expect(handle(event(7, frame('app://lobbydesk/index.html')), {})).resolves.toEqual({ ok: true, value: 'v' });
    expect(dispatch).toHaveBeenLastCalledWith('system.status', {}, { clientId: 'wc:7' });
    dispatch.mockClear();

    const refused = [
      event(7, frame('app://lobbydesk/index.html', {})), // a subframe
      event(7, frame('https://evil.example/')),
      event(7, frame('file:///C:/x/index.html')),
      event(7, frame('about:blank')),
      event(7, null), // frame gone
      event(8, frame('app://lobbydesk/index.html')), // not one of our windows
    ];
    for (const e of refused) await expect(handle(e, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('reports.pdf: the core checks the call, then Electron lays the sender page out as PDF; a refusal stays a refusal', async () => {
    const { registerIpc } = await import('../../src-main/app/ipc');
    const printToPdf = vi.fn(async () => Buffer.from('%PDF-1.7 test'));
    let answer: { ok: boolean; value?: unknown; error?: unknown } = { ok: true, value: { supported: false, fileName: '月报.pdf', data: '' } };
    const dispatch = vi.fn(async () => answer as never);
    registerIpc({ dispatch, origins: allowedOrigins(null), isOurContents: (id) => id === 7, log: () => {}, printToPdf });
    const handle = electron.handlers.get('reports.pdf');
    if (!handle) throw new Error('no handler');
    const e = event(7, frame('app://lobbydesk/index.html'));
    await expect(handle(e, { title: '月报' })).resolves.toEqual({
      ok: true,
      value: { supported: true, fileName: '月报.pdf', data: Buffer.from('%PDF-1.7 test').toString('base64') },
    });
    expect(printToPdf).toHaveBeenCalledWith(e);
    answer = { ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录。' } };
    printToPdf.mockClear();
    await expect(handle(e, { title: '月报' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(printToPdf).not.toHaveBeenCalled();
  });
});

describe('lockdown (mocked electron)', () => {
  it('blocks navigation away from the app, new windows, webviews and every permission', async () => {
    const { installLockdown } = await import('../../src-main/app/security');
    installLockdown({ origins: allowedOrigins(null), log: () => {} });
    await Promise.resolve();
    const listeners = new Map<string, (e: { url?: string; preventDefault: () => void }) => void>();
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    const contents = {
      on: (n: string, fn: (e: { url?: string; preventDefault: () => void }) => void) => listeners.set(n, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    };
    electron.appListeners.get('web-contents-created')?.({}, contents);

    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
      const home = { url: 'app://lobbydesk/index.html', preventDefault: vi.fn() };
      listeners.get(name)?.(away);
      listeners.get(name)?.(home);
      expect(away.preventDefault, name).toHaveBeenCalled();
      expect(home.preventDefault, name).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler?.({ url: 'app://lobbydesk/index.html' })).toEqual({ action: 'deny' });

    const granted = vi.fn();
    (electron.session.setPermissionRequestHandler as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect((electron.session.setPermissionCheckHandler as () => boolean)()).toBe(false);
    expect((electron.session.setDevicePermissionHandler as () => boolean)()).toBe(false);
    const cancel = vi.fn();
    (electron.session.onBeforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url: 'https://cdn.example.com/a.js' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('electronegativity gate', () => {
  const gate = (args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/electronegativity-gate.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 150_000 });

  it('FAILS on a window with nodeIntegration on and contextIsolation off', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-bad-electron-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
      );
      const r = gate(['--input', dir]);
      expect(r.status, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toMatch(/✗ NODE_INTEGRATION_JS_CHECK .*main\.js:2/);
      expect(r.stdout).toMatch(/✗ CONTEXT_ISOLATION_JS_CHECK/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes its own self-test (the bad sample is caught with the real allowlist)', () => {
    const r = gate(['--self-test']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('self-test: ok');
  });
});
