import { useEffect, useState } from 'react';
import type { ParcelCarrierCode, ParcelStatusCode } from '@shared/contract';
import { download } from '../../lib/download';
import { useCall, useSend } from '../../lib/query';
import { formatNumber } from '../../lib/format';
import { todayLocal } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { Stat } from '../../app/ui/Stat';
import { CARRIER_LABEL, CHOSEN_CARRIERS, STATUS_LABEL } from './labels';
import { ParcelTable } from './ParcelTable';
import { DateInput } from '../../app/ui/DateInput';

const STATUSES: ParcelStatusCode[] = ['in_stock', 'picked_up', 'returned', 'written_off'];

/**
 * 日报: the day's in / out / in stock / overdue and the day's intake by carrier; search by any field (code,
 * room, phone last four, waybill, name) with status and carrier filters; export a date range to XLSX.
 */
export function DailyTab({ scan }: { scan: { code: string; n: number } | null }) {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(todayLocal);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ParcelStatusCode | ''>('');
  const [carrier, setCarrier] = useState<ParcelCarrierCode | ''>('');
  const [from, setFrom] = useState(todayLocal);
  const [to, setTo] = useState(todayLocal);
  const [exported, setExported] = useState<string | null>(null);
  const exporting = useAction();
  const send = useSend();
  const statsQ = useCall('parcels.stats', { date }, { keepPrevious: true });
  const stats = statsQ.data ?? null;

  // typing narrows the list as you go; with no text the list is the chosen day's
  const text = q.trim();
  const search = useCall(
    'parcels.search',
    { ...(text ? { q: text.slice(0, 40) } : {}), ...(status ? { status } : {}), ...(carrier ? { carrier } : {}), ...(text ? {} : { date }), limit: 200 },
    { keepPrevious: true },
  );
  const rows = search.data ?? null;
  const error = search.error ?? statsQ.error;

  useEffect(() => {
    if (scan) setQ(scan.code);
  }, [scan]);

  const doExport = () => {
    setExported(null);
    return exporting.start({
      check: () => (from > to ? t('daily.rangeBad') : null),
      run: async () => {
        const r = await send('parcels.export', { from, to });
        download(r.fileName, r.data);
        setExported(t('daily.exported', { name: r.fileName, n: r.rows }));
      },
    });
  };

  return (
    <div className="daily">
      <div className="filter-bar">
        <label className="field">
          <span className="field-label">{t('daily.date')}</span>
          <DateInput name="daily-date" value={date} onChange={(v) => v && setDate(v)} />
        </label>
      </div>
      {stats ? (
        <>
          <div className="stat-row parcel-stats" data-testid="parcel-stats">
            <Stat value={formatNumber(stats.in, lang)} label={t('daily.in')} />
            <Stat value={formatNumber(stats.pickedUp, lang)} label={t('daily.out')} />
            <Stat value={formatNumber(stats.inStock, lang)} label={t('daily.inStock')} />
            <Stat
              value={formatNumber(stats.overdue, lang)}
              label={t('daily.overdue', { n: stats.overdueDays })}
              className={stats.overdue > 0 ? 'stat-error' : undefined}
            />
            <Stat value={formatNumber(stats.returned, lang)} label={t('daily.returned')} />
            <Stat value={formatNumber(stats.writtenOff, lang)} label={t('daily.writtenOff')} />
            <Stat value={formatNumber(stats.needsDetails, lang)} label={t('daily.needsDetails')} />
          </div>
          <h2 className="section-title">{t('daily.byCarrier')}</h2>
          {stats.byCarrier.length === 0 ? <p className="hint">{t('daily.noneThatDay')}</p> : null}
          {stats.byCarrier.length ? (
            <table className="table carrier-table" aria-label={t('daily.byCarrier')}>
              <thead>
                <tr>
                  {stats.byCarrier.map((c) => (
                    <th key={c.carrier}>{c.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {stats.byCarrier.map((c) => (
                    <td key={c.carrier} className="num">
                      {formatNumber(c.in, lang)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      <form className="filter-bar" onSubmit={(e) => e.preventDefault()} aria-label={t('daily.searchLabel')}>
        <label className="field grow">
          <span className="field-label">{t('daily.search')}</span>
          <input
            type="search"
            name="parcel-q"
            autoComplete="off"
            maxLength={40}
            placeholder={t('daily.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('daily.status')}</span>
          <select name="parcel-status" value={status} onChange={(e) => setStatus(e.target.value as ParcelStatusCode | '')}>
            <option value="">{t('daily.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('parcel.carrier')}</span>
          <select name="parcel-carrier" value={carrier} onChange={(e) => setCarrier(e.target.value as ParcelCarrierCode | '')}>
            <option value="">{t('daily.all')}</option>
            {[...CHOSEN_CARRIERS, 'UNKNOWN' as const].map((c) => (
              <option key={c} value={c}>
                {t(CARRIER_LABEL[c])}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorBox error={error} />
      {rows && rows.length === 0 ? <p className="info-box">{t('daily.none')}</p> : null}
      {rows && rows.length > 0 ? <ParcelTable rows={rows} label={t('daily.results', { n: rows.length })} showStatus testId="search-table" /> : null}
      {rows && rows.length >= 200 ? <p className="hint">{t('daily.more')}</p> : null}
      <form
        className="filter-bar card export-bar"
        aria-label={t('daily.export')}
        onSubmit={(e) => {
          e.preventDefault();
          void doExport();
        }}
      >
        <label className="field">
          <span className="field-label">{t('daily.from')}</span>
          <DateInput name="export-from" value={from} onChange={setFrom} />
        </label>
        <label className="field">
          <span className="field-label">{t('daily.to')}</span>
          <DateInput name="export-to" value={to} onChange={setTo} />
        </label>
        <div className="field field-button">
          <button type="submit" className="btn primary" disabled={exporting.busy}>
            {exporting.busy ? t('common.working') : t('daily.export')}
          </button>
        </div>
      </form>
      <ErrorNote text={exporting.checkError} />
      <ErrorBox error={exporting.error} />
      <OkNote text={exported} />
    </div>
  );
}
