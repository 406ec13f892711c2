import { useState } from 'react';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { formatDate } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { useCall } from '../../lib/query';
import { WAY_LABEL, type RoomRef } from './labels';
import { RoomTable } from './RoomTable';

/** 待跟进: promises whose date has passed while the room still owes; owing rooms not contacted for N days. */
export function FollowUpQueue({ onLog }: { onLog: (r: RoomRef) => void }) {
  const { t, lang } = useI18n();
  const [daysText, setDaysText] = useState('30');
  const days = /^\d{1,3}$/.test(daysText.trim()) && Number(daysText) >= 1 && Number(daysText) <= 365 ? Number(daysText) : 30;
  const q = useCall('receivables.queue', { days, limit: 200 }, { keepPrevious: true });
  const d = q.data ?? null;
  const chase = (r: RoomRef) => (
    <button type="button" className="btn small" onClick={() => onLog(r)} aria-label={`${t('arr.toLog')} ${r.roomCode}`}>
      {t('arr.toLog')}
    </button>
  );

  return (
    <div className="arr-queue">
      <div className="filter-bar">
        <label className="field arr-min">
          <span className="field-label">{t('arr.days')}</span>
          <input name="arr-days" inputMode="numeric" autoComplete="off" maxLength={3} value={daysText} onChange={(e) => setDaysText(e.target.value)} />
        </label>
      </div>
      <ErrorBox error={q.error} />
      {d ? (
        <>
          <h2 className="arr-h2">{t('arr.overdue', { n: d.overduePromises.length })}</h2>
          {d.overduePromises.length === 0 ? <p className="info-box">{t('arr.noOverdue')}</p> : null}
          {d.overduePromises.length > 0 ? (
            <RoomTable
              testId="arr-overdue"
              columns={[
                { label: t('arr.room') },
                { label: t('arr.promised') },
                { label: t('arr.way') },
                { label: t('arr.result') },
                { label: t('arr.operator') },
                { label: t('arr.owed'), num: true },
              ]}
              rows={d.overduePromises}
              rowKey={(c) => c.id}
              roomCode={(c) => c.roomCode}
              cells={(c) => (
                <>
                  <td>
                    <span className="room-code">{c.roomCode}</span>
                  </td>
                  <td className="arr-late">{c.promisedDate ? formatDate(c.promisedDate, lang) : '—'}</td>
                  <td>{t(WAY_LABEL[c.way])}</td>
                  <td data-data="">{c.result}</td>
                  <td data-data="">{c.operatorName}</td>
                  <td className="num">{moneyText(c.owedFen)}</td>
                  <td>{chase({ roomId: c.roomId, roomCode: c.roomCode })}</td>
                </>
              )}
            />
          ) : null}
          <h2 className="arr-h2">{t('arr.quiet', { days, n: d.notContacted.length })}</h2>
          {d.notContacted.length === 0 ? <p className="info-box">{t('arr.noQuiet')}</p> : null}
          {d.notContacted.length > 0 ? (
            <RoomTable
              testId="arr-quiet"
              columns={[
                { label: t('arr.room') },
                { label: t('arr.owner') },
                { label: t('arr.months'), num: true },
                { label: t('arr.owed'), num: true },
                { label: t('arr.lastContact') },
              ]}
              rows={d.notContacted}
              rowKey={(r) => r.roomId}
              roomCode={(r) => r.roomCode}
              cells={(r) => (
                <>
                  <td>
                    <span className="room-code">{r.roomCode}</span>
                  </td>
                  <td data-data="">{r.ownerMasked ?? '—'}</td>
                  <td className="num">{r.months}</td>
                  <td className="num">{moneyText(r.owedFen)}</td>
                  <td>{r.lastContactDay ? formatDate(r.lastContactDay, lang) : <span className="hint">{t('arr.never')}</span>}</td>
                  <td>{chase({ roomId: r.roomId, roomCode: r.roomCode })}</td>
                </>
              )}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
