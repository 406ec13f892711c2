import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useKeys } from '../../app/useKeys';
import { moneyText } from '../../lib/money';
import { useCall } from '../../lib/query';
import { RoomPicker, type RoomPickerLabels } from '../fees/RoomPicker';
import type { RoomRef } from './labels';

const LABELS: RoomPickerLabels = { chosen: 'arr.room', walkIn: 'arr.pickRoom', missing: 'arr.pickRoom' };

/**
 * The room a tab works on: the roster search when none is chosen (F3 chooses again), else the room with what it
 * owes now. The search's no-room button means nothing here: it leaves the choice empty.
 */
export function RoomChoice({ room, onRoom, onPicked }: { room: RoomRef | null; onRoom: (r: RoomRef | null) => void; onPicked?: () => void }) {
  const { t } = useI18n();
  const { active } = useShell();
  const inputRef = useRef<HTMLInputElement>(null);
  const dues = useCall('receivables.dues', { roomId: room?.roomId ?? 0 }, { enabled: !!room });
  useKeys(active, {
    F3: () => {
      onRoom(null);
      window.setTimeout(() => inputRef.current?.focus(), 0);
    },
  });
  useEffect(() => {
    if (!room) inputRef.current?.focus();
  }, [room]);

  if (!room)
    return (
      <div className="arr-room-pick">
        <RoomPicker
          value={null}
          onChange={(p) => (p?.kind === 'room' ? onRoom({ roomId: p.roomId, roomCode: p.roomCode }) : onRoom(null))}
          inputRef={inputRef}
          onPicked={() => onPicked?.()}
          missing={false}
          labels={LABELS}
          shortcut="F3"
        />
      </div>
    );
  const owed = dues.data?.totalFen;
  return (
    <div className="arr-room" data-testid="arr-room">
      <span className="room-code">{room.roomCode}</span>
      {owed === undefined ? null : owed > 0 ? (
        <strong className="arr-owes">{t('arr.owesAmount', { amount: moneyText(owed) })}</strong>
      ) : (
        <span className="hint">{t('arr.owesNothing')}</span>
      )}
      <button type="button" className="btn small" onClick={() => onRoom(null)} aria-keyshortcuts="F3">
        {t('arr.changeRoom')} <kbd>F3</kbd>
      </button>
    </div>
  );
}
