import { useEffect, useId, useRef, useState } from 'react';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { OptionList, SearchCombobox } from '../../app/ui/SearchCombobox';
import { RESIDENT_KIND, STATE_LABEL } from './labels';
import { useRoomSearch, type RoomOption } from './useRoomSearch';

/** The room search: a room code (3-2-501, 3栋2单元501), a number, a name or a phone finds the room; Enter opens its file. */
export function RoomFinder({ openId, onOpen, focusOnMount }: { openId: number | null; onOpen: (roomId: number) => void; focusOnMount: boolean }) {
  const t = useT();
  const [q, setQ] = useState('');
  const listId = useId();
  const ref = useRef<HTMLInputElement>(null);
  // the cursor in the box when the area opens on its own (not when another screen opened a room's file)
  const focusFirst = useRef(focusOnMount);
  useEffect(() => {
    if (focusFirst.current) ref.current?.focus();
  }, []);

  const { result, error, items, active, onKeyDown } = useRoomSearch(
    q,
    (o) => {
      if (o) onOpen(o.roomId);
    },
    () => (q ? (setQ(''), true) : false),
  );
  const activeItem = items[active];
  return (
    <div className="rooms-finder">
      <label className="field">
        <span className="field-label">{t('rooms.searchLabel')}</span>
        <SearchCombobox
          inputRef={ref}
          className="search-input compact"
          type="search"
          name="room-file-search"
          listId={listId}
          activeKey={activeItem?.key}
          expanded={items.length > 0}
          placeholder={t('rooms.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <ErrorBox error={error} />
      {q.trim() && result && items.length === 0 ? <p className="hint">{t('rooms.noRoom', { q: result.q })}</p> : null}
      {!q.trim() ? <p className="hint">{t('rooms.searchHint')}</p> : null}
      <OptionList
        id={listId}
        items={items}
        active={active}
        keyOf={(o: RoomOption) => o.key}
        onPick={(o) => onOpen(o.roomId)}
        label={t('rooms.resultsLabel')}
        className="room-results rooms-results"
        optionClassName={(o) => `room-result${o.roomId === openId ? ' rooms-open' : ''}`}
      >
        {(o) => (
          <>
            <span className="room-code">{o.code}</span>
            {o.state ? <span className={`tag rooms-state-${o.state}`}>{t(STATE_LABEL[o.state])}</span> : null}
            {o.name ? <span className="result-name">{o.name}</span> : null}
            {o.kind ? <span className={`tag kind-${o.kind}`}>{t(RESIDENT_KIND[o.kind])}</span> : null}
            {o.movedOut ? <span className="tag tag-out">{t('roster.movedOut')}</span> : null}
          </>
        )}
      </OptionList>
    </div>
  );
}
