/**
 * Which pages count as "the app": pure functions (no Electron import) used by the IPC sender check,
 * the navigation guards and the request filter, so each rule can be unit-tested.
 *
 * Production loads the renderer from the privileged custom scheme `app://lobbydesk/` (never file://).
 * In development electron-vite sets ELECTRON_RENDERER_URL (its Vite dev server on localhost); that origin
 * is allowed only when the app is not packaged.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'lobbydesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it has no host (file:, about:, data:, blob:, javascript:).
 * WHATWG `URL.origin` is "null" for schemes Node does not know (such as app:), so it is built by hand.
 */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol === 'file:' || !u.host) return null;
  if (u.username || u.password) return null;
  return `${u.protocol}//${u.host}`;
}

/**
 * The dev server origin, only for an unpacked app and only on loopback over http(s).
 * Returns null (ignored) for anything else, so a stray environment variable cannot point
 * the privileged window at a remote page.
 */
export function devRendererUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) return null;
  return u.toString();
}

/** The origins whose pages may call IPC and be navigated to. */
export function allowedOrigins(devUrl: string | null): readonly string[] {
  const dev = originOf(devUrl);
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}

/**
 * IPC sender check: the message must come from the top-level frame of one of our windows,
 * showing a page of an allowed origin. Subframes, about:blank, file:// and other origins are refused.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean, origins: readonly string[]): boolean {
  if (!isMainFrame) return false;
  const origin = originOf(frameUrl);
  return origin !== null && origins.includes(origin);
}

/** will-navigate / will-redirect / will-frame-navigate: only to a page of an allowed origin. */
export function isAllowedNavigation(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/**
 * The session-wide request filter ("load only our own content"): app:// pages and assets, inline data:
 * and blob: (images, receipt previews), DevTools' own pages, and in development the dev server
 * (including its HMR WebSocket). Anything else — http(s) to the Internet, file:// — is cancelled.
 */
export function isAllowedRequest(url: string, origins: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
  const origin = originOf(url);
  if (origin === null) return false;
  if (origins.includes(origin)) return true;
  // Vite's HMR socket: ws(s):// to the same host as an allowed http(s) dev origin
  if (u.protocol === 'ws:' || u.protocol === 'wss:') {
    const asHttp = `${u.protocol === 'ws:' ? 'http:' : 'https:'}//${u.host}`;
    return origins.includes(asHttp);
  }
  return false;
}
