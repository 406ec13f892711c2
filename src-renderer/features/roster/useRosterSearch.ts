import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../src-main/contract/index';
import { call } from '../../lib/api';

/**
 * No debounce: a search takes about 1 ms in main (bench/results.md), so every keystroke is answered and
 * the 50 ms keystroke-to-render budget is not spent waiting. Out-of-order replies are dropped below.
 */
export const SEARCH_DEBOUNCE_MS = 0;
export const SEARCH_LIMIT = 50;

export type SearchResult = Output<'roster.search'> & { q: string };

/**
 * Search-as-you-type. Each query gets a sequence number; a reply older than what is already shown is
 * dropped, so a slow reply for "z" can never overwrite the results for "zw".
 */
export function useRosterSearch(q: string): { result: SearchResult | null; error: unknown; pending: boolean } {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const seq = useRef(0);
  const shown = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const query = q.trim().slice(0, 64);
    if (!query) {
      shown.current = mine;
      setResult(null);
      setError(null);
      setPending(false);
      return;
    }
    setPending(true);
    const send = () => {
      call('roster.search', { q: query, limit: SEARCH_LIMIT })
        .then((r) => {
          if (mine <= shown.current) return;
          shown.current = mine;
          setResult({ ...r, q: query });
          setError(null);
        })
        .catch((e: unknown) => {
          if (mine <= shown.current) return;
          shown.current = mine;
          setError(e);
        })
        .finally(() => {
          if (mine === seq.current) setPending(false);
        });
    };
    // no timer at all without a debounce: even a 0 ms timeout costs a task (4 ms once timers nest)
    if (SEARCH_DEBOUNCE_MS <= 0) {
      send();
      return;
    }
    const timer = window.setTimeout(send, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q]);

  return { result, error, pending };
}
