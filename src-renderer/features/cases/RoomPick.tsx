import { useId, useState } from 'react';
import type { RoomState } from '@shared/contract';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { OptionList, SearchCombobox } from '../../app/ui/SearchCombobox';
import { useListboxKeys } from '../../app/useListboxKeys';
import { searchQuery, useRosterSearch, type SearchResult } from '../roster/useRosterSearch';
import { ROOM_STATE } from './labels';

export interface PickedRoom {
  roomId: number;
  roomCode: string;
  /** known when the search named the room itself (a room not handed over has no residents to find it by) */
  state: RoomState | null;
}

const MAX = 8;

/** The rooms a search answers: the rooms it names first (with their state), then the rooms of the residents found. */
function roomsOf(r: SearchResult | null): PickedRoom[] {
  if (!r) return [];
  const out: PickedRoom[] = (r.rooms ?? []).map((x) => ({ roomId: x.id, roomCode: x.code, state: x.state }));
  for (const h of r.items) if (!out.some((o) => o.roomId === h.roomId)) out.push({ roomId: h.roomId, roomCode: h.roomCode, state: null });
  return out.slice(0, MAX);
}

/** 房号: the roster search as you type (↑/↓, Enter), choosing a room (not a resident). */
export function RoomPick({ value, onChange, label }: { value: PickedRoom | null; onChange: (r: PickedRoom | null) => void; label: string }) {
  const t = useT();
  const [q, setQ] = useState('');
  const listId = useId();
  const search = useRosterSearch(q);
  const items = searchQuery(q) ? roomsOf(search.result) : [];
  const pick = (r: PickedRoom | undefined) => {
    if (!r) return;
    onChange(r);
    setQ('');
  };
  const { active, onKeyDown } = useListboxKeys<PickedRoom>({
    items,
    resetOn: search.result,
    pendingFor: (text) => (search.answers(text) ? null : search.resultFor(text).then(roomsOf)),
    onEnter: pick,
    enterWhenEmpty: false,
  });

  if (value)
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <div className="cs-room-chosen" data-testid="cs-room">
          <span className="room-code big">{value.roomCode}</span>
          <button type="button" className="btn small" onClick={() => onChange(null)}>
            {t('cs.changeRoom')}
          </button>
        </div>
      </div>
    );
  const activeRoom = items[active];
  return (
    <div className="field cs-room-pick">
      <label className="field-label" htmlFor={`${listId}-q`}>
        {label}
      </label>
      <SearchCombobox
        id={`${listId}-q`}
        className="search-input compact"
        type="search"
        name="case-room"
        listId={listId}
        activeKey={activeRoom?.roomId}
        expanded={items.length > 0}
        placeholder={t('cs.roomSearch')}
        value={q}
        autoFocus
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ErrorBox error={search.error} />
      <OptionList
        id={listId}
        items={items}
        active={active}
        keyOf={(r) => r.roomId}
        onPick={pick}
        label={t('cs.roomResults')}
        className="room-results"
        optionClassName={() => 'room-result'}
      >
        {(r) => (
          <>
            <span className="room-code">{r.roomCode}</span>
            {r.state ? <span className={`tag cs-state-${r.state}`}>{t(ROOM_STATE[r.state])}</span> : null}
          </>
        )}
      </OptionList>
    </div>
  );
}
