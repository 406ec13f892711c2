import { useEffect, useId, useRef, useState } from 'react';
import { ErrorBox } from '../../app/errors';
import { SearchCombobox } from '../../app/ui/SearchCombobox';
import { useI18n } from '../../app/i18n/I18n';
import { useOpenRoom } from '../../app/useOpenRoom';
import { ResidentDetail } from './ResidentDetail';
import { ResultsList } from './ResultsList';
import { SEARCH_KIND_LABEL } from './labels';
import { useRosterListbox } from './useRosterListbox';

interface Props {
  focusTick: number;
  pendingQuery: string | null;
  onQueryTaken: () => void;
}

/** The large search box, the results (↑/↓, Enter) and the detail of the chosen resident. */
export function RosterSearch({ focusTick, pendingQuery, onQueryTaken }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    if (pendingQuery === null) return;
    setQ(pendingQuery);
    onQueryTaken();
  }, [pendingQuery, onQueryTaken]);

  useEffect(() => {
    const el = inputRef.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [focusTick]);

  const { result, error, pending, items, active, setActive, onKeyDown, ask } = useRosterListbox({
    q,
    onEnter: (hit) => {
      if (hit) setOpenId(hit.id);
    },
    onEscape: () => (q ? (setQ(''), true) : false),
  });

  const activeHit = items[active];
  const trimmed = q.trim();
  const openRoom = useOpenRoom();
  // F4: the room file of the resident open on the right (else of the active hit)
  const f4Room = (openId !== null ? items.find((h) => h.id === openId)?.roomId : undefined) ?? activeHit?.roomId;
  useEffect(() => {
    if (!openRoom || f4Room === undefined) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F4' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      openRoom(f4Room);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openRoom, f4Room]);
  const roomHits = trimmed && result ? (result.rooms ?? []).slice(0, 6) : [];
  return (
    <div className="roster-split">
      <div className="roster-left">
        <label className="field search-field">
          <span className="field-label sr-only">{t('roster.searchLabel')}</span>
          <SearchCombobox
            inputRef={inputRef}
            className="search-input"
            type="search"
            name="roster-search"
            listId={listId}
            activeKey={activeHit?.id}
            expanded={items.length > 0}
            placeholder={t('roster.searchPlaceholder')}
            value={q}
            onChange={(e) => {
              ask(e.target.value);
              setQ(e.target.value);
            }}
            onKeyDown={onKeyDown}
          />
        </label>
        <p className="hint">{t('roster.searchHint')}</p>
        <ErrorBox error={error} />
        {result && trimmed ? (
          <p className="result-count" aria-live="polite">
            {items.length === 0 ? t('roster.noResults', { q: result.q }) : t(result.more ? 'roster.resultsMore' : 'roster.results', { n: items.length })}
            {items.length > 0 && SEARCH_KIND_LABEL[result.kind] ? (
              <span className="search-kind"> · {t(SEARCH_KIND_LABEL[result.kind] ?? 'searchKind.name')}</span>
            ) : null}
            {result.more ? <span className="search-kind"> · {t('roster.narrow')}</span> : null}
            {pending ? <span className="search-kind"> · {t('roster.searching')}</span> : null}
          </p>
        ) : null}
        {openRoom && roomHits.length > 0 ? (
          <p className="roster-rooms" data-testid="roster-rooms">
            <span className="search-kind">{t('roster.roomsFound')}</span>
            {roomHits.map((r) => (
              <button key={r.id} type="button" className="btn small" onClick={() => openRoom(r.id)} aria-label={t('rooms.openFileOf', { code: r.code })}>
                {r.code}
              </button>
            ))}
          </p>
        ) : null}
        <ResultsList
          id={listId}
          q={trimmed ? (result?.q ?? '') : ''}
          items={trimmed ? items : []}
          active={active}
          openId={openId}
          onPick={(i) => {
            setActive(i);
            const hit = items[i];
            if (hit) setOpenId(hit.id);
          }}
        />
      </div>
      <div className="roster-right">
        {openId !== null ? <ResidentDetail key={openId} id={openId} onOpen={setOpenId} /> : <p className="detail-empty">{t('roster.pickOne')}</p>}
      </div>
    </div>
  );
}
