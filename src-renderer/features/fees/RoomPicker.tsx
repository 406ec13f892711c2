import { useId, useState, type RefObject } from 'react';
import type { ResidentHit } from '../../../src-main/contract/index';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { ErrorNote } from '../../app/ui/Notes';
import { KIND_LABEL } from '../roster/labels';
import { RoomHitList } from '../roster/RoomHitList';
import { useRosterListbox } from '../roster/useRosterListbox';
import type { Payer } from './room';

const MAX_SHOWN = 8;

interface Props {
  value: Payer | null;
  onChange: (p: Payer | null) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** after a room or walk-in is chosen (the screen moves on to the items) */
  onPicked: () => void;
  /** the receptionist tried to post without choosing */
  missing: boolean;
  /** the no-room choice (收费: 散客; the service log: 无房号) */
  walkInLabel?: MsgKey;
}

/** 房号 or 散客: the roster search as you type (↑/↓, Enter), or the walk-in button. */
export function RoomPicker({ value, onChange, inputRef, onPicked, missing, walkInLabel = 'collect.walkIn' }: Props) {
  const t = useT();
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

  const { result, error, items, active, onKeyDown } = useRosterListbox({
    q,
    max: MAX_SHOWN,
    onEnter: pick,
    onEscape: () => (q ? (setQ(''), true) : false),
  });

  if (value) {
    return (
      <div className="payer-chosen" data-testid="payer">
        <span className="field-label">{t('collect.payer')}</span>
        {value.kind === 'room' ? (
          <>
            <span className="room-code big">{value.roomCode}</span>
            <span className="payer-name">{value.name}</span>
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
          {t('collect.changePayer')} <kbd>F3</kbd>
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
            {t('collect.roomLabel')} <kbd>F3</kbd>
          </span>
          <input
            ref={inputRef}
            className="search-input compact"
            type="search"
            name="room-search"
            role="combobox"
            aria-expanded={items.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeHit ? `${listId}-${activeHit.id}` : undefined}
            aria-autocomplete="list"
            aria-invalid={missing || undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            placeholder={t('collect.roomPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        <button type="button" className="btn big walkin-btn" onClick={walkIn}>
          {t(walkInLabel)}
        </button>
      </div>
      {missing ? <ErrorNote text={t('collect.needPayer')} /> : null}
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
