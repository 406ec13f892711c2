import { useState } from 'react';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { DateInput } from '../../app/ui/DateInput';
import { formatDateTime, propertyToday } from '../../lib/format';
import { moneyText } from '../../lib/money';

/** 当日收楼汇总: the rooms handed over on a day, with their keys, cards, first fees and the issues noted. */
export function DayTab() {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(propertyToday());
  const dayQ = useCall('rooms.moveIn.day', { date }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(date), keepPrevious: true });
  const d = dayQ.data ?? null;
  return (
    <div className="card cs-day">
      <div className="toolbar">
        <label className="field">
          <span className="field-label">{t('cs.day.date')}</span>
          <DateInput name="day-date" value={date} onChange={(v) => v && setDate(v)} />
        </label>
        {d ? (
          <dl className="cs-day-figures" data-testid="day-figures">
            <dt>{t('cs.day.rooms')}</dt>
            <dd>{d.rooms.length}</dd>
            <dt>{t('cs.day.keys')}</dt>
            <dd>{d.keys}</dd>
            <dt>{t('cs.day.cards')}</dt>
            <dd>{d.cards}</dd>
            <dt>{t('cs.day.fees')}</dt>
            <dd>{moneyText(d.feesFen)}</dd>
          </dl>
        ) : null}
      </div>
      <ErrorBox error={dayQ.error} />
      {d && d.rooms.length === 0 ? <p className="hint">{t('cs.day.none')}</p> : null}
      {d && d.rooms.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('cs.room')}</th>
                <th>{t('cs.day.at')}</th>
                <th>{t('cs.day.keys')}</th>
                <th>{t('cs.day.cards')}</th>
                <th>{t('cs.day.fees')}</th>
                <th>{t('cs.day.issues')}</th>
              </tr>
            </thead>
            <tbody>
              {d.rooms.map((r) => (
                <tr key={r.caseId}>
                  <td className="room-code">{r.roomCode}</td>
                  <td>{formatDateTime(r.completedAt, lang)}</td>
                  <td>{r.keys}</td>
                  <td>{r.cards}</td>
                  <td>
                    {moneyText(r.feesFen)} {r.receiptNo ? <span className="cs-small">{r.receiptNo}</span> : null}
                  </td>
                  <td data-data>{r.issues}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
