import type { ResidentHit } from '@shared/contract';
import { useT } from '../../app/i18n/I18n';
import { ChosenRoom, RosterPickField } from '../roster/RosterPickField';
import type { SearchResult } from '../roster/useRosterSearch';

export interface RoomChoice {
  roomId: number;
  roomCode: string;
  residentId: number;
  name: string;
}

/** The residents an answer lists (six at most: the field sits in a form). */
const residentsOf = (r: SearchResult | null): ResidentHit[] => (r?.items ?? []).slice(0, 6);

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
  if (value)
    return (
      <ChosenRoom
        label={label}
        className="room-chosen"
        testId="room-chosen"
        code={value.roomCode}
        changeLabel={t('cards.changeRoom')}
        onChange={() => onChange(null)}
      >
        <span>{value.name}</span>
      </ChosenRoom>
    );
  return (
    <RosterPickField<ResidentHit>
      label={label}
      name="room-search"
      placeholder={t('cards.roomSearch')}
      listLabel={t('roster.resultsLabel')}
      className="room-chooser"
      toItems={residentsOf}
      keyOf={(h) => h.id}
      onPick={(h) => onChange({ roomId: h.roomId, roomCode: h.roomCode, residentId: h.id, name: h.name })}
      autoFocus={autoFocus}
    >
      {(h) => (
        <>
          <span className="room-code">{h.roomCode}</span>
          <span className="result-name">{h.name}</span>
        </>
      )}
    </RosterPickField>
  );
}
