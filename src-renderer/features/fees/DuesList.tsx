import type { ReactNode } from 'react';
import type { DuesView } from '@shared/contract/receivables';
import { useI18n } from '../../app/i18n/I18n';
import { Money } from '../../app/ui/Money';
import { formatMonth } from '../../lib/format';
import { moneyText } from '../../lib/money';

type ItemDues = DuesView['items'][number];

interface Props {
  dues: DuesView;
  /** the actions under the list (collect all / the first N months on 收费, a link to 收费 elsewhere) */
  actions?: ReactNode;
  /** per item, beside its late fee (the supervisor's waiver on 收费) */
  lateAction?: (item: ItemDues) => ReactNode;
}

/**
 * What a room owes, compact: the total (and the late fee apart from it), then one folded row per periodic item
 * (paid-through month, months owed, amount) that opens to its unpaid months oldest first. The list scrolls inside
 * itself, so the screen around it keeps its place. Read-only; what to do with it comes in `actions`.
 */
export function DuesList({ dues, actions, lateAction }: Props) {
  const { t, lang } = useI18n();
  const month = (m: string) => formatMonth(m, lang);
  const owing = dues.totalFen > 0;
  return (
    <section className="dues" aria-labelledby="dues-title" data-testid="dues">
      <header className="dues-head">
        <h2 id="dues-title" className="dues-title">
          {t('dues.title')}
        </h2>
        {dues.items.length === 0 ? (
          <span className="dues-none">{t('dues.noPlan')}</span>
        ) : owing ? (
          <span className="dues-total">
            {t('dues.total')} <Money fen={dues.totalFen} testId="dues-total" />
          </span>
        ) : (
          <span className="dues-none" data-testid="dues-clear">
            {t('dues.nothingOwed')}
          </span>
        )}
        {dues.lateFeeFen > 0 ? (
          <span className="dues-late" data-testid="dues-late">
            {t('dues.lateFee')} <Money fen={dues.lateFeeFen} />
          </span>
        ) : null}
      </header>
      {dues.items.length > 0 ? (
        <ul className="dues-items">
          {dues.items.map((i) => (
            <li key={i.itemId} className="dues-item" data-testid={`dues-item-${i.itemId}`}>
              <details>
                <summary aria-label={t('dues.showMonths', { name: i.name })}>
                  <span className="dues-name" data-data>
                    {i.name}
                  </span>
                  <span className="dues-paid">{t('dues.paidThrough', { month: month(i.paidThrough) })}</span>
                  <span className={i.owed.length ? 'dues-count owing' : 'dues-count'}>
                    {i.owed.length ? t('dues.owedMonths', { n: i.owed.filter((u) => u.kind === 'month').length }) : t('dues.clear')}
                  </span>
                  {i.owed.some((u) => u.kind === 'opening') ? <span className="dues-count owing">{t('dues.withOpening')}</span> : null}
                  {i.owedFen > 0 ? <Money fen={i.owedFen} className="dues-amount" /> : null}
                </summary>
                {i.owed.length ? (
                  <table className="dues-months">
                    <thead>
                      <tr>
                        <th scope="col">{t('dues.month')}</th>
                        <th scope="col" className="num">
                          {t('dues.amount')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {i.owed.map((u) => (
                        <tr key={`${u.kind}-${u.month}`}>
                          <td>{u.kind === 'opening' ? t('dues.opening') : month(u.month)}</td>
                          <td className="num">
                            <Money fen={u.amountFen} />
                            {u.baseFen !== u.amountFen && u.kind === 'month' ? (
                              <span className="dues-base"> {t('dues.base', { amount: moneyText(u.baseFen) })}</span>
                            ) : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : i.ahead[0] ? (
                  <p className="hint">{t('dues.aheadNote', { month: month(i.ahead[0].month), amount: moneyText(i.ahead[0].amountFen) })}</p>
                ) : null}
              </details>
              {i.lateFeeFen > 0 || i.lateWaivedFen > 0 ? (
                <div className="dues-item-late">
                  {i.lateFeeFen > 0 ? <span className="dues-late">{t('dues.lateFeeOf', { amount: moneyText(i.lateFeeFen) })}</span> : null}
                  {i.lateWaivedFen > 0 ? <span className="dues-waived">{t('dues.waived', { amount: moneyText(i.lateWaivedFen) })}</span> : null}
                  {lateAction ? lateAction(i) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {actions}
    </section>
  );
}
