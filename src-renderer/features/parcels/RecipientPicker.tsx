import { useId, useState, type RefObject } from 'react';
import type { ResidentHit } from '@shared/contract';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { SearchCombobox } from '../../app/ui/SearchCombobox';
import { useRosterListbox } from '../roster/useRosterListbox';
import { RoomHitList } from '../roster/RoomHitList';
import { maskName } from './labels';

const MAX_SHOWN = 8;

/** Who the parcel is for: a resident from the roster (with their room), or a name not in the roster (flagged). */
export type Recipient =
  { kind: 'resident'; residentId: number; roomId: number; roomCode: string; nameMasked: string } | { kind: 'unlisted'; name: string; phoneLast4: string };

interface Props {
  value: Recipient | null;
  onChange: (r: Recipient | null) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** after a resident is chosen (the form moves on) */
  onPicked?: () => void;
}

/**
 * 收件人: the roster search as you type (房号 3-2-501, 姓名, 拼音首字母, 手机后四位; ↑/↓ Enter), names masked;
 * or 不在名册 with the name on the label and the phone's last four digits.
 */
export function RecipientPicker({ value, onChange, inputRef, onPicked }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const listId = useId();
  const pick = (h: ResidentHit | undefined) => {
    if (!h) return;
    onChange({ kind: 'resident', residentId: h.id, roomId: h.roomId, roomCode: h.roomCode, nameMasked: maskName(h.name) });
    setQ('');
    onPicked?.();
  };

  const { result, error, items, active, onKeyDown, ask } = useRosterListbox({ q, max: MAX_SHOWN, onEnter: pick, enterWhenEmpty: false });

  if (value?.kind === 'resident') {
    return (
      <div className="payer-chosen" data-testid="recipient">
        <span className="field-label">{t('intake.recipient')}</span>
        <span className="room-code big">{value.roomCode}</span>
        <span className="payer-name">{value.nameMasked}</span>
        <button type="button" className="btn small" onClick={() => onChange(null)}>
          {t('intake.changeRecipient')}
        </button>
      </div>
    );
  }

  if (value?.kind === 'unlisted') {
    return (
      <fieldset className="fieldset unlisted-box">
        <legend>
          {t('intake.unlisted')} <span className="tag tag-warn">{t('parcel.unlistedTag')}</span>
        </legend>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('intake.unlistedName')}</span>
            <input
              name="unlisted-name"
              autoComplete="off"
              maxLength={40}
              value={value.name}
              onChange={(e) => onChange({ ...value, name: e.target.value })}
              data-autofocus
            />
          </label>
          <label className="field">
            <span className="field-label">{t('intake.phoneLast4')}</span>
            <input
              name="phone-last4"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={value.phoneLast4}
              onChange={(e) => onChange({ ...value, phoneLast4: e.target.value.replace(/\D/g, '') })}
            />
          </label>
        </div>
        <button type="button" className="btn small" onClick={() => onChange(null)}>
          {t('intake.backToRoster')}
        </button>
      </fieldset>
    );
  }

  const activeHit = items[active];
  return (
    <div className="room-picker">
      <div className="room-picker-row">
        <label className="field room-search">
          <span className="field-label">{t('intake.recipientLabel')}</span>
          <SearchCombobox
            inputRef={inputRef}
            className="search-input compact"
            type="search"
            name="recipient-search"
            listId={listId}
            activeKey={activeHit?.id}
            expanded={items.length > 0}
            placeholder={t('intake.recipientPlaceholder')}
            value={q}
            onChange={(e) => {
              ask(e.target.value);
              setQ(e.target.value);
            }}
            onKeyDown={onKeyDown}
          />
        </label>
        <button
          type="button"
          className="btn big walkin-btn"
          onClick={() => {
            onChange({ kind: 'unlisted', name: '', phoneLast4: '' });
            window.setTimeout(() => document.querySelector<HTMLInputElement>('[name="unlisted-name"]')?.focus(), 0);
          }}
        >
          {t('intake.unlisted')}
        </button>
      </div>
      <ErrorBox error={error} />
      {q.trim() && result && items.length === 0 ? <p className="hint">{t('roster.noResults', { q: result.q })}</p> : null}
      <RoomHitList
        listId={listId}
        items={items}
        active={active}
        onPick={pick}
        detail={(h) => (
          <>
            <span className="result-name">{maskName(h.name)}</span>
            <span className="phone-masked">{h.phoneMasked}</span>
          </>
        )}
      />
    </div>
  );
}
