import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AppStatus } from '@shared/contract';
import { onAuthLost } from '../lib/api';
import { callQuery } from '../lib/query';
import { setPropertyTimeZone } from '../lib/format';

export const STATUS_POLL_MS = 5_000;

interface StatusValue {
  status: AppStatus | null;
  /** The last failure to read the status (the host is gone, …), or null. */
  error: unknown;
  /** Reads the status now; the answer, or null when it failed. */
  refresh: () => Promise<AppStatus | null>;
}

const StatusContext = createContext<StatusValue | null>(null);

const base = callQuery('system.status', {});
/** system.status as a query: the answer also sets the property's clock, before the render it causes. */
const statusQuery = {
  ...base,
  queryFn: async () => {
    const s = await base.queryFn();
    setPropertyTimeZone(s.timeZone);
    return s;
  },
};

/**
 * The status read: every `ms` while `poll` (the provider polls every 5 s; the demo progress faster while the
 * generator runs). One query, so a poll and a refresh never overwrite a newer answer with an older one.
 */
export function useStatusQuery(ms: number, poll = true) {
  return useQuery({ ...statusQuery, refetchInterval: poll ? ms : false });
}

/** Reads system.status at start, every 5 s, and whenever a call says the session was lost or locked. */
export function StatusProvider({ children }: { children: ReactNode }) {
  const q = useStatusQuery(STATUS_POLL_MS);
  const { refetch } = q;

  const refresh = useCallback(async () => {
    const r = await refetch();
    return r.isError ? null : (r.data ?? null);
  }, [refetch]);

  useEffect(() => onAuthLost(() => void refresh()), [refresh]);

  const status = q.data ?? null;
  const error = q.error ?? null;
  const value = useMemo(() => ({ status, error, refresh }), [status, error, refresh]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusValue {
  const v = useContext(StatusContext);
  if (!v) throw new Error('useStatus outside StatusProvider');
  return v;
}
