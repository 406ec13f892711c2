import type { Channel, Input, Output, Result } from '@shared/contract';

/**
 * The renderer's one typed client. In Electron the preload exposes `window.lobbydesk` (one named
 * method per channel); in the browser host the same calls go to 127.0.0.1 (over one WebSocket, or HTTP until
 * it is open) with the per-run token the host put in the URL fragment (#token=...).
 */
type Bridge = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> };

declare global {
  interface Window {
    lobbydesk?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** For BAD_INPUT: the path of the field the core refused (`payments[0].receivedFen`), to name or focus it. */
  get field(): string | null {
    return typeof this.params?.field === 'string' ? this.params.field : null;
  }
}

const TOKEN_KEY = 'lobbydesk.token';

function hostToken(): string {
  const m = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    // keep the token out of the address bar and out of screenshots
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return m[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

const UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'HOST_UNREACHABLE', message: '无法连接本机服务：请确认 LobbyDesk 仍在运行，然后刷新页面。' },
};

async function viaHttp<C extends Channel>(channel: C, body: string): Promise<Result<Output<C>>> {
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lobbydesk-token': token ?? '' },
      body,
    });
  } catch {
    return UNREACHABLE;
  }
  try {
    return (await res.json()) as Result<Output<C>>;
  } catch {
    return { ok: false, error: { code: 'HOST_BAD_REPLY', message: `本机服务返回了无法识别的结果（HTTP ${res.status}）：请刷新页面重试。` } };
  }
}

/** Bodies up to this size go over the socket; larger ones (a roster file) over HTTP. */
const SOCKET_BODY_MAX = 256 * 1024;
/** After a socket closes or fails to open, calls go over HTTP for this long before it is tried again. */
const SOCKET_RETRY_MS = 2000;

/**
 * The browser host's socket: one WebSocket for every call (`<id> <channel>\n<input>` out, `<id>\n<result>` in),
 * because a fetch costs the browser a new request each time (about 5 ms here, 20 ms at the tail), which is most
 * of a keystroke's search. Until it is open, and when it is lost, calls go over HTTP; a call on its way when the
 * socket is lost fails like a fetch to a host that went away (it may or may not have been done: never resent).
 */
class HostSocket {
  private ws: WebSocket | null = null;
  private open = false;
  private retryAt = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, (r: Result<unknown>) => void>();

  /** Sends the call if the socket is open (opening it if need be); null when the caller should use HTTP. */
  send(channel: string, body: string): Promise<Result<unknown>> | null {
    if (!this.open) {
      this.connect();
      return null;
    }
    const id = this.nextId++;
    const ws = this.ws as WebSocket;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      try {
        ws.send(`${id} ${channel}\n${body}`);
      } catch {
        this.waiting.delete(id);
        resolve(UNREACHABLE);
      }
    });
  }

  private connect(): void {
    if (this.ws || Date.now() < this.retryAt || typeof WebSocket === 'undefined' || !token) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/socket`, ['lobbydesk.1', `t.${token}`]);
    } catch {
      this.retryAt = Date.now() + SOCKET_RETRY_MS;
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.open = true;
    };
    ws.onmessage = (e: MessageEvent) => {
      if (typeof e.data !== 'string') return;
      const nl = e.data.indexOf('\n');
      const id = Number(e.data.slice(0, nl));
      const done = this.waiting.get(id);
      if (!done) return;
      this.waiting.delete(id);
      try {
        done(JSON.parse(e.data.slice(nl + 1)) as Result<unknown>);
      } catch {
        done({ ok: false, error: { code: 'HOST_BAD_REPLY', message: '本机服务返回了无法识别的结果：请刷新页面重试。' } });
      }
    };
    ws.onclose = () => {
      this.ws = null;
      this.open = false;
      this.retryAt = Date.now() + SOCKET_RETRY_MS;
      for (const done of this.waiting.values()) done(UNREACHABLE);
      this.waiting.clear();
    };
  }
}

const socket = new HostSocket();

function viaHost<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  token ??= hostToken();
  const body = JSON.stringify(input ?? {});
  const sent = body.length <= SOCKET_BODY_MAX ? socket.send(channel, body) : null;
  return (sent as Promise<Result<Output<C>>> | null) ?? viaHttp<C>(channel, body);
}

/** Codes that mean "the session is gone or locked": the app goes to the lock or login screen. */
export const AUTH_LOST_CODES: ReadonlySet<string> = new Set(['LOCKED', 'NOT_SIGNED_IN']);

type AuthLostListener = (code: string) => void;
const authLostListeners = new Set<AuthLostListener>();

/** Called whenever any call comes back LOCKED or NOT_SIGNED_IN. Returns an unsubscribe function. */
export function onAuthLost(listener: AuthLostListener): () => void {
  authLostListeners.add(listener);
  return () => authLostListeners.delete(listener);
}

/** Calls a channel and returns its value, or throws ApiError with the code and the Chinese message. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const bridge = window.lobbydesk;
  const r = bridge ? await bridge[channel](input) : await viaHost(channel, input);
  if (r.ok) return r.value;
  if (AUTH_LOST_CODES.has(r.error.code)) for (const l of authLostListeners) l(r.error.code);
  throw new ApiError(r.error.code, r.error.message, r.error.params);
}

export const isAuthLost = (e: unknown): boolean => e instanceof ApiError && AUTH_LOST_CODES.has(e.code);
