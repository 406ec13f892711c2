import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '@shared/contract';
import { call } from '../../lib/api';

/**
 * No debounce: a search takes about 1 ms in main (bench/results.md), so every keystroke is answered and
 * the 50 ms keystroke-to-render budget is not spent waiting. Out-of-order replies are dropped below.
 */
export const SEARCH_DEBOUNCE_MS = 0;
export const SEARCH_LIMIT = 50;

/** A result set, tagged with the query it answers. */
export type SearchResult = Output<'roster.search'> & { q: string };

/** What a box's text is searched as. */
export const searchQuery = (text: string): string => text.trim().slice(0, 64);

export interface RosterSearch {
  /** the latest answer shown (it may answer an earlier keystroke than the box holds now) */
  result: SearchResult | null;
  error: unknown;
  pending: boolean;
  /** true when what is shown answers exactly this text (an empty text is answered by nothing) */
  answers: (text: string) => boolean;
  /** the answer for exactly this text: the one shown, the one on its way, or a new search */
  resultFor: (text: string) => Promise<SearchResult | null>;
}

/**
 * Search-as-you-type. Each query gets a sequence number; a reply older than what is already shown is
 * dropped, so a slow reply for "z" can never overwrite the results for "zw". Every result is tagged with its
 * query, so a box can tell whether what it shows answers the text it holds (see useListboxKeys: Enter waits
 * for the answer to the text in the box, never acts on an earlier keystroke's suggestions).
 */
export function useRosterSearch(q: string): RosterSearch {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [answered, setAnswered] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const seq = useRef(0);
  const shown = useRef(0);
  const inFlight = useRef(new Map<string, Promise<SearchResult>>());
  const last = useRef<{ q: string; result: SearchResult | null }>({ q: '', result: null });

  /** One request per query at a time: Enter waiting for a query shares the request typing started. */
  const fetchFor = useCallback((query: string): Promise<SearchResult> => {
    const running = inFlight.current.get(query);
    if (running) return running;
    const p = call('roster.search', { q: query, limit: SEARCH_LIMIT }).then((r) => ({ ...r, q: query }));
    inFlight.current.set(query, p);
    const forget = () => {
      if (inFlight.current.get(query) === p) inFlight.current.delete(query);
    };
    p.then(forget, forget);
    return p;
  }, []);

  useEffect(() => {
    const mine = ++seq.current;
    const query = searchQuery(q);
    const show = (r: SearchResult | null, e: unknown) => {
      shown.current = mine;
      last.current = { q: query, result: r };
      setResult(r);
      setAnswered(query);
      setError(e);
    };
    if (!query) {
      show(null, null);
      setPending(false);
      return;
    }
    setPending(true);
    const send = () => {
      fetchFor(query)
        .then((r) => mine > shown.current && show(r, null))
        // a failed search shows no options: none left from an earlier keystroke may be taken for this one
        .catch((e: unknown) => mine > shown.current && show(null, e))
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
  }, [q, fetchFor]);

  const answers = useCallback((text: string) => searchQuery(text) === answered, [answered]);
  const resultFor = useCallback(
    (text: string): Promise<SearchResult | null> => {
      const query = searchQuery(text);
      if (!query) return Promise.resolve(null);
      if (last.current.q === query && last.current.result) return Promise.resolve(last.current.result);
      return fetchFor(query);
    },
    [fetchFor],
  );

  return { result, error, pending, answers, resultFor };
}
