import type { ReactNode } from 'react';
import type { ParcelView } from '@shared/contract';
import { formatDateTime, formatTime } from '../../lib/format';
import { useI18n } from '../../app/i18n/I18n';
import { STATUS_LABEL, STATUS_TAG } from './labels';

interface Props {
  rows: ParcelView[];
  label: string;
  /** checkboxes for choosing several (pickup, return, reminders) */
  selected?: ReadonlySet<number>;
  onToggle?: (id: number) => void;
  /** buttons at the end of each row */
  actions?: (p: ParcelView) => ReactNode;
  showStatus?: boolean;
  testId?: string;
  /** today's list: the time only */
  timeOnly?: boolean;
}

/** Parcels as a table: code, slot, room, recipient (masked), waybill, carrier, when, flags. */
export function ParcelTable({ rows, label, selected, onToggle, actions, showStatus, testId, timeOnly }: Props) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table parcel-table" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {selected ? <th className="check-col">{t('parcel.pick')}</th> : null}
            <th>{t('parcel.pickupCode')}</th>
            <th>{t('parcel.slot')}</th>
            <th>{t('parcel.room')}</th>
            <th>{t('parcel.recipient')}</th>
            <th>{t('parcel.waybill')}</th>
            <th>{t('parcel.carrier')}</th>
            <th>{t('parcel.intakeAt')}</th>
            <th>{t('parcel.flags')}</th>
            {actions ? <th>{t('parcel.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-parcel={p.id} className={p.overdue && p.status === 'in_stock' ? 'overdue-row' : undefined}>
              {selected ? (
                <td className="check-col">
                  <input
                    type="checkbox"
                    aria-label={t('parcel.pickOne', { code: p.pickupCodeSpoken })}
                    checked={selected.has(p.id)}
                    onChange={() => onToggle?.(p.id)}
                  />
                </td>
              ) : null}
              <td className="code-cell">{p.pickupCodeSpoken}</td>
              <td className="slot-cell">{p.slotLabel ?? '—'}</td>
              <td>{p.roomCode ? <span className="room-code">{p.roomCode}</span> : '—'}</td>
              <td>
                {p.recipientMasked ?? '—'}
                {p.phoneLast4 ? <span className="hint"> ·{p.phoneLast4}</span> : null}
              </td>
              <td className="mono">{p.waybill}</td>
              <td>{p.carrierName}</td>
              <td>
                {timeOnly ? formatTime(new Date(p.intakeAt), lang).slice(0, 5) : formatDateTime(p.intakeAt, lang)}
                {p.status === 'in_stock' && p.daysInStock > 0 ? <span className="hint"> {t('parcel.days', { n: p.daysInStock })}</span> : null}
              </td>
              <td>
                <span className="tags">
                  {showStatus ? <span className={`tag ${STATUS_TAG[p.status]}`}>{t(STATUS_LABEL[p.status])}</span> : null}
                  {p.overdue && p.status === 'in_stock' ? <span className="tag tag-bad">{t('parcel.overdueTag')}</span> : null}
                  {p.needsDetails ? <span className="tag tag-warn">{t('parcel.needsDetails')}</span> : null}
                  {p.unlisted ? <span className="tag tag-warn">{t('parcel.unlistedTag')}</span> : null}
                  {p.carrier === 'UNKNOWN' ? <span className="tag tag-warn">{t('parcel.carrierUnknown')}</span> : null}
                  {p.pickup?.proxy ? <span className="tag tag-muted">{t('parcel.proxyTag')}</span> : null}
                </span>
              </td>
              {actions ? <td className="row-actions">{actions(p)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
