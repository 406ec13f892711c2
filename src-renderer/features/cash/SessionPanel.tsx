import type { CashSessionView, PayMethod } from '@shared/contract';
import { formatDateTime } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { useI18n } from '../../app/i18n/I18n';
import { Money } from '../../app/ui/Money';
import { Stat } from '../../app/ui/Stat';
import { METHOD_LABEL } from '../fees/labels';
import { MoveForm } from './MoveForm';

const NON_CASH: Exclude<PayMethod, 'cash'>[] = ['wechat', 'alipay', 'card'];

/**
 * The open session: float, receipts, non-cash takings (cash takings are not shown: the close is blind),
 * cash moved in and out, the form for another move, and 结班.
 */
export function SessionPanel({ session: s, onClose }: { session: CashSessionView; onClose: () => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="session-panel">
      <div className="card session-head">
        <p className="session-line">{t('cash.openSince', { name: s.operatorName, at: formatDateTime(s.openedAt, lang) })}</p>
        <div className="stat-row">
          <Stat value={moneyText(s.floatFen)} label={t('cash.float')} className="stat-money" />
          <Stat value={String(s.receipts)} label={t('cash.receipts')} />
          {NON_CASH.map((m) => (
            <Stat key={m} value={moneyText(s.nonCashFen[m] ?? 0)} label={t(METHOD_LABEL[m])} className="stat-money" />
          ))}
        </div>
        <p className="hint">{t('cash.blindNote')}</p>
        <div className="form-actions">
          <button type="button" className="btn primary big" onClick={onClose}>
            {t('cash.close')}
          </button>
        </div>
      </div>
      <MoveForm />
      <h2>{t('cash.movements')}</h2>
      {s.movements.length === 0 ? (
        <p className="hint">{t('cash.noMovements')}</p>
      ) : (
        <table className="table movements">
          <thead>
            <tr>
              <th>{t('cash.movedAt')}</th>
              <th>{t('cash.moveKind')}</th>
              <th>{t('cash.moveReason')}</th>
              <th className="num">{t('collect.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {s.movements.map((m, i) => (
              <tr key={i}>
                <td>{formatDateTime(m.at, lang)}</td>
                <td>{t(m.kind === 'in' ? 'cash.in' : 'cash.out')}</td>
                <td>{m.reason}</td>
                <td className="num">
                  <Money fen={m.kind === 'in' ? m.amountFen : -m.amountFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
