import { useState } from 'react';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { Stat } from '../../app/ui/Stat';
import { formatMonth, propertyMonth } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { useCall, useSend } from '../../lib/query';
import { rateText } from './labels';
import { useExport } from './RoomTable';

type Figure = { chargedFen: number; collectedFen: number; rateBp: number | null; arrearsCollectedFen: number };

/**
 * 收缴率 for a month or a year: charged for the period, collected for it, the rate, and 清欠 (earlier years'
 * arrears collected in it); by building with a bar per building, and by item. XLSX of the same.
 */
export function CollectionFigures() {
  const { t, lang } = useI18n();
  const now = propertyMonth();
  const thisYear = Number(now.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState(0);
  const input = month ? { month: `${year}-${String(month).padStart(2, '0')}` } : { year };
  const q = useCall('receivables.figures', input, { keepPrevious: true });
  const f = q.data ?? null;
  const exporting = useExport();
  const send = useSend();
  const lastMonth = year === thisYear ? Number(now.slice(5, 7)) : 12;

  return (
    <div className="arr-figures">
      <div className="filter-bar">
        <label className="field">
          <span className="field-label">{t('arr.f.year')}</span>
          <select
            name="arr-f-year"
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setMonth(0);
            }}
          >
            {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('arr.f.month')}</span>
          <select name="arr-f-month" value={month} onChange={(e) => setMonth(Number(e.target.value))}>
            <option value={0}>{t('arr.f.wholeYear')}</option>
            {Array.from({ length: lastMonth }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {t('arr.f.monthN', { n: m })}
              </option>
            ))}
          </select>
        </label>
        {exporting.button(t('arr.export'), () => send('receivables.figures.export', input))}
      </div>
      <ErrorBox error={q.error ?? exporting.error} />
      {f ? (
        <>
          <h2 className="arr-h2" data-testid="arr-f-range">
            {f.from === f.to ? formatMonth(f.from, lang) : t('arr.f.range', { from: formatMonth(f.from, lang), to: formatMonth(f.to, lang) })}
          </h2>
          <div className="stat-row" data-testid="arr-f-total">
            <Stat value={moneyText(f.total.chargedFen)} label={t('arr.f.charged')} className="stat-money" />
            <Stat value={moneyText(f.total.collectedFen)} label={t('arr.f.collected')} className="stat-money" />
            <Stat value={rateText(f.total.rateBp)} label={t('arr.f.rate')} />
            <Stat value={moneyText(f.total.arrearsCollectedFen)} label={t('arr.f.cleared')} className="stat-money" />
          </div>
          {f.byBuilding.length === 0 ? <p className="info-box">{t('arr.f.none')}</p> : null}
          {f.byBuilding.length > 0 ? (
            <div className="arr-f-grid">
              <figure className="arr-chart" aria-labelledby="arr-chart-title">
                <figcaption id="arr-chart-title">{t('arr.f.chart')}</figcaption>
                <ul className="arr-bars">
                  {f.byBuilding.map((b) => (
                    <li key={b.buildingId} className="arr-bar-row">
                      <span className="arr-bar-label" data-data="">
                        {b.buildingName}
                      </span>
                      <span className="arr-bar-track" aria-hidden="true">
                        <span className="arr-bar" style={{ width: `${Math.min(100, (b.rateBp ?? 0) / 100)}%` }} />
                      </span>
                      <span className="arr-bar-value">{rateText(b.rateBp)}</span>
                    </li>
                  ))}
                </ul>
              </figure>
              <FigureRows title={t('arr.f.byBuilding')} rows={f.byBuilding.map((b) => ({ key: `b${b.buildingId}`, name: b.buildingName, ...b }))} />
              <FigureRows title={t('arr.f.byItem')} rows={f.byItem.map((i) => ({ key: `i${i.itemId}`, ...i }))} />
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function FigureRows({ title, rows }: { title: string; rows: Array<Figure & { key: string; name: string }> }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table arr-f-table">
        <thead>
          <tr>
            <th>{title}</th>
            <th className="num">{t('arr.f.charged')}</th>
            <th className="num">{t('arr.f.collected')}</th>
            <th className="num">{t('arr.f.rate')}</th>
            <th className="num">{t('arr.f.cleared')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td data-data="">{r.name}</td>
              <td className="num">{moneyText(r.chargedFen)}</td>
              <td className="num">{moneyText(r.collectedFen)}</td>
              <td className="num">{rateText(r.rateBp)}</td>
              <td className="num">{moneyText(r.arrearsCollectedFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
