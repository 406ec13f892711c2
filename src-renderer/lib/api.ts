import type { Channel, Input, Output, Result } from '@shared/contract';

/**
 * The renderer's one typed client. In Electron the preload exposes `window.lobbydesk` (one named
 * method per channel); in the browser host the same calls go over HTTP to 127.0.0.1 with the per-run
 * token the host put in the URL fragment (#token=...).
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

async function viaHttp<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  token ??= hostToken();
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lobbydesk-token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'HOST_UNREACHABLE', message: '无法连接本机服务：请确认 LobbyDesk 仍在运行，然后刷新页面。' } };
  }
  try {
    return (await res.json()) as Result<Output<C>>;
  } catch {
    return { ok: false, error: { code: 'HOST_BAD_REPLY', message: `本机服务返回了无法识别的结果（HTTP ${res.status}）：请刷新页面重试。` } };
  }
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
  const r = bridge ? await bridge[channel](input) : await viaHttp(channel, input);
  if (r.ok) return r.value;
  if (AUTH_LOST_CODES.has(r.error.code)) for (const l of authLostListeners) l(r.error.code);
  throw new ApiError(r.error.code, r.error.message, r.error.params);
}

export const isAuthLost = (e: unknown): boolean => e instanceof ApiError && AUTH_LOST_CODES.has(e.code);
