import { useEffect, useState, type FormEvent } from 'react';
import type { CardStockView, CardType } from '../../../src-main/contract/index';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { formatDateTime } from '../../lib/format';
import { CARD_TYPE, MOVE } from './labels';

const LOW = 10;

/** 空白卡库存: blank cards on hand by type, counted in and out with a reason; issues and returns move it too. */
export function StockTab() {
  const { t, lang } = useI18n();
  const [stock, setStock] = useState<CardStockView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const action = useAction();
  const [type, setType] = useState<CardType>('access');
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [qty, setQty] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    call('cards.stock', {}).then(setStock, setError);
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (/^\d{1,5}$/.test(qty.trim()) && Number(qty) > 0 ? null : t('cards.stockQty')),
      run: async () => {
        setStock(await call('cards.stockMove', { cardType: type, kind, quantity: Number(qty.trim()), reason: reason.trim() }));
        setQty('');
        setReason('');
      },
    });
  };
  if (!stock) return <ErrorBox error={error} />;
  return (
    <div className="card">
      <div className="stat-row">
        {(['access', 'function'] as const).map((k) => (
          <div key={k} className={`stat${stock.onHand[k] < LOW ? ' stat-error' : ''}`}>
            <span className="stat-num">{stock.onHand[k]}</span>
            <span className="stat-label">{t(k === 'access' ? 'cards.stockAccess' : 'cards.stockFunction')}</span>
            {stock.onHand[k] < LOW ? <span className="warn-text">{t('cards.stockLow')}</span> : null}
          </div>
        ))}
      </div>
      <form className="form stock-form" onSubmit={(e) => void submit(e)}>
        <div className="grid-3">
          <label className="field">
            <span className="field-label">{t('keys.kind')}</span>
            <select name="stock-type" value={type} onChange={(e) => setType(e.target.value as CardType)}>
              <option value="access">{t(CARD_TYPE.access)}</option>
              <option value="function">{t(CARD_TYPE.function)}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('cards.stockIn')} / {t('cards.stockOut')}</span>
            <select name="stock-kind" value={kind} onChange={(e) => setKind(e.target.value as 'in' | 'out')}>
              <option value="in">{t('cards.stockIn')}</option>
              <option value="out">{t('cards.stockOut')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('cards.stockQty')}</span>
            <input name="stock-qty" inputMode="numeric" value={qty} maxLength={5} onChange={(e) => setQty(e.target.value)} autoComplete="off" />
          </label>
        </div>
        <label className="field">
          <span className="field-label">{t('cards.stockReason')}</span>
          <input name="stock-reason" value={reason} maxLength={200} placeholder={t('cards.stockReasonPlaceholder')} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
        </label>
        <ErrorBox error={action.error} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={action.busy}>
            {t('cards.stockSave')}
          </button>
        </div>
      </form>
      <h2 className="section-title">{t('cards.stockMoves')}</h2>
      <div className="table-wrap">
        <table className="table">
          <tbody>
            {stock.moves.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.at, lang)}</td>
                <td>{t(CARD_TYPE[m.cardType])}</td>
                <td>{t(MOVE[m.kind])}</td>
                <td className="num">{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</td>
                <td>{m.reason}</td>
                <td>{m.operatorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
