import { useQuery, type QueryClient } from '@tanstack/react-query';
import { buildRosterIndex, type RosterIndex } from '@shared/roster-index';
import { call } from '../../lib/api';
import { callKey } from '../../lib/query';

/**
 * The renderer's copy of the roster index (src-shared/roster-index.ts): loaded once per signed-in operator (each
 * shell has its own query client) and built into sorted lists, so a search box answers a keystroke in the frame
 * it was typed in. A change to the roster asks for it again (lib/refreshes.ts: every change to 'roster' and the
 * room file's residents); between changes it never goes stale by time.
 */
export const rosterIndexQuery = {
  queryKey: callKey('roster.index', {}),
  queryFn: async (): Promise<RosterIndex> => {
    const ix = buildRosterIndex(await call('roster.index', {}));
    warmWhenIdle(ix);
    return ix;
  },
  staleTime: Infinity,
  gcTime: Infinity,
  // the index is rebuilt whole; comparing 50,000 entries with the last one would cost more than it saves
  structuralSharing: false,
} as const;

/** Sorts the index's lists one per idle moment (each a few tens of milliseconds at 50,000 residents), ahead of use. */
function warmWhenIdle(ix: RosterIndex): void {
  const step = () => {
    if (ix.warm()) window.requestIdleCallback(step, { timeout: 1000 });
  };
  window.requestIdleCallback(step, { timeout: 1000 });
}

/** The index, or null until it has loaded (searches are then answered by main alone). */
export function useRosterIndex(): RosterIndex | null {
  return useQuery(rosterIndexQuery).data ?? null;
}

/** Loads it ahead of the first search box (at sign-in, when the counter is idle). */
export function preloadRosterIndex(client: QueryClient): void {
  void client.prefetchQuery(rosterIndexQuery).catch(() => undefined);
}

let lastReload = 0;
/**
 * Main answered a search differently from the index: the roster changed in a way no refresh covered (another
 * window, an import still committing). Reloads it, at most once a minute (a reload is one read of every
 * resident; a disagreement that a reload does not cure must not cost one per keystroke).
 */
export function reloadRosterIndex(client: QueryClient): void {
  const now = Date.now();
  if (now - lastReload < 60_000) return;
  lastReload = now;
  void client.invalidateQueries({ queryKey: rosterIndexQuery.queryKey, exact: true });
}
