import type { ResidentHit } from '@shared/contract';
import { useListboxKeys } from '../../app/useListboxKeys';
import { SEARCH_LIMIT, searchQuery, useRosterSearch, type SearchResult } from './useRosterSearch';

interface Options {
  /** the text in the box */
  q: string;
  /** how many hits the list shows */
  max?: number;
  /** Enter: the hit for exactly the text in the box (the active one, or the first of the answer Enter waited for) */
  onEnter: (hit: ResidentHit | undefined, text: string) => void;
  enterWhenEmpty?: boolean;
  onEscape?: () => boolean;
}

/**
 * A roster search box with its listbox (业主档案, 收费 房号, 快递 收件人 and 出库, 报修 房号, keys and cards): the
 * search as you type, ↑/↓, and an Enter that acts on the hits for exactly the text in the box, waiting for
 * them when they have not arrived yet.
 */
export function useRosterListbox({ q, max = SEARCH_LIMIT, onEnter, enterWhenEmpty, onEscape }: Options) {
  const search = useRosterSearch(q);
  const shown = (r: SearchResult | null): ResidentHit[] => (r?.items ?? []).slice(0, max);
  const items = searchQuery(q) ? shown(search.result) : [];
  const keys = useListboxKeys<ResidentHit>({
    items,
    resetOn: search.result,
    pendingFor: (text) => (search.answers(text) ? null : search.resultFor(text).then(shown)),
    onEnter,
    enterWhenEmpty,
    onEscape,
  });
  return { ...search, items, ...keys };
}
