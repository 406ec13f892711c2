import { useCallback, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Output } from '@shared/contract';
import { callQuery } from '../../lib/query';

export const SEARCH_LIMIT = 50;
/** A search nobody is looking at any more is forgotten soon: every keystroke is a query of its own. */
const SEARCH_GC_MS = 30_000;

/** A result set, tagged with the query it answers. */
export type SearchResult = Output<'roster.search'> & { q: string };

/** What a box's text is searched as. */
export const searchQuery = (text: string): string => text.trim().slice(0, 64);

/**
 * The roster search for one query, tagged with it. No debounce: a search takes about 1 ms in main, so every
 * keystroke is answered and the keystroke-to-render budget is not spent waiting.
 */
function searchOptions(query: string) {
  const base = callQuery('roster.search', { q: query, limit: SEARCH_LIMIT });
  return { ...base, queryFn: async (): Promise<SearchResult> => ({ ...(await base.queryFn()), q: query }), gcTime: SEARCH_GC_MS };
}

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
 * Search-as-you-type on the query cache: each query is its own key, so a slow reply for "z" lands on "z" and
 * can never overwrite the results for "zw"; until the answer for the text in the box is in, the last answer
 * shown stays (tagged with its own query). A box can thus tell whether what it shows answers the text it
 * holds (see useListboxKeys: Enter waits for the answer to the text in the box, never acts on an earlier
 * keystroke's suggestions), and Enter waiting for a query shares the request typing started.
 */
export function useRosterSearch(q: string): RosterSearch {
  const client = useQueryClient();
  const query = searchQuery(q);
  const r = useQuery({ ...searchOptions(query), enabled: query !== '' });
  // the last answer shown for a query still in the box; a failed search shows none (none left from an
  // earlier keystroke may be taken for this one)
  const shown = useRef<SearchResult | null>(null);
  let result: SearchResult | null;
  if (!query || r.isError) result = null;
  else result = r.data ?? shown.current;
  shown.current = result;
  const answered = !query ? '' : r.data !== undefined || r.isError ? query : (result?.q ?? null);

  const answers = useCallback((text: string) => searchQuery(text) === answered, [answered]);
  const resultFor = useCallback(
    (text: string): Promise<SearchResult | null> => {
      const wanted = searchQuery(text);
      return wanted ? client.fetchQuery(searchOptions(wanted)) : Promise.resolve(null);
    },
    [client],
  );

  return { result, error: query ? r.error : null, pending: query !== '' && r.isFetching, answers, resultFor };
}
