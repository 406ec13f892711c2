import { useCallback } from 'react';
import { keepPreviousData, notifyManager, QueryClient, useQuery, useQueryClient, type Query, type UseQueryResult } from '@tanstack/react-query';
import type { Channel, Input, Output } from '@shared/contract';
import { call } from './api';
import { ONE_MOMENT, refreshes } from './refreshes';

/**
 * The renderer's data layer: every call to main goes through TanStack Query, so every screen has one
 * stale-reply rule, one loading and error state and one refresh after a change.
 *
 * - A read is a query keyed `[channel, input]` (`useCall`): a reply for an older key never lands on a newer
 *   one, a poll is `refetchInterval`, and the same read on two screens is asked once.
 * - A read on demand (a lookup on Enter) is `useFetch`: the same cache and keys, awaited where it is needed.
 * - A change is `useSend`: the call, then the reads it affects are asked again (lib/refreshes.ts says which).
 *
 * main answers over IPC or 127.0.0.1, never the network: queries run whatever `navigator.onLine` says, are
 * never retried behind the receptionist's back (the error is shown at once, with what to do), and are not
 * asked again on window focus (what is on screen changes only by a poll or a change).
 */

// Results reach React in a microtask, not a 0 ms timer (a timer costs up to 4 ms per keystroke once nested).
notifyManager.setScheduler(queueMicrotask);

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        refetchIntervalInBackground: true,
        staleTime: 0,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/** A read's key: its channel and input, and for a read that belongs to one moment, that moment (a scan's id). */
export type CallKey<C extends Channel> = readonly [C, Input<C>] | readonly [C, Input<C>, string];
export const callKey = <C extends Channel>(channel: C, input: Input<C>, scope?: string): CallKey<C> =>
  scope === undefined ? ([channel, input] as const) : ([channel, input, scope] as const);

/** The query options for one read: its key and how it is asked (shared by `useCall` and `useFetch`). */
export function callQuery<C extends Channel>(channel: C, input: Input<C>, scope?: string) {
  return { queryKey: callKey(channel, input, scope), queryFn: () => call(channel, input) };
}

export interface CallOptions<T = unknown> {
  /** what else the answer belongs to (one scan): a new scope is asked afresh, never answered from the cache */
  scope?: string;
  /** false: not asked (yet), e.g. no text to search for */
  enabled?: boolean;
  /** ask again every this many ms while on screen (a poll); as a function, from the last answer or failure */
  refetchInterval?: number | false | ((data: T | undefined, error: unknown) => number | false);
  /** forget the answer this soon after leaving the screen (default five minutes) */
  gcTime?: number;
  /** while the answer for a new input (a filter typed) is on its way, the last answer stays on screen */
  keepPrevious?: boolean;
}

/**
 * One read, on screen: `data` (undefined until the first answer), `error` (the last failure, cleared by an
 * answer), `isPending`, `isFetching`, `refetch`. A failed poll keeps the last answer beside its error.
 */
export function useCall<C extends Channel>(channel: C, input: Input<C>, opts: CallOptions<Output<C>> = {}): UseQueryResult<Output<C>> {
  const every = opts.refetchInterval;
  return useQuery({
    ...callQuery(channel, input, opts.scope),
    ...(opts.enabled !== undefined ? { enabled: opts.enabled } : {}),
    ...(every !== undefined ? { refetchInterval: typeof every === 'function' ? (q: Query<Output<C>>) => every(q.state.data, q.state.error) : every } : {}),
    ...(opts.gcTime !== undefined ? { gcTime: opts.gcTime } : {}),
    ...(opts.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

/**
 * A read on demand (a lookup on Enter or a click, the document just changed): asked now, through the cache
 * and under the same key as `useCall`, so a screen showing that read gets the answer too. A request for it
 * already on its way (sent before a change) is dropped, never taken for this one.
 */
export function useFetch() {
  const client = useQueryClient();
  return useCallback(
    async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const q = callQuery(channel, input);
      await client.cancelQueries({ queryKey: q.queryKey, exact: true });
      return client.fetchQuery(q);
    },
    [client],
  );
}

const matches = (query: Query, prefixes: readonly string[]): boolean => {
  const channel = query.queryKey[0];
  if (typeof channel !== 'string' || ONE_MOMENT.has(channel as Channel)) return false;
  return prefixes.some((p) => channel === p || channel.startsWith(`${p}.`));
};

/** Asks again every read on screen whose channel is one of `prefixes` or under it ('keys' → keys.list, …). */
export function refreshReads(client: QueryClient, prefixes: readonly string[]): Promise<void> {
  if (prefixes.length === 0) return Promise.resolve();
  return client.invalidateQueries({ predicate: (q) => matches(q, prefixes) });
}

/** `refresh('parcels.search')`: ask those reads again now (a refresh button, a reload after a batch). */
export function useRefresh() {
  const client = useQueryClient();
  return useCallback((...prefixes: string[]) => refreshReads(client, prefixes), [client]);
}

export type Send = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;

/**
 * A change: calls main and then asks again the reads it affects (`refreshes(channel)`), so every screen
 * showing them is up to date; it resolves with main's answer once those reads are in (a notice saying
 * "saved" never stands beside the list as it was). The caller keeps its own busy state (useAction).
 */
export function useSend(): Send {
  const client = useQueryClient();
  return useCallback(
    async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const out = await call(channel, input);
      await refreshReads(client, refreshes(channel));
      return out;
    },
    [client],
  );
}
