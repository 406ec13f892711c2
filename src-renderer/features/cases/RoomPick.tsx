import type { RoomState } from '@shared/contract';
import { useT } from '../../app/i18n/I18n';
import { ChosenRoom, RosterPickField } from '../roster/RosterPickField';
import type { SearchResult } from '../roster/useRosterSearch';
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
  if (value)
    return (
      <ChosenRoom
        label={label}
        className="cs-room-chosen"
        testId="cs-room"
        code={value.roomCode}
        changeLabel={t('cs.changeRoom')}
        onChange={() => onChange(null)}
      />
    );
  return (
    <RosterPickField<PickedRoom>
      label={label}
      name="case-room"
      placeholder={t('cs.roomSearch')}
      listLabel={t('cs.roomResults')}
      className="cs-room-pick"
      toItems={roomsOf}
      keyOf={(r) => r.roomId}
      onPick={onChange}
      autoFocus
    >
      {(r) => (
        <>
          <span className="room-code">{r.roomCode}</span>
          {r.state ? <span className={`tag cs-state-${r.state}`}>{t(ROOM_STATE[r.state])}</span> : null}
        </>
      )}
    </RosterPickField>
  );
}
