import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatLocalValue, parseDay, parseDayTime, propertyToday } from '../../lib/format';
import { useI18n } from '../i18n/I18n';
import { DateCalendar } from './DateCalendar';

interface Props {
  /** YYYY-MM-DD (a day) or YYYY-MM-DDTHH:mm (a day and time); '' for none */
  value: string;
  /** called with the value as typed once it is a real day (and time), or '' while it is not */
  onChange: (value: string) => void;
  name: string;
  withTime?: boolean;
  required?: boolean;
  id?: string;
  'aria-describedby'?: string;
}

/**
 * A date (or date and time) field that writes and reads the app's language, not the PC's: 2026-12-07 18:00
 * in Chinese, 7 Dec 2026 18:00 in English, the format shown under it. Typed text is checked as it is typed
 * (several forms are understood, see parseDay); what it means is written back in the one format when the
 * field is left. A day/month order that differs by country (07/12/2026) is refused, never guessed.
 * Alt+↓ in the field (or the button beside it) opens a calendar in the same language (DateCalendar); a day
 * picked there keeps the time already in the field (or 09:00) and puts the focus back in the field, so the time
 * can be typed; Esc closes it and the focus is back in the field too.
 */
export function DateInput({ value, onChange, name, withTime = false, required, id, 'aria-describedby': describedBy }: Props) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(() => formatLocalValue(value, lang));
  const [bad, setBad] = useState(false);
  const focused = useRef(false);
  const hintId = useId();
  const errId = useId();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  const input = useRef<HTMLInputElement>(null);

  // a value set from outside (a quick pick, a reset) or a change of language: shown in the one format
  useEffect(() => {
    if (focused.current) return;
    const mine = withTime ? parseDayTime(text) : parseDay(text);
    if (mine !== value || formatLocalValue(value, lang) !== text) {
      if (!(bad && value === '')) {
        setText(formatLocalValue(value, lang));
        setBad(false);
      }
    }
  }, [value, lang]);

  const change = (next: string) => {
    setText(next);
    const v = next.trim() === '' ? '' : withTime ? parseDayTime(next) : parseDay(next);
    setBad(v === null);
    onChange(v ?? '');
  };

  const close = useCallback((back: boolean) => {
    setOpen(false);
    if (back) input.current?.focus();
  }, []);
  const pick = (day: string) => {
    const time = withTime ? (/T(\d{2}:\d{2})$/.exec(value)?.[1] ?? '09:00') : null;
    const v = time ? `${day}T${time}` : day;
    setText(formatLocalValue(v, lang));
    setBad(false);
    onChange(v);
    setOpen(false);
    input.current?.focus();
  };

  const example = withTime ? t('date.exampleTime') : t('date.example');
  return (
    <>
      <span className="date-field" ref={wrap}>
        <input
          ref={input}
          id={id}
          type="text"
          name={name}
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          className="date-input"
          value={text}
          required={required}
          placeholder={example}
          aria-invalid={bad || undefined}
          aria-describedby={[describedBy, hintId, bad ? errId : null].filter(Boolean).join(' ')}
          onFocus={() => (focused.current = true)}
          onBlur={() => {
            focused.current = false;
            const v = withTime ? parseDayTime(text) : parseDay(text);
            if (v) setText(formatLocalValue(v, lang));
          }}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.altKey && e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
            }
          }}
        />
        {/* for the mouse; the keyboard opens it from the field (Alt+↓). Out of the accessibility tree, so the
            label around the field (many forms wrap it in one) names the field alone */}
        <button
          type="button"
          className="date-open"
          tabIndex={-1}
          aria-hidden="true"
          title={t('date.cal.open')}
          data-testid={`${name}-calendar`}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">▦</span>
        </button>
      </span>
      {open && wrap.current ? <DateCalendar selected={value.slice(0, 10)} today={propertyToday()} anchor={wrap.current} onPick={pick} onClose={close} /> : null}
      {/* hidden from the label's name (the field keeps its own name), read as the field's description */}
      <span className="field-hint" id={hintId} aria-hidden="true">
        {t('date.format', { example })}
        <span className="date-key">{t('date.cal.key')}</span>
      </span>
      {bad ? (
        <span className="field-error" id={errId} aria-hidden="true">
          {t('date.bad', { example })}
        </span>
      ) : null}
    </>
  );
}
