import fs from 'node:fs/promises';
import path from 'node:path';
import { CSP } from './csp';

/**
 * Serving the built renderer, shared by the Electron app:// protocol and the browser host.
 * Pure Node; the path rules are unit-tested (test/unit/electron-window.test.ts, test/integration/host.test.ts).
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 404 };

/**
 * Maps a percent-encoded URL path to a file under `root`. Refuses bad encodings, encoded backslashes,
 * `..` segments (also percent-encoded), NUL bytes, drive letters, and anything that would land outside
 * root. A path without an extension is a client-side route and gets index.html.
 */
export function resolveUnder(root: string, encodedPath: string): Resolved {
  let rel: string;
  try {
    rel = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (rel.includes('\0')) return { ok: false, status: 400 };
  const segments = rel.split(/[/\\]+/).filter((s) => s !== '');
  // no dot segments; no ':' (a Windows drive such as C: or C:x would leave root)
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return { ok: false, status: 404 };
  if (segments.length === 0 || !path.extname(segments[segments.length - 1] ?? '')) segments.splice(0, segments.length, 'index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return { ok: false, status: 404 };
  return { ok: true, file };
}

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Headers on every answer, including errors: the CSP travels as a response header, not only as <meta>. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
}

export function errorAnswer(status: number): FileAnswer {
  const text = status === 405 ? 'method not allowed' : status === 400 ? 'bad request' : 'not found';
  return { status, headers: { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(text) };
}

/** Reads the file for a request path and builds the answer (status, headers with the CSP, body). */
export async function staticAnswer(root: string, encodedPath: string, method = 'GET'): Promise<FileAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return errorAnswer(405);
  const r = resolveUnder(root, encodedPath);
  if (!r.ok) return errorAnswer(r.status);
  let body: Buffer;
  try {
    const st = await fs.stat(r.file);
    if (!st.isFile()) return errorAnswer(404);
    body = await fs.readFile(r.file);
  } catch {
    return errorAnswer(404);
  }
  const isHtml = path.extname(r.file) === '.html';
  return {
    status: 200,
    headers: { ...securityHeaders(), 'content-type': contentTypeOf(r.file), 'cache-control': isHtml ? 'no-store' : 'max-age=3600' },
    body: method === 'HEAD' ? null : body,
  };
}
