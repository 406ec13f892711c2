import http from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { contract, DEFAULT_MAX_BYTES, type Result } from '@shared/contract';
import type { Dispatcher } from '../ipc/handle';
import { staticAnswer } from '../lib/static-files';
import { attachSocket, refuse } from './socket';

export interface HostOptions {
  dispatch: Dispatcher;
  token: string;
  staticDir: string;
  port: number;
}

function sameToken(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The browser host: the renderer's files and the same contract as the Electron IPC, served on 127.0.0.1 only.
 * Every API call must carry the per-run token; the Host and Origin headers must be this loopback address
 * (so a web page the browser has open elsewhere cannot reach it, even by DNS rebinding).
 */
export function createHostServer(opts: HostOptions): http.Server {
  const clientId = `host:${createHash('sha256').update(opts.token).digest('hex').slice(0, 16)}`;
  const server = http.createServer((req, res) => {
    // nothing a client sends may take the host down: every failure becomes an answer
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 400, refuse('BAD_INPUT', '请求无法处理。'));
      else res.destroy();
    });
  });

  const portNow = () => (server.address() as { port: number } | null)?.port ?? opts.port;
  const hostAllowed = (req: http.IncomingMessage, port: number) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  const originAllowed = (origin: string | undefined, port: number) =>
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const port = portNow();
    if (!hostAllowed(req, port)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url, port);
      return;
    }
    const a = await staticAnswer(opts.staticDir, url.pathname, req.method);
    res.writeHead(a.status, a.headers);
    res.end(a.body ?? undefined);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, port: number): Promise<void> {
    if (!originAllowed(req.headers.origin, port)) {
      sendJson(res, 403, refuse('FORBIDDEN_SENDER', '请求来源不被允许。'));
      return;
    }
    const token = req.headers['x-lobbydesk-token'];
    if (typeof token !== 'string' || !sameToken(token, opts.token)) {
      sendJson(res, 403, refuse('FORBIDDEN_SENDER', '访问口令无效：请使用启动时显示的完整地址重新打开页面。'));
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, refuse('BAD_INPUT', '只接受 POST 请求。'));
      return;
    }
    let channel: string;
    try {
      channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      sendJson(res, 400, refuse('UNKNOWN_CHANNEL', '未知的操作。'));
      return;
    }
    const known = Object.prototype.hasOwnProperty.call(contract, channel);
    const limit = known ? (contract[channel as keyof typeof contract].maxBytes ?? DEFAULT_MAX_BYTES) : DEFAULT_MAX_BYTES;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      sendJson(res, 413, refuse('PAYLOAD_TOO_LARGE', `提交的数据太大（上限 ${Math.floor(limit / 1024)} KB）：请缩小文件或分批处理。`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) {
          tooBig = true;
          break;
        }
        chunks.push(chunk);
      }
    } catch {
      // the client went away mid-upload (a tab closed during an import): nothing to answer
      req.destroy();
      return;
    }
    if (tooBig) {
      sendJson(res, 413, refuse('PAYLOAD_TOO_LARGE', `提交的数据太大（上限 ${Math.floor(limit / 1024)} KB）：请缩小文件或分批处理。`));
      req.destroy();
      return;
    }
    let payload: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      payload = text === '' ? {} : JSON.parse(text);
    } catch {
      sendJson(res, 400, refuse('BAD_INPUT', '请求内容不是有效的 JSON。'));
      return;
    }
    const result = await opts.dispatch(channel, payload, { clientId, payloadBytes: size });
    sendJson(res, 200, result);
  }

  // the same calls over one WebSocket (the renderer's path for everything but large uploads): same checks
  attachSocket(server, {
    dispatch: opts.dispatch,
    clientId,
    allowed: (req) => hostAllowed(req, portNow()) && originAllowed(req.headers.origin, portNow()),
    sameToken: (t) => sameToken(t, opts.token),
  });
  return server;
}
