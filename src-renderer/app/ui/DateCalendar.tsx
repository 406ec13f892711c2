import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { formatDate } from '../../lib/format';
import { addDays, addMonths, monthWeeks } from '../../lib/month-grid';
import { useI18n } from '../i18n/I18n';

interface Props {
  /** the day shown selected (YYYY-MM-DD), or '' for none */
  selected: string;
  /** the property's today (YYYY-MM-DD): marked, and where the calendar opens when nothing is selected */
  today: string;
  /** where to open it: the field it belongs to */
  anchor: HTMLElement;
  onPick: (day: string) => void;
  /** Esc (`back`: the focus goes back to the button that opened it), a click outside, or the focus leaving it */
  onClose: (back: boolean) => void;
}

const WIDTH = 300;
const HEIGHT = 360;

/**
 * The pop-up calendar of a date field, in the app's language (2026年12月, 一 二 … / December 2026, Mo Tu …),
 * weeks from Monday. Keyboard: the arrows move a day (a week up and down), PageUp/PageDown a month,
 * Home/End the week's first and last day, Enter or Space picks, Esc closes; the focused day is the grid's one
 * Tab stop, so Tab reaches the month buttons and leaves. Drawn fixed beside its field, in the dialog the field
 * is in (a modal dialog leaves the rest of the page inert) or else the page's body: a scrolling dialog body
 * never cuts it, and the main area's container (which holds fixed boxes of its own) never shifts it.
 */
export function DateCalendar({ selected, today, anchor, onPick, onClose }: Props) {
  const { t, lang } = useI18n();
  const [focusDay, setFocusDay] = useState(selected || today);
  const grid = useRef<HTMLTableElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const keysId = useId();
  const [pos, setPos] = useState({ top: 0, left: 0 });

  useLayoutEffect(() => {
    const r = anchor.getBoundingClientRect();
    const below = r.bottom + 4;
    const top = below + HEIGHT <= window.innerHeight ? below : Math.max(8, r.top - HEIGHT - 4);
    setPos({ top, left: Math.max(8, Math.min(r.left, window.innerWidth - WIDTH - 8)) });
  }, [anchor]);

  // the focused day follows the keyboard (and the month buttons keep their focus)
  const moved = useRef(false);
  const fromGrid = useRef(false);
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      grid.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
      return;
    }
    // from the grid's keys the focus follows the day, also into another month (whose cells are new)
    if (fromGrid.current || grid.current?.contains(document.activeElement)) grid.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    fromGrid.current = false;
  }, [focusDay]);

  useEffect(() => {
    const down = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('mousedown', down);
    return () => document.removeEventListener('mousedown', down);
  }, [anchor, onClose]);

  const ym = focusDay.slice(0, 7);
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const monthNames = t('date.cal.monthNames').split(' ');
  const weekdays = t('date.cal.weekdays').split(' ');
  const weekdayNames = t('date.cal.weekdayNames').split(' ');

  const onGridKey = (e: KeyboardEvent) => {
    const weekday = (new Date(`${focusDay}T00:00:00Z`).getUTCDay() + 6) % 7;
    const to: Record<string, () => string> = {
      ArrowLeft: () => addDays(focusDay, -1),
      ArrowRight: () => addDays(focusDay, 1),
      ArrowUp: () => addDays(focusDay, -7),
      ArrowDown: () => addDays(focusDay, 7),
      PageUp: () => addMonths(focusDay, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focusDay, e.shiftKey ? 12 : 1),
      Home: () => addDays(focusDay, -weekday),
      End: () => addDays(focusDay, 6 - weekday),
    };
    const next = to[e.key];
    if (next) {
      e.preventDefault();
      fromGrid.current = true;
      setFocusDay(next());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(focusDay);
    }
  };

  return createPortal(
    <div
      ref={box}
      className="date-cal"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={keysId}
      style={{ top: pos.top, left: pos.left, width: WIDTH }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation(); // closes the calendar, not the dialog it is in
          onClose(true);
        }
      }}
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null) && e.relatedTarget !== null) onClose(false);
      }}
    >
      <div className="date-cal-head">
        <button type="button" className="date-cal-nav" aria-label={t('date.cal.prev')} onClick={() => setFocusDay(addMonths(focusDay, -1))}>
          <span aria-hidden="true">‹</span>
        </button>
        <strong id={titleId} aria-live="polite">
          {t('date.cal.month', { y: String(y), m: String(m), month: monthNames[m - 1] ?? '' })}
        </strong>
        <button type="button" className="date-cal-nav" aria-label={t('date.cal.next')} onClick={() => setFocusDay(addMonths(focusDay, 1))}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table ref={grid} role="grid" aria-labelledby={titleId} onKeyDown={onGridKey}>
        <thead>
          <tr>
            {weekdays.map((d, i) => (
              <th key={d} scope="col" abbr={weekdayNames[i]}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(ym).map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const outside = day.slice(0, 7) !== ym;
                const classes = ['date-cal-day', outside ? 'outside' : '', day === today ? 'today' : '', day === selected ? 'selected' : '']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td
                    key={day}
                    role="gridcell"
                    className={classes}
                    tabIndex={day === focusDay ? 0 : -1}
                    aria-selected={day === selected}
                    aria-current={day === today ? 'date' : undefined}
                    aria-label={formatDate(day, lang)}
                    data-day={day}
                    onClick={() => onPick(day)}
                  >
                    {Number(day.slice(8))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="date-cal-keys" id={keysId}>
        {t('date.cal.keys')}
      </p>
    </div>,
    anchor.closest('dialog') ?? document.body,
  );
}
