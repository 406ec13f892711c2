import { useId, useState } from 'react';
import type { ResidentHit } from '@shared/contract';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { OptionList, SearchCombobox } from '../../app/ui/SearchCombobox';
import { useRosterListbox } from '../roster/useRosterListbox';

export interface RoomChoice {
  roomId: number;
  roomCode: string;
  residentId: number;
  name: string;
}

/** 房号: the roster search as you type (↑/↓, Enter), for binding a key or a card to a room and a resident. */
export function RoomChooser({
  value,
  onChange,
  label,
  autoFocus,
}: {
  value: RoomChoice | null;
  onChange: (c: RoomChoice | null) => void;
  label: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const listId = useId();

  const pick = (h: ResidentHit | undefined) => {
    if (!h) return;
    onChange({ roomId: h.roomId, roomCode: h.roomCode, residentId: h.id, name: h.name });
    setQ('');
  };
  // Enter with nothing listed is the form's (it submits); with a search on its way it waits for the answer
  const { error, items, active, onKeyDown, ask } = useRosterListbox({ q, max: 6, onEnter: pick, enterWhenEmpty: false });

  if (value)
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <div className="room-chosen" data-testid="room-chosen">
          <span className="room-code big">{value.roomCode}</span>
          <span>{value.name}</span>
          <button type="button" className="btn small" onClick={() => onChange(null)}>
            {t('cards.changeRoom')}
          </button>
        </div>
      </div>
    );
  const activeHit = items[active];
  return (
    <div className="field room-chooser">
      <label className="field-label" htmlFor={`${listId}-q`}>
        {label}
      </label>
      <SearchCombobox
        id={`${listId}-q`}
        className="search-input compact"
        type="search"
        name="room-search"
        listId={listId}
        activeKey={activeHit?.id}
        expanded={items.length > 0}
        placeholder={t('cards.roomSearch')}
        value={q}
        autoFocus={autoFocus}
        onChange={(e) => {
          ask(e.target.value);
          setQ(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <ErrorBox error={error} />
      <OptionList
        id={listId}
        items={items}
        active={active}
        keyOf={(h) => h.id}
        onPick={pick}
        label={t('roster.resultsLabel')}
        className="room-results"
        optionClassName={() => 'room-result'}
      >
        {(h) => (
          <>
            <span className="room-code">{h.roomCode}</span>
            <span className="result-name">{h.name}</span>
          </>
        )}
      </OptionList>
    </div>
  );
}
