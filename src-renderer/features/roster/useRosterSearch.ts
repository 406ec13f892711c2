import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Output } from '@shared/contract';
import { indexAnswers, sameAnswer, searchRosterIndex } from '@shared/roster-index';
import { callQuery } from '../../lib/query';
import { reloadRosterIndex, useRosterIndex } from './useRosterIndex';

export const SEARCH_LIMIT = 50;
/** A search nobody is looking at any more is forgotten soon: every keystroke is a query of its own. */
const SEARCH_GC_MS = 30_000;
/**
 * With the index answering each keystroke, main is asked once typing pauses this long (or at once on Enter): its
 * answer confirms the rows shown (or corrects them, when the roster changed since the index was read) without a
 * request, a reply and a redraw competing with every keystroke for the two cores of a counter PC.
 */
const CONFIRM_AFTER_MS = 150;

/** A result set, tagged with the query it answers. */
export type SearchResult = Output<'roster.search'> & { q: string };

/** What a box's text is searched as. */
export const searchQuery = (text: string): string => text.trim().slice(0, 64);

/** The roster search in main for one query, tagged with it. */
function searchOptions(query: string) {
  const base = callQuery('roster.search', { q: query, limit: SEARCH_LIMIT });
  return { ...base, queryFn: async (): Promise<SearchResult> => ({ ...(await base.queryFn()), q: query }), gcTime: SEARCH_GC_MS };
}

export interface RosterSearch {
  /**
   * the latest answer shown (it may answer an earlier keystroke than the box holds now): main's, or until main's
   * is in, the renderer's roster index's for this text (the same rows: see src-shared/roster-index.ts)
   */
  result: SearchResult | null;
  error: unknown;
  pending: boolean;
  /** true when what is shown answers exactly this text, the index's answer or main's (an empty text is answered by nothing) */
  answers: (text: string) => boolean;
  /** the answer for exactly this text: the one shown, the one on its way, or a new search */
  resultFor: (text: string) => Promise<SearchResult | null>;
  /**
   * Asks main for this text now, from the box's change event, before React renders the keystroke, when the index
   * cannot answer it (not loaded yet, or a full phone number): the request is on its way while the screen draws
   * the new text, and the query the render then subscribes to shares it.
   */
  ask: (text: string) => void;
}

/**
 * Search-as-you-type: the renderer's roster index answers each keystroke at once (useRosterIndex), and main's
 * answer, asked once typing pauses, confirms it. Main's answers are on the query cache, each query its own key,
 * so a slow reply for "z" lands on "z" and can never overwrite the results for "zw"; without an index answer, the
 * last answer shown stays until the one for the text in the box is in (tagged with its own query). A box can thus
 * tell whether what it shows answers the text it holds (see useListboxKeys: Enter acts on the options for the text
 * in the box, never on an earlier keystroke's suggestions, waiting for main's answer when the index has none), and
 * Enter waiting for a query shares the request already on its way.
 */
export function useRosterSearch(q: string): RosterSearch {
  const client = useQueryClient();
  const query = searchQuery(q);
  // the index's answer: on screen in the keystroke's own frame
  const index = useRosterIndex();
  const local = useMemo((): SearchResult | null => {
    const a = index && query ? searchRosterIndex(index, query, SEARCH_LIMIT) : null;
    return a ? { ...a, q: query } : null;
  }, [index, query]);
  // main is asked at once when the index has no answer, else once the text has stood still for a moment
  const [settled, setSettled] = useState('');
  useEffect(() => {
    if (local === null || settled === query) return;
    const t = window.setTimeout(() => setSettled(query), CONFIRM_AFTER_MS);
    return () => window.clearTimeout(t);
  }, [local, query, settled]);
  const r = useQuery({ ...searchOptions(query), enabled: query !== '' && (local === null || settled === query) });
  // main's answer agreeing with the index's keeps the rows drawn (no redraw of the same rows)
  const agrees = r.data !== undefined && local !== null && sameAnswer(r.data, local);
  useEffect(() => {
    if (r.data !== undefined && local !== null && !agrees) reloadRosterIndex(client);
  }, [r.data, local, agrees, client]);
  // the last answer of main shown for a query still in the box; a failed search shows none (none left from an
  // earlier keystroke may be taken for this one)
  const shown = useRef<SearchResult | null>(null);
  let fromMain: SearchResult | null;
  if (!query || r.isError) fromMain = null;
  else fromMain = r.data ?? shown.current;
  shown.current = fromMain;
  const result = !query || r.isError ? null : agrees ? local : (r.data ?? local ?? fromMain);
  // the list shown answers the text in the box when it is the index's answer to it or main's: Enter then takes the
  // option the receptionist sees active (with ↓ on the second hit, the second); else Enter waits for main's answer
  const answered = !query ? '' : r.data !== undefined || r.isError || local !== null ? query : (fromMain?.q ?? null);

  const answers = useCallback((text: string) => searchQuery(text) === answered, [answered]);
  const resultFor = useCallback(
    (text: string): Promise<SearchResult | null> => {
      const wanted = searchQuery(text);
      return wanted ? client.fetchQuery(searchOptions(wanted)) : Promise.resolve(null);
    },
    [client],
  );

  const loaded = index !== null;
  const ask = useCallback(
    (text: string) => {
      const wanted = searchQuery(text);
      if (wanted && !(loaded && indexAnswers(wanted))) void client.prefetchQuery(searchOptions(wanted));
    },
    [client, loaded],
  );

  return { result, error: query ? r.error : null, pending: query !== '' && r.isFetching && local === null, answers, resultFor, ask };
}
