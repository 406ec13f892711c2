import { useState } from 'react';
import type { OccupancyCounts, RoomState } from '@shared/contract/rooms';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Stat } from '../../app/ui/Stat';
import { download } from '../../lib/download';
import { formatMonth, propertyMonth } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { STATE_LABEL, STATES } from './labels';

/** This month and the eleven before it, newest first. */
function lastMonths(now: string, n = 12): string[] {
  const [y, m] = now.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** One stacked bar: the rooms of a building (or the property) by state, as shares of its total. */
function Bar({ counts, label }: { counts: OccupancyCounts; label: string }) {
  const { t } = useI18n();
  const total = counts.total || 1;
  return (
    <div className="occ-row">
      <span className="occ-name">{label}</span>
      <span className="occ-bar" role="img" aria-label={`${label}: ${STATES.map((s) => `${t(STATE_LABEL[s])} ${counts[s]}`).join(', ')}`}>
        {STATES.map((s) =>
          counts[s] > 0 ? (
            <span key={s} className={`occ-seg occ-${s}`} style={{ width: `${(counts[s] / total) * 100}%` }} title={`${t(STATE_LABEL[s])} ${counts[s]}`} />
          ) : null,
        )}
      </span>
      <span className="occ-total">{counts.total}</span>
    </div>
  );
}

/** 入住统计: per building and for the property, by state, with the change over the month; a bar chart and the XLSX. */
export function OccupancyTab() {
  const { t, lang } = useI18n();
  const months = lastMonths(propertyMonth());
  const [month, setMonth] = useState(months[0] as string);
  const q = useCall('rooms.occupancy', { month }, { keepPrevious: true });
  const send = useSend();
  const exporting = useAction();
  const v = q.data;
  return (
    <div className="rooms-occupancy">
      <div className="toolbar">
        <label className="field">
          <span className="field-label">{t('rooms.month')}</span>
          <select name="occ-month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, lang)}
              </option>
            ))}
          </select>
        </label>
        <div className="field field-button">
          <button
            type="button"
            className="btn"
            disabled={exporting.busy}
            onClick={() =>
              void exporting.start({
                run: async () => {
                  const x = await send('rooms.occupancy.export', { month });
                  download(x.fileName, x.data);
                },
              })
            }
          >
            {t('rooms.export')}
          </button>
        </div>
      </div>
      <ErrorBox error={q.error ?? exporting.error} />
      {v ? (
        <>
          <div className="stat-row" data-testid="occ-property">
            {STATES.map((s: RoomState) => (
              <Stat key={s} value={String(v.property[s])} label={`${t(STATE_LABEL[s])} (${signed(v.monthChange[s])})`} className={`occ-stat-${s}`} />
            ))}
            <Stat value={String(v.property.total)} label={t('rooms.total')} />
          </div>
          <p className="hint">{t('rooms.changeHint', { m: formatMonth(v.month, lang) })}</p>
          <ul className="occ-legend" aria-hidden="true">
            {STATES.map((s) => (
              <li key={s}>
                <span className={`occ-swatch occ-${s}`} /> {t(STATE_LABEL[s])}
              </li>
            ))}
          </ul>
          <div className="occ-chart" data-testid="occ-chart">
            <Bar counts={v.property} label={t('rooms.property')} />
            {v.buildings.map((b) => (
              <Bar key={b.buildingId} counts={b.counts} label={b.name || b.code} />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
