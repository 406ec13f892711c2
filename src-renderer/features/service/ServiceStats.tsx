import { useState } from 'react';
import type { ReportView } from '@shared/contract';
import { download } from '../../lib/download';
import { useCall, useSend } from '../../lib/query';
import { moneyText } from '../../lib/money';
import { formatDate, propertyToday } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { FigureTable } from '../../app/ui/FigureTable';
import { Stat } from '../../app/ui/Stat';
import { defaultName, duration, KIND_LABEL } from './labels';
import { DateInput } from '../../app/ui/DateInput';
import { AreaTabLink } from '../../app/ui/AreaTabLink';
import { useShell } from '../../app/shell-context';
import { roleAtLeast } from '../../lib/roles';

type Period = ReportView['period'];
const PERIODS: { id: Period; label: MsgKey }[] = [
  { id: 'day', label: 'rp.day' },
  { id: 'week', label: 'rp.week' },
  { id: 'month', label: 'rp.month' },
];
const METHOD: Record<string, MsgKey> = { cash: 'pay.cash', wechat: 'pay.wechat', alipay: 'pay.alipay', card: 'pay.card' };

const today = (): string => propertyToday();

/** 统计报表: a day, week or month — service requests, fees, parcels, keys and cards — with bars; XLSX and print. */
export function ServiceStats() {
  const { t, lang } = useI18n();
  const { operator } = useShell();
  const [period, setPeriod] = useState<Period>('month');
  const [date, setDate] = useState(today);
  // a date still being typed is not asked for; the figures shown stay until the new ones are in
  const report = useCall('reports.period', { period, date }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(date), keepPrevious: true });
  const r = report.data ?? null;
  const error = report.error;
  const exporting = useAction();
  const send = useSend();
  const [pdfNote, setPdfNote] = useState<string | null>(null);
  const pdf = () =>
    exporting.start({
      run: async () => {
        setPdfNote(null);
        const x = await send('reports.pdf', { title: r ? `统计报表_${r.from}_${r.to}` : '统计报表' });
        if (x.supported) download(x.fileName, x.data, 'application/pdf');
        else setPdfNote(t('rp.pdfInBrowser'));
      },
    });

  const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);
  const s = r?.requests;
  const maxCat = Math.max(1, ...(s?.byCategory.map((c) => c.count) ?? [1]));
  const maxItem = Math.max(1, ...(r?.fees.byItem.map((i) => Math.abs(i.amountFen)) ?? [1]));
  return (
    <div className="svc-stats report">
      <div className="filter-bar">
        <fieldset className="fieldset seg-group">
          <legend className="sr-only">{t('rp.period')}</legend>
          {PERIODS.map((p) => (
            <label key={p.id} className="seg">
              <input type="radio" name="rp-period" checked={period === p.id} onChange={() => setPeriod(p.id)} />
              <span>{t(p.label)}</span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">{t('rp.date')}</span>
          <DateInput name="rp-date" value={date} onChange={(v) => v && setDate(v)} />
        </label>
        <div className="field field-button">
          <button
            type="button"
            className="btn"
            disabled={exporting.busy}
            onClick={() =>
              void exporting.start({
                run: async () => {
                  // the figures on screen, not a date still being typed
                  const x = await send('reports.export', { period: r?.period ?? period, date: r?.from ?? date });
                  download(x.fileName, x.data);
                },
              })
            }
          >
            {t('rp.export')}
          </button>
        </div>
        <div className="field field-button">
          <button type="button" className="btn" disabled={exporting.busy} onClick={() => void pdf()}>
            {t('rp.pdf')}
          </button>
        </div>
        <div className="field field-button">
          <button type="button" className="btn" onClick={() => window.print()}>
            {t('svc.print')}
          </button>
        </div>
      </div>
      <ErrorBox error={error ?? exporting.error} />
      {pdfNote ? <p className="info-box">{pdfNote}</p> : null}
      {r && s ? (
        <>
          <h2 className="rp-range" data-testid="rp-range">
            {t('rp.range', { from: formatDate(r.from, lang), to: formatDate(r.to, lang) })}
          </h2>
          <p className="hint">{t('rp.calendar')}</p>
          <h3>{t('area.service')}</h3>
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
            <FigureTable
              title={t('svc.st.byKind')}
              valueHeader={t('svc.st.count')}
              rows={s.byKind.map((k) => ({ key: k.kind, label: t(KIND_LABEL[k.kind]), value: k.count }))}
            />
            <FigureTable
              title={t('svc.st.byCategory')}
              valueHeader={t('svc.st.count')}
              rows={s.byCategory.map((c) => ({ key: c.category, label: defaultName(c.category, t), value: c.count, bar: { value: c.count, max: maxCat } }))}
            />
          </div>

          <h3>{t('area.fees')}</h3>
          <div className="stat-row" data-testid="rp-fees">
            <Stat value={String(r.fees.receipts.count)} label={t('rp.receipts')} />
            <Stat value={moneyText(r.fees.receipts.amountFen)} label={t('rp.collected')} className="stat-money" />
            <Stat value={`${r.fees.voids.count} / ${r.fees.refunds.count}`} label={t('rp.voidsRefunds')} />
            <Stat value={moneyText(r.fees.netFen)} label={t('rp.net')} className="stat-money" />
          </div>
          <div className="slip-tables">
            <FigureTable
              title={t('slip.byItem')}
              valueHeader={t('collect.amount')}
              rows={r.fees.byItem.map((i) => ({
                key: `${i.name}-${i.category}`,
                label: <span data-data="">{i.name}</span>,
                value: moneyText(i.amountFen),
                bar: { value: Math.abs(i.amountFen), max: maxItem },
              }))}
            />
            <FigureTable
              title={t('slip.byMethod')}
              valueHeader={t('collect.amount')}
              rows={r.fees.byMethod.map((m) => ({
                key: m.method,
                label: METHOD[m.method] ? t(METHOD[m.method] as MsgKey) : m.method,
                value: moneyText(m.amountFen),
              }))}
            />
          </div>

          {/* 收缴率 is the supervisors' */}
          {roleAtLeast(operator.role, 'supervisor') ? (
            <AreaTabLink area="arrears" tab="figures" shortcut="Alt+R" text={t('arr.f.link')} button={t('arr.f.open')} />
          ) : null}
          <AreaTabLink area="rooms" tab="occupancy" shortcut="Alt+F" text={t('rooms.occ.link')} button={t('rooms.occ.open')} />
          <h3>{t('rp.others')}</h3>
          <div className="stat-row" data-testid="rp-others">
            <Stat value={`${r.parcels.in} / ${r.parcels.out.pickedUp}`} label={t('rp.parcelsInOut')} />
            <Stat value={`${r.parcels.inStockAtEnd} / ${r.parcels.overdueAtEnd}`} label={t('rp.parcelsStock')} />
            <Stat value={`${r.keys.lent} / ${r.keys.returned}`} label={t('rp.keys')} />
            <Stat value={`${r.cards.issued} / ${r.cards.lost + r.cards.blacklisted}`} label={t('rp.cards')} />
          </div>
        </>
      ) : null}
    </div>
  );
}
