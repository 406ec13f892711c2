import { errorAnswer, resolveUnder, staticAnswer, type FileAnswer, type Resolved } from '../lib/static-files';
import { APP_HOST, APP_SCHEME } from './origins';

/**
 * Serving the built renderer (out/renderer) on app://lobbydesk/: only our scheme and host, then the shared
 * static-file rules (lib/static-files.ts). protocol.ts turns the answer into a fetch Response.
 */

export { contentTypeOf, securityHeaders, type FileAnswer, type Resolved } from '../lib/static-files';

function appPath(requestUrl: string): string | null {
  try {
    const u = new URL(requestUrl);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST ? u.pathname : null;
  } catch {
    return null;
  }
}

/** Maps `app://lobbydesk/<path>` to a file under `root`; other hosts and schemes are refused. */
export function resolveRendererPath(root: string, requestUrl: string): Resolved {
  const p = appPath(requestUrl);
  if (p === null) return { ok: false, status: /^[a-z][a-z0-9+.-]*:/i.test(requestUrl) ? 404 : 400 };
  return resolveUnder(root, p);
}

export async function rendererAnswer(root: string, requestUrl: string, method = 'GET'): Promise<FileAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return errorAnswer(405);
  const p = appPath(requestUrl);
  if (p === null) return errorAnswer(404);
  return staticAnswer(root, p, method);
}
