import type { PostResult } from './http-client';

/** What one sending attempt of a day came to, read from head office's answer. */
export type Outcome =
  | { kind: 'delivered'; duplicate: boolean; status: number; conflict?: boolean }
  | { kind: 'retry'; status: number | null; error: string; retryAfterMs?: number }
  | { kind: 'stop'; status: number; error: string };

/** The status bar's alert for a day head office refused. */
export function alertText(status: number | null): string {
  if (status === 401 || status === 403) return `总部拒绝了上报（${status}）：请检查终端编号和密钥`;
  return `总部不接受上报数据（${status ?? '?'}）：请联系技术支持`;
}

/** Head office's time from a clock_skew refusal (401 with {"error":"clock_skew","serverTime": ms}). */
export function skewOf(r: PostResult): number | null {
  if (r.kind !== 'answer' || r.status !== 401) return null;
  try {
    const b = JSON.parse(r.body) as { error?: unknown; serverTime?: unknown };
    return b.error === 'clock_skew' && typeof b.serverTime === 'number' && Number.isFinite(b.serverTime) ? b.serverTime : null;
  } catch {
    return null;
  }
}

export function classify(r: PostResult): Outcome {
  if (r.kind === 'timeout') return { kind: 'retry', status: null, error: '总部无应答（超时）' };
  if (r.kind === 'network') return { kind: 'retry', status: null, error: `连不上总部：${r.error}` };
  const st = r.status;
  if (st >= 200 && st < 300) {
    let duplicate = false;
    try {
      duplicate = (JSON.parse(r.body) as { duplicate?: unknown }).duplicate === true;
    } catch {
      /* any 2xx body is fine */
    }
    return { kind: 'delivered', duplicate, status: st };
  }
  if (st === 409) return { kind: 'delivered', duplicate: true, status: st };
  // head office already holds this day with other content (a day rebuilt after restoring a backup): it keeps its
  // copy; resending cannot change that, so the day ends here and the history says to reconcile with head office
  if (st === 422 && /key_reused_with_other_body/.test(r.body)) return { kind: 'delivered', duplicate: true, status: st, conflict: true };
  if (st === 408 || st === 429 || st >= 500) {
    const ra = Number(Array.isArray(r.headers['retry-after']) ? r.headers['retry-after'][0] : r.headers['retry-after']);
    return {
      kind: 'retry',
      status: st,
      error: `总部暂时不能接收（${st}）`,
      ...(Number.isFinite(ra) && ra > 0 ? { retryAfterMs: Math.min(ra, 3600) * 1000 } : {}),
    };
  }
  return {
    kind: 'stop',
    status: st,
    error: st === 401 || st === 403 ? `总部拒绝（${st}）：终端编号或密钥不对` : `总部不接受（${st}）：${r.body.slice(0, 120)}`,
  };
}
