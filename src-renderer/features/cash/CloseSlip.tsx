import type { CloseResult } from '@shared/contract';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../app/i18n/I18n';
import { FigureTable } from '../../app/ui/FigureTable';
import { Money } from '../../app/ui/Money';
import { METHOD_LABEL } from '../fees/labels';

/**
 * The close slip (交款单): expected against counted cash and the variance, the receipt number range, totals
 * by item and by method, voids, refunds, cash in/out, and the audit chain head at the close.
 */
export function CloseSlip({ result }: { result: CloseResult }) {
  const { t, lang } = useI18n();
  const { session: s, slip } = result;
  const variance = s.varianceFen ?? 0;
  return (
    <article className="close-slip" aria-labelledby={`slip-${s.id}`} data-testid="close-slip">
      <h2 id={`slip-${s.id}`}>{t('slip.title', { id: s.id })}</h2>
      <p className="hint">{t('slip.who', { name: s.operatorName, from: formatDateTime(s.openedAt, lang), to: formatDateTime(s.closedAt, lang) })}</p>
      <div className="slip-cash">
        <div className="slip-figure">
          <span className="so-label">{t('slip.expected')}</span>
          <Money fen={s.expectedFen ?? 0} className="so-amount" testId="slip-expected" />
        </div>
        <div className="slip-figure">
          <span className="so-label">{t('slip.counted')}</span>
          <Money fen={s.countedFen ?? 0} className="so-amount" testId="slip-counted" />
        </div>
        <div className={`slip-figure${variance !== 0 ? ' off' : ''}`}>
          <span className="so-label">{t('slip.variance')}</span>
          <Money fen={variance} className="so-amount" testId="slip-variance" />
          <span className="hint">{variance > 0 ? t('slip.over') : variance < 0 ? t('slip.short') : t('slip.even')}</span>
        </div>
      </div>
      <dl className="facts slip-facts">
        <dt>{t('slip.float')}</dt>
        <dd>
          <Money fen={s.floatFen} />
        </dd>
        <dt>{t('slip.range')}</dt>
        <dd className="receipt-no-cell">{slip.receiptRange}</dd>
        <dt>{t('slip.receipts')}</dt>
        <dd>{slip.receipts}</dd>
        <dt>{t('slip.voids')}</dt>
        <dd>
          {t('slip.countOf', { n: slip.voids.count })} <Money fen={slip.voids.amountFen} />
        </dd>
        <dt>{t('slip.refunds')}</dt>
        <dd>
          {t('slip.countOf', { n: slip.refunds.count })} <Money fen={slip.refunds.amountFen} />
        </dd>
        <dt>{t('slip.cashIn')}</dt>
        <dd>
          <Money fen={slip.cashIn} />
        </dd>
        <dt>{t('slip.cashOut')}</dt>
        <dd>
          <Money fen={slip.cashOut === 0 ? 0 : -slip.cashOut} />
        </dd>
      </dl>
      <div className="slip-tables">
        <FigureTable
          title={t('slip.byItem')}
          valueHeader={t('collect.amount')}
          empty={t('slip.nothing')}
          rows={slip.byItem.map((x) => ({ key: x.name, label: x.name, value: <Money fen={x.amountFen} /> }))}
        />
        <FigureTable
          title={t('slip.byMethod')}
          valueHeader={t('collect.amount')}
          empty={t('slip.nothing')}
          rows={slip.byMethod.map((x) => ({ key: x.method, label: t(METHOD_LABEL[x.method]), value: <Money fen={x.amountFen} /> }))}
        />
      </div>
      <p className="chain-head">
        <span className="field-label">{t('slip.chainHead')}</span> <code className="hash">{slip.chainHead}</code>
      </p>
    </article>
  );
}
