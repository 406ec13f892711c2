import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Result } from '@shared/contract';
import type { Dispatcher } from '../ipc/handle';

/** The path the renderer opens its socket on, and the subprotocol it speaks (the token rides beside it). */
export const SOCKET_PATH = '/api/socket';
export const SOCKET_PROTOCOL = 'lobbydesk.1';
/** A second subprotocol `t.<token>` carries the per-run token: a browser cannot set headers on a WebSocket. */
export const TOKEN_PROTOCOL_PREFIX = 't.';
/**
 * The largest message the socket takes. The renderer sends bigger bodies (a roster file) over HTTP; a frame
 * over this closes the socket (1009), which fails the calls on it like a lost connection.
 */
export const SOCKET_MAX_BYTES = 1024 * 1024;

export interface SocketOptions {
  dispatch: Dispatcher;
  clientId: string;
  /** the Host and Origin checks and the token check, the same as for an HTTP call */
  allowed: (req: http.IncomingMessage) => boolean;
  sameToken: (token: string) => boolean;
}

/** An answer refusing a call before the dispatcher sees it (the same shape as the dispatcher's refusals). */
export const refuse = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The token among the offered subprotocols, or null. */
function offeredToken(req: http.IncomingMessage): string | null {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  if (!offered.includes(SOCKET_PROTOCOL)) return null;
  const t = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  return t ? t.slice(TOKEN_PROTOCOL_PREFIX.length) : null;
}

/**
 * One call per message, answered on the same socket: `<id> <channel>\n<input as JSON>` in, `<id>\n<result as
 * JSON>` out. The input is the same text an HTTP call would carry, dispatched with its size (the dispatcher holds it
 * to the channel's limit) and the same client id, so a call means the same on either path; the socket only saves the
 * per-request cost of HTTP in the browser (a keystroke's search answered without a new request each time).
 * Calls on one socket run as they arrive and are answered as they finish, as concurrent HTTP calls are.
 */
export function attachSocket(server: http.Server, opts: SocketOptions): WebSocketServer {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: SOCKET_MAX_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    if (path !== SOCKET_PATH) return reject(socket, 404, 'Not Found');
    if (!opts.allowed(req)) return reject(socket, 403, 'Forbidden');
    const token = offeredToken(req);
    if (token === null || !opts.sameToken(token)) return reject(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.close(1003, 'text only');
        return;
      }
      void answer(ws, Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]));
    });
  }

  async function answer(ws: WebSocket, data: Buffer): Promise<void> {
    const nl = data.indexOf(0x0a);
    const head = (nl < 0 ? data : data.subarray(0, nl)).toString('utf8');
    const m = /^(\d{1,15}) ([\w.-]{1,80})$/.exec(head);
    if (!m) {
      ws.close(1007, 'bad header');
      return;
    }
    const id = m[1] as string;
    const channel = m[2] as string;
    const reply = (r: Result<unknown>) => {
      if (ws.readyState === ws.OPEN) ws.send(`${id}\n${JSON.stringify(r)}`);
    };
    try {
      const body = nl < 0 ? Buffer.alloc(0) : data.subarray(nl + 1);
      let payload: unknown;
      try {
        const text = body.toString('utf8');
        payload = text === '' ? {} : JSON.parse(text);
      } catch {
        reply(refuse('BAD_INPUT', '请求内容不是有效的 JSON。'));
        return;
      }
      reply(await opts.dispatch(channel, payload, { clientId: opts.clientId, payloadBytes: body.length }));
    } catch {
      reply(refuse('BAD_INPUT', '请求无法处理。'));
    }
  }

  server.on('close', () => {
    for (const c of wss.clients) c.terminate();
    wss.close();
  });
  return wss;
}
