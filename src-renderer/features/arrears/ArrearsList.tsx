import { useState } from 'react';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { formatDate, formatMonth } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { useCall, useSend } from '../../lib/query';
import { BUCKET_LABEL, BUCKETS, type Bucket, type RoomRef } from './labels';
import { RoomTable, useExport } from './RoomTable';

/** Rows per page: the core sorts and pages (a big property has tens of thousands of rooms owing). */
const PAGE = 50;

/** 欠费清单: filters (building, age, months), the totals by age, a page of rooms, XLSX with masked names. */
export function ArrearsList({ onLog, onNotice }: { onLog: (r: RoomRef) => void; onNotice: (r: RoomRef) => void }) {
  const { t, lang } = useI18n();
  const [buildingId, setBuildingId] = useState(0);
  const [bucket, setBucket] = useState<Bucket | ''>('');
  const [minText, setMinText] = useState('');
  const [page, setPage] = useState(0);
  const buildings = useCall('roster.buildings.list', {}).data ?? [];
  const minMonths = /^\d{1,3}$/.test(minText.trim()) && Number(minText) >= 1 ? Number(minText) : undefined;
  const filters = {
    ...(buildingId ? { buildingId } : {}),
    ...(bucket ? { bucket } : {}),
    ...(minMonths ? { minMonths } : {}),
  };
  const q = useCall('receivables.arrears', { ...filters, limit: PAGE, offset: page * PAGE }, { keepPrevious: true });
  const a = q.data ?? null;
  const pages = a ? Math.max(1, Math.ceil(a.rooms / PAGE)) : 1;
  const exporting = useExport();
  const send = useSend();
  const refilter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };

  return (
    <div className="arr-list">
      <div className="filter-bar">
        <label className="field">
          <span className="field-label">{t('arr.building')}</span>
          <select name="arr-building" value={buildingId} onChange={(e) => refilter(setBuildingId)(Number(e.target.value))}>
            <option value={0}>{t('arr.allBuildings')}</option>
            {buildings.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('arr.bucket')}</span>
          <select name="arr-bucket" value={bucket} onChange={(e) => refilter(setBucket)(e.target.value as Bucket | '')}>
            <option value="">{t('arr.allBuckets')}</option>
            {BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t(BUCKET_LABEL[b])}
              </option>
            ))}
          </select>
        </label>
        <label className="field arr-min">
          <span className="field-label">{t('arr.minMonths')}</span>
          <input
            name="arr-min-months"
            inputMode="numeric"
            autoComplete="off"
            maxLength={3}
            value={minText}
            onChange={(e) => refilter(setMinText)(e.target.value)}
          />
        </label>
        {exporting.button(t('arr.export'), () => send('receivables.arrears.export', filters))}
      </div>
      <ErrorBox error={q.error ?? exporting.error} />
      {!a && !q.error ? <p className="hint">{t('arr.loading')}</p> : null}
      {a ? (
        <>
          {/* one line of totals, so a page of rooms stays in view at 1024×768 */}
          <dl className="arr-sum" data-testid="arr-totals">
            <div className="arr-sum-main">
              <dt>{t('arr.rooms')}</dt>
              <dd>{a.rooms}</dd>
            </div>
            <div className="arr-sum-main">
              <dt>{t('arr.owed')}</dt>
              <dd>{moneyText(a.owedFen)}</dd>
            </div>
            {BUCKETS.map((b) => (
              <div key={b}>
                <dt>{t(BUCKET_LABEL[b])}</dt>
                <dd>{moneyText(a.buckets[b])}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">{t('arr.asOf', { month: formatMonth(a.thisMonth, lang) })}</p>
          {a.rows.length === 0 ? <p className="info-box">{t('arr.none')}</p> : null}
          {a.rows.length > 0 ? (
            <RoomTable
              testId="arr-table"
              className="arr-table"
              wrapClassName="arr-table-wrap"
              columns={[
                { label: t('arr.room') },
                { label: t('arr.owner') },
                { label: t('arr.months'), num: true },
                { label: t('arr.owed'), num: true },
                { label: t('arr.oldest') },
                { label: t('arr.bucket') },
                { label: t('arr.lastContact') },
              ]}
              rows={a.rows}
              rowKey={(r) => r.roomId}
              roomCode={(r) => r.roomCode}
              cells={(r) => {
                const ref = { roomId: r.roomId, roomCode: r.roomCode };
                return (
                  <>
                    <td>
                      <span className="room-code">{r.roomCode}</span>
                    </td>
                    <td data-data="">{r.ownerMasked ?? '—'}</td>
                    <td className="num">{r.months}</td>
                    <td className="num">{moneyText(r.owedFen)}</td>
                    <td>{formatMonth(r.oldestMonth, lang)}</td>
                    <td>
                      <span className={`tag arr-age-${r.bucket === '12+' ? 'old' : r.bucket === '7-12' ? 'mid' : 'new'}`}>{t(BUCKET_LABEL[r.bucket])}</span>
                    </td>
                    <td>{r.lastContactDay ? formatDate(r.lastContactDay, lang) : <span className="hint">{t('arr.never')}</span>}</td>
                    <td className="arr-actions">
                      <button type="button" className="btn small" onClick={() => onLog(ref)} aria-label={`${t('arr.toLog')} ${r.roomCode}`}>
                        {t('arr.toLog')}
                      </button>
                      <button type="button" className="btn small" onClick={() => onNotice(ref)} aria-label={`${t('arr.toNotice')} ${r.roomCode}`}>
                        {t('arr.toNotice')}
                      </button>
                    </td>
                  </>
                );
              }}
            />
          ) : null}
          {pages > 1 ? (
            <div className="arr-pager">
              <button type="button" className="btn small" disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
                {t('arr.prev')}
              </button>
              <span>{t('arr.page', { page: page + 1, pages })}</span>
              <button type="button" className="btn small" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
                {t('arr.next')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
