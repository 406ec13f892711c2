import { useId, useState, type RefObject } from 'react';
import type { ResidentHit } from '@shared/contract';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { useOpenRoom } from '../../app/useOpenRoom';
import { ErrorNote } from '../../app/ui/Notes';
import { SearchCombobox } from '../../app/ui/SearchCombobox';
import { KIND_LABEL } from '../roster/labels';
import { RoomHitList } from '../roster/RoomHitList';
import { useRosterListbox } from '../roster/useRosterListbox';
import type { Payer } from './room';

const MAX_SHOWN = 8;

/** The words around the picker, from the screen using it (a payer on 收费 is a room on 报修). */
export interface RoomPickerLabels {
  /** beside the room once chosen (收费: 交款方; 报修: 房号) */
  chosen: MsgKey;
  /** the no-room choice (收费: 散客; 报修: 无房号) */
  walkIn: MsgKey;
  /** under the box when the screen went on without a choice; it names the no-room button */
  missing: MsgKey;
}

export const COLLECT_ROOM_LABELS: RoomPickerLabels = { chosen: 'collect.payer', walkIn: 'collect.walkIn', missing: 'collect.needPayer' };

interface Props {
  value: Payer | null;
  onChange: (p: Payer | null) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** after a room or walk-in is chosen (the screen moves on to the items) */
  onPicked: () => void;
  /** the receptionist tried to go on without choosing */
  missing: boolean;
  labels: RoomPickerLabels;
  /** the screen's key that clears the choice and puts the cursor in the box, shown beside 房号 and 更换 */
  shortcut?: string;
}

/** 房号 or no room (散客 / 无房号): the roster search as you type (↑/↓, Enter), or the no-room button. */
export function RoomPicker({ value, onChange, inputRef, onPicked, missing, labels, shortcut }: Props) {
  const walkInLabel = labels.walkIn;
  const t = useT();
  const openRoom = useOpenRoom();
  const [q, setQ] = useState('');
  const listId = useId();
  const pick = (hit: ResidentHit | undefined) => {
    if (!hit) return;
    onChange({ kind: 'room', roomId: hit.roomId, roomCode: hit.roomCode, name: hit.name });
    setQ('');
    onPicked();
  };

  const walkIn = () => {
    onChange({ kind: 'walkin' });
    setQ('');
    onPicked();
  };

  const { result, error, items, active, onKeyDown, ask } = useRosterListbox({
    q,
    max: MAX_SHOWN,
    onEnter: pick,
    onEscape: () => (q ? (setQ(''), true) : false),
  });

  if (value) {
    return (
      <div className="payer-chosen" data-testid="payer">
        <span className="field-label">{t(labels.chosen)}</span>
        {value.kind === 'room' ? (
          <>
            <span className="room-code big">{value.roomCode}</span>
            <span className="payer-name">{value.name}</span>
            {openRoom ? (
              <button type="button" className="btn small" onClick={() => openRoom(value.roomId)} aria-label={t('rooms.openFileOf', { code: value.roomCode })}>
                {t('rooms.openFile')}
              </button>
            ) : null}
          </>
        ) : (
          <span className="payer-walkin">{t(walkInLabel)}</span>
        )}
        <button
          type="button"
          className="btn small"
          onClick={() => {
            onChange(null);
            window.setTimeout(() => inputRef.current?.focus(), 0);
          }}
        >
          {t('collect.changePayer')} {shortcut ? <kbd>{shortcut}</kbd> : null}
        </button>
      </div>
    );
  }

  const activeHit = items[active];
  return (
    <div className="room-picker">
      <div className="room-picker-row">
        <label className="field room-search">
          <span className="field-label">
            {t('collect.roomLabel')} {shortcut ? <kbd>{shortcut}</kbd> : null}
          </span>
          <SearchCombobox
            inputRef={inputRef}
            className="search-input compact"
            type="search"
            name="room-search"
            listId={listId}
            activeKey={activeHit?.id}
            expanded={items.length > 0}
            invalid={missing}
            placeholder={t('collect.roomPlaceholder')}
            value={q}
            onChange={(e) => {
              ask(e.target.value);
              setQ(e.target.value);
            }}
            onKeyDown={onKeyDown}
          />
        </label>
        <button type="button" className="btn big walkin-btn" onClick={walkIn}>
          {t(walkInLabel)}
        </button>
      </div>
      {missing ? <ErrorNote text={t(labels.missing)} /> : null}
      <ErrorBox error={error} />
      {q.trim() && result && items.length === 0 ? <p className="hint">{t('roster.noResults', { q: result.q })}</p> : null}
      <RoomHitList
        listId={listId}
        items={items}
        active={active}
        onPick={pick}
        detail={(h) => (
          <>
            <span className="result-name">{h.name}</span>
            <span className={`tag kind-${h.kind}`}>{t(KIND_LABEL[h.kind])}</span>
          </>
        )}
      />
    </div>
  );
}
