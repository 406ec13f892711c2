import { useCallback, useEffect, useState } from 'react';
import type { Output, ParcelCarrierCode, ParcelStatusCode, ParcelView } from '@shared/contract';
import { call } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { todayLocal } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { Stat } from '../../app/ui/Stat';
import { CARRIER_LABEL, CHOSEN_CARRIERS, STATUS_LABEL } from './labels';
import { ParcelTable } from './ParcelTable';

type Stats = Output<'parcels.stats'>;
const STATUSES: ParcelStatusCode[] = ['in_stock', 'picked_up', 'returned', 'written_off'];

/** Saves the bytes main returned as a file (a download in the browser host and in Electron). */
function download(fileName: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 日报: the day's in / out / in stock / overdue and the day's intake by carrier; search by any field (code,
 * room, phone last four, waybill, name) with status and carrier filters; export a date range to XLSX.
 */
export function DailyTab({ scan }: { scan: { code: string; n: number } | null }) {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(todayLocal);
  const [stats, setStats] = useState<Stats | null>(null);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ParcelStatusCode | ''>('');
  const [carrier, setCarrier] = useState<ParcelCarrierCode | ''>('');
  const [rows, setRows] = useState<ParcelView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [from, setFrom] = useState(todayLocal);
  const [to, setTo] = useState(todayLocal);
  const [exported, setExported] = useState<string | null>(null);
  const exporting = useAction();

  useEffect(() => {
    let live = true;
    call('parcels.stats', { date })
      .then((s) => live && setStats(s))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [date]);

  const search = useCallback(async (text: string, st: ParcelStatusCode | '', ca: ParcelCarrierCode | '', day: string | null) => {
    try {
      setRows(
        await call('parcels.search', {
          ...(text.trim() ? { q: text.trim().slice(0, 40) } : {}),
          ...(st ? { status: st } : {}),
          ...(ca ? { carrier: ca } : {}),
          ...(day ? { date: day } : {}),
          limit: 200,
        }),
      );
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  // typing narrows the list as you go; with no text the list is the chosen day's
  useEffect(() => {
    void search(q, status, carrier, q.trim() ? null : date);
  }, [q, status, carrier, date, search]);

  useEffect(() => {
    if (scan) setQ(scan.code);
  }, [scan]);

  const doExport = () => {
    setExported(null);
    return exporting.start({
      check: () => (from > to ? t('daily.rangeBad') : null),
      run: async () => {
        const r = await call('parcels.export', { from, to });
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
          <input type="date" name="daily-date" value={date} onChange={(e) => setDate(e.target.value || todayLocal())} />
        </label>
      </div>
      {stats ? (
        <>
          <div className="stat-row parcel-stats" data-testid="parcel-stats">
            <Stat value={formatNumber(stats.in, lang)} label={t('daily.in')} />
            <Stat value={formatNumber(stats.pickedUp, lang)} label={t('daily.out')} />
            <Stat value={formatNumber(stats.inStock, lang)} label={t('daily.inStock')} />
            <Stat value={formatNumber(stats.overdue, lang)} label={t('daily.overdue', { n: stats.overdueDays })} className={stats.overdue > 0 ? 'stat-error' : undefined} />
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
          <input type="search" name="parcel-q" autoComplete="off" maxLength={40} placeholder={t('daily.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} />
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
          <input type="date" name="export-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('daily.to')}</span>
          <input type="date" name="export-to" value={to} onChange={(e) => setTo(e.target.value)} />
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
