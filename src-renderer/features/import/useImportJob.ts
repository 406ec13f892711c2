import { useEffect, useState } from 'react';
import type { ImportStatus } from '@shared/contract';
import { call, isAuthLost } from '../../lib/api';

export const POLL_MS = 200;
/** While the screen is locked the polls are refused; try again slowly until it is unlocked. */
const LOCKED_RETRY_MS = 2_000;

/**
 * Polls roster.import.status every 200 ms while the file is being checked, and again while the confirmed rows
 * are written (`round` changes when the commit starts or ends: polling starts over, keeping the last status of
 * the same job on screen meanwhile). Stops when the job is no longer running. Replies that arrive after the
 * component moved on are dropped.
 */
export function useImportJob(jobId: string | null, round = 0): { status: ImportStatus | null; error: unknown } {
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setStatus((s) => (s && s.jobId === jobId ? s : null));
    setError(null);
    if (!jobId) return;
    let live = true;
    let timer = 0;
    const tick = async () => {
      try {
        const s = await call('roster.import.status', { jobId });
        if (!live) return;
        setStatus(s);
        setError(null);
        if (s.progress.state === 'running') timer = window.setTimeout(() => void tick(), POLL_MS);
      } catch (e) {
        if (!live) return;
        if (isAuthLost(e)) timer = window.setTimeout(() => void tick(), LOCKED_RETRY_MS);
        else setError(e);
      }
    };
    void tick();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId, round]);

  return { status, error };
}
