import type { ImportStatus } from '@shared/contract';
import { isAuthLost } from '../../lib/api';
import { useCall } from '../../lib/query';

export const POLL_MS = 200;
/** While the screen is locked the polls are refused; try again slowly until it is unlocked. */
const LOCKED_RETRY_MS = 2_000;

/**
 * Polls roster.import.status every 200 ms while the file is being checked. Stops when the check is done
 * or failed (or a poll failed for another reason than the lock). Each job is its own query: an answer for
 * an earlier job never shows for this one.
 */
export function useImportJob(jobId: string | null): { status: ImportStatus | null; error: unknown } {
  const q = useCall(
    'roster.import.status',
    { jobId: jobId ?? '' },
    {
      enabled: jobId !== null,
      gcTime: 0,
      refetchInterval: (s, error) => (error ? (isAuthLost(error) ? LOCKED_RETRY_MS : false) : !s || s.progress.state === 'running' ? POLL_MS : false),
    },
  );
  const lockedOut = isAuthLost(q.error);
  return { status: jobId ? (q.data ?? null) : null, error: jobId && !lockedOut ? q.error : null };
}
