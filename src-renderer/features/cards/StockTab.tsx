import { useState, type FormEvent } from 'react';
import type { CardType } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { roleAtLeast } from '../../lib/roles';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { formatDateTime } from '../../lib/format';
import { CARD_TYPE, MOVE } from './labels';

const LOW = 10;
const qtyOk = (s: string, min: number) => /^\d{1,5}$/.test(s.trim()) && Number(s) >= min && Number(s) <= 10000;

/**
 * 空白卡库存: blank cards on hand by type, counted in and out with a reason; issues and returns move it too.
 * A count the record cannot stand for (below zero from before issuing checked it) shows as 待盘点, never as a
 * number; a supervisor records the blanks found (盘点) and the difference is booked with its reason.
 */
export function StockTab() {
  const { t, lang } = useI18n();
  const { operator } = useShell();
  const stockQ = useCall('cards.stock', {});
  const stock = stockQ.data ?? null;
  const action = useAction();
  const send = useSend();
  const [type, setType] = useState<CardType>('access');
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [qty, setQty] = useState('');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (qtyOk(qty, 1) ? null : t('cards.stockQtyBad')),
      run: async () => {
        await send('cards.stockMove', { cardType: type, kind, quantity: Number(qty.trim()), reason: reason.trim() });
        setQty('');
        setReason('');
      },
    });
  };
  if (!stock) return <ErrorBox error={stockQ.error} />;
  return (
    <div className="card">
      <div className="stat-row" data-testid="stock-on-hand">
        {(['access', 'function'] as const).map((k) => {
          const n = stock.onHand[k];
          const low = n === null || n < LOW;
          return (
            <div key={k} className={`stat${low ? ' stat-error' : ''}`} data-testid={`stock-${k}`}>
              <span className="stat-num">{n === null ? t('cards.stockUncounted') : n}</span>
              <span className="stat-label">{t(k === 'access' ? 'cards.stockAccess' : 'cards.stockFunction')}</span>
              {n === null ? (
                <span className="warn-text">{t('cards.stockNeedsCount')}</span>
              ) : low ? (
                <span className="warn-text">{t('cards.stockLow')}</span>
              ) : null}
            </div>
          );
        })}
      </div>
      <form className="form stock-form" aria-label={t('cards.stockMoveForm')} onSubmit={(e) => void submit(e)}>
        <div className="grid-3">
          <label className="field">
            <span className="field-label">{t('keys.kind')}</span>
            <select name="stock-type" value={type} onChange={(e) => setType(e.target.value as CardType)}>
              <option value="access">{t(CARD_TYPE.access)}</option>
              <option value="function">{t(CARD_TYPE.function)}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">
              {t('cards.stockIn')} / {t('cards.stockOut')}
            </span>
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
          <input
            name="stock-reason"
            value={reason}
            maxLength={200}
            placeholder={t('cards.stockReasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
            autoComplete="off"
          />
        </label>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={action.busy}>
            {t('cards.stockSave')}
          </button>
        </div>
      </form>
      {roleAtLeast(operator.role, 'supervisor') ? <CountForm /> : <p className="hint">{t('cards.countSupervisorOnly')}</p>}
      <h2 className="section-title">{t('cards.stockMoves')}</h2>
      <div className="table-wrap">
        <table className="table" data-testid="stock-moves">
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

/** 盘点 (supervisor): the blanks of one type found on hand, with a reason; the record is set to it. */
function CountForm() {
  const { t } = useI18n();
  const action = useAction();
  const send = useSend();
  const [type, setType] = useState<CardType>('access');
  const [counted, setCounted] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    return action.start({
      check: () => (!qtyOk(counted, 0) ? t('cards.countQtyBad') : reason.trim().length < 2 ? t('cards.countReasonBad') : null),
      run: async () => {
        const r = await send('cards.stockCount', { cardType: type, counted: Number(counted.trim()), reason: reason.trim() });
        const name = t(CARD_TYPE[type]);
        setDone(
          r.adjustment === 0
            ? t('cards.countSame', { type: name, n: Number(counted) })
            : t('cards.countDone', { type: name, n: Number(counted), d: r.adjustment > 0 ? `+${r.adjustment}` : String(r.adjustment) }),
        );
        setCounted('');
        setReason('');
      },
    });
  };
  return (
    <form className="form stock-form" aria-label={t('cards.countTitle')} onSubmit={(e) => void submit(e)}>
      <h2 className="section-title">{t('cards.countTitle')}</h2>
      <p className="hint">{t('cards.countHint')}</p>
      <div className="grid-3">
        <label className="field">
          <span className="field-label">{t('keys.kind')}</span>
          <select name="count-type" value={type} onChange={(e) => setType(e.target.value as CardType)}>
            <option value="access">{t(CARD_TYPE.access)}</option>
            <option value="function">{t(CARD_TYPE.function)}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('cards.countQty')}</span>
          <input name="count-qty" inputMode="numeric" value={counted} maxLength={5} onChange={(e) => setCounted(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">{t('cards.stockReason')}</span>
          <input
            name="count-reason"
            value={reason}
            maxLength={200}
            placeholder={t('cards.countReasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
            autoComplete="off"
          />
        </label>
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <OkNote text={done} />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={action.busy}>
          {t('cards.countSave')}
        </button>
      </div>
    </form>
  );
}
