/**
 * Service-level figures from stored timestamps (ISO, UTC). Durations are plain differences of instants, so a
 * request logged at 23:58 and dispatched at 00:01 took 3 minutes whatever the dates say. If the PC's clock was
 * set back between two steps the difference comes out negative: it is counted as 0 and flagged, never as a
 * negative time that would flatter the averages.
 */
export interface Span {
  ms: number;
  /** the later step carries an earlier time than the first (the clock was changed) */
  clockAnomaly: boolean;
}

export function span(fromIso: string, toIso: string | null): Span | null {
  if (!toIso) return null;
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms)) return null;
  return ms < 0 ? { ms: 0, clockAnomaly: true } : { ms, clockAnomaly: false };
}

/** Dispatched within the target (a missing dispatch is late once the target has passed by `now`). */
export function withinTarget(createdIso: string, dispatchedIso: string | null, targetMinutes: number, now: Date): boolean | null {
  const s = span(createdIso, dispatchedIso);
  if (s) return s.ms <= targetMinutes * 60_000;
  const waited = now.getTime() - Date.parse(createdIso);
  return waited > targetMinutes * 60_000 ? false : null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? (v[mid] as number) : Math.round(((v[mid - 1] as number) + (v[mid] as number)) / 2);
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
