import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { ResidentHit } from '@shared/contract';
import { useT } from '../../app/i18n/I18n';
import { KIND_LABEL } from './labels';
import { firstWindow, sameWindow, windowAt, type RowWindow } from './rowWindow';

interface Props {
  id: string;
  /** the query these results answer (data-q: lets tests and the latency benchmark see which reply is on screen) */
  q: string;
  items: ResidentHit[];
  active: number;
  openId: number | null;
  onPick: (index: number) => void;
}

/** A one-line row with the gap under it (roster.css: .result and .result-slot), in CSS pixels. */
const ROW_PX = 66;

/**
 * Search results: room code large, name, kind, masked phone, 已迁出. The search box keeps the focus.
 *
 * Windowed: only the rows in view (and a few beyond each edge) are drawn in full; every other hit is an empty
 * slot of a row's height that is still an option of the listbox (its id, its accessible name), so ↑/↓ and
 * aria-activedescendant reach every row, and the active row is always drawn. A keystroke whose answer has not
 * arrived re-renders no row (rows are memoised on their hit); an answer redraws only the rows in view.
 */
export function ResultsList({ id, q, items, active, openId, onPick }: Props) {
  const t = useT();
  const ref = useRef<HTMLUListElement>(null);
  const count = items.length;
  // how tall the list may grow (its max-height), for the rows drawn before it has been scrolled
  const [viewPx, setViewPx] = useState(() => window.innerHeight);
  // the window the list was scrolled to, for the answer it was scrolled in; a new answer starts at the top
  const [scrolled, setScrolled] = useState<{ q: string; win: RowWindow } | null>(null);
  const win = scrolled && scrolled.q === q ? scrolled.win : firstWindow(count, viewPx, ROW_PX);

  useLayoutEffect(() => {
    const measure = () => {
      const ul = ref.current;
      const max = ul ? parseFloat(getComputedStyle(ul).maxHeight) : NaN;
      setViewPx(Number.isFinite(max) ? max : window.innerHeight);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  // where the list was last scrolled to (from its scroll events: reading it would cost a layout)
  const scrollTop = useRef(0);
  const onScroll = useCallback(() => {
    const ul = ref.current;
    if (!ul) return;
    scrollTop.current = ul.scrollTop;
    if (ul.children.length === 0) return;
    const rows = ul.children;
    const origin = (rows[0] as HTMLElement).offsetTop;
    const next = windowAt(rows.length, (i) => (rows[i] as HTMLElement).offsetTop - origin, ul.scrollTop, ul.clientHeight);
    setScrolled((prev) => (prev && prev.q === q && sameWindow(prev.win, next) ? prev : { q, win: next }));
  }, [q]);

  // ↑/↓: the active row in view
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-active="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  // a new answer starts at its first row (a list never scrolled is there already: no layout is asked for)
  useEffect(() => {
    const ul = ref.current;
    if (!ul || scrollTop.current === 0) return;
    ul.scrollTop = 0;
    scrollTop.current = 0;
  }, [q]);

  // one handler for every row: a press on a row never takes the focus from the search box, a click picks it
  const rowOf = (e: MouseEvent<HTMLUListElement>) => {
    const row = (e.target as Element).closest<HTMLElement>('[data-index]');
    return row && ref.current?.contains(row) ? row : null;
  };
  const onMouseDown = (e: MouseEvent<HTMLUListElement>) => {
    if (rowOf(e)) e.preventDefault();
  };
  const onClick = (e: MouseEvent<HTMLUListElement>) => {
    const row = rowOf(e);
    if (row) onPick(Number(row.dataset.index));
  };

  return (
    <ul
      className="results"
      id={id}
      data-q={q}
      role="listbox"
      aria-label={t('roster.resultsLabel')}
      ref={ref}
      onScroll={onScroll}
      onMouseDown={onMouseDown}
      onClick={onClick}
    >
      {items.map((r, i) => (
        <Row key={i} listId={id} hit={r} index={i} selected={i === active} open={openId === r.id} full={(i >= win.start && i < win.end) || i === active} />
      ))}
    </ul>
  );
}

interface RowProps {
  listId: string;
  hit: ResidentHit;
  index: number;
  selected: boolean;
  open: boolean;
  /** drawn in full (in or near the view, or the active row); otherwise an empty slot */
  full: boolean;
}

const Row = memo(function Row({ listId, hit, index, selected, open, full }: RowProps) {
  const t = useT();
  const id = `${listId}-${hit.id}`;
  if (!full) {
    return (
      <li
        id={id}
        role="option"
        aria-selected={selected}
        data-active={selected}
        data-index={index}
        aria-label={`${hit.roomCode} ${hit.name}`}
        className="result result-slot"
      />
    );
  }
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      data-active={selected}
      data-index={index}
      data-open={open}
      className={`result${hit.movedOut ? ' moved-out' : ''}`}
    >
      <span className="room-code">{hit.roomCode}</span>
      <span className="result-name">{hit.name}</span>
      <span className={`tag kind-${hit.kind}`}>{t(KIND_LABEL[hit.kind])}</span>
      <span className="phone-masked">{hit.phoneMasked || t('roster.noPhone')}</span>
      {hit.movedOut ? <span className="tag tag-out">{t('roster.movedOut')}</span> : null}
    </li>
  );
});
