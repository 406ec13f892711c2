import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppStatus } from '@shared/contract';
import { call, onAuthLost } from '../lib/api';
import { setPropertyTimeZone } from '../lib/format';

export const STATUS_POLL_MS = 5_000;

interface StatusValue {
  status: AppStatus | null;
  /** The last failure to read the status (the host is gone, …), or null. */
  error: unknown;
  refresh: () => Promise<AppStatus | null>;
}

const StatusContext = createContext<StatusValue | null>(null);

/** Reads system.status at start, every 5 s, and whenever a call says the session was lost or locked. */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const s = await call('system.status', {});
      // before the state update, so the render it causes already shows the property's clock
      setPropertyTimeZone(s.timeZone);
      if (mine === seq.current) {
        setStatus(s);
        setError(null);
      }
      return s;
    } catch (e) {
      if (mine === seq.current) setError(e);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), STATUS_POLL_MS);
    const off = onAuthLost(() => void refresh());
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [refresh]);

  const value = useMemo(() => ({ status, error, refresh }), [status, error, refresh]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusValue {
  const v = useContext(StatusContext);
  if (!v) throw new Error('useStatus outside StatusProvider');
  return v;
}
