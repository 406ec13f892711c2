import { useEffect, useState } from 'react';
import type { RequestStats } from '../../../src-main/contract/index';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { Stat } from '../../app/ui/Stat';
import { duration, KIND_LABEL } from './labels';

function thisMonth(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 7);
}

function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** 统计: one month's requests — counts, dispatch on time, median times, callbacks — with bars, printable. */
export function ServiceStats() {
  const { t } = useI18n();
  const [month, setMonth] = useState(thisMonth);
  const [s, setS] = useState<RequestStats | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    setError(null);
    call('requests.stats', monthRange(month))
      .then(setS)
      .catch((e: unknown) => setError(e));
  }, [month]);

  const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);
  const maxCat = Math.max(1, ...(s?.byCategory.map((c) => c.count) ?? [1]));
  return (
    <div className="svc-stats">
      <div className="filter-bar">
        <label className="field">
          <span className="field-label">{t('svc.month')}</span>
          <input type="month" name="svc-month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="button" className="btn" onClick={() => window.print()}>
            {t('svc.print')}
          </button>
        </div>
      </div>
      <ErrorBox error={error} />
      {s ? (
        <>
          <div className="stat-row" data-testid="svc-stats">
            <Stat value={String(s.total)} label={t('svc.st.total')} />
            <Stat value={s.dispatched ? `${s.dispatchWithinTarget}/${s.dispatched}` : '—'} label={t('svc.st.onTime')} />
            <Stat value={s.medianDispatchMs === null ? '—' : duration(s.medianDispatchMs, t)} label={t('svc.st.medianDispatch')} />
            <Stat value={s.medianCloseMs === null ? '—' : duration(s.medianCloseMs, t)} label={t('svc.st.medianClose')} />
            <Stat value={pct(s.callbackRate)} label={t('svc.st.callbackRate')} />
            <Stat value={s.meanSatisfaction === null ? '—' : s.meanSatisfaction.toFixed(1)} label={t('svc.st.satisfaction')} />
          </div>
          {s.clockAnomalies ? <p className="warn-box">{t('svc.st.anomalies', { n: s.clockAnomalies })}</p> : null}
          <div className="slip-tables">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('svc.st.byKind')}</th>
                  <th className="num">{t('svc.st.count')}</th>
                </tr>
              </thead>
              <tbody>
                {s.byKind.map((k) => (
                  <tr key={k.kind}>
                    <td>{t(KIND_LABEL[k.kind])}</td>
                    <td className="num">{k.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('svc.st.byCategory')}</th>
                  <th className="num">{t('svc.st.count')}</th>
                </tr>
              </thead>
              <tbody>
                {s.byCategory.map((c) => (
                  <tr key={c.category}>
                    <td>
                      {c.category}
                      <progress className="svc-bar" value={c.count} max={maxCat} aria-hidden="true" />
                    </td>
                    <td className="num">{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
