import { useState, type FormEvent } from 'react';
import type { CardFeeView, CardView } from '../../../src-main/contract/index';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { ErrorNote } from '../../app/ui/Notes';
import { moneyText } from '../../lib/money';

/**
 * A replacement fee still owed: what to charge, a 去收费 button to 收费收据 (Alt+5), and the receipt number to
 * mark it paid once collected.
 */
export function OwedFee({ fee, onSettled }: { fee: CardFeeView; onSettled: (c: CardView) => void }) {
  const t = useT();
  const { go } = useShell();
  const action = useAction();
  const [no, setNo] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({ check: () => (no.trim().length < 3 ? t('cards.receiptNo') : null), run: async () => onSettled(await call('cards.settleFee', { cardId: fee.cardId, receiptNo: no.trim() })) });
  };
  return (
    <div className="owed-fee warn-box" data-testid="owed-fee">
      <p className="owed-fee-head">
        <strong>{t('cards.feeOwed', { amount: moneyText(fee.amountFen) })}</strong>
        <span className="room-code">{fee.roomCode}</span>
      </p>
      <p>{t('cards.collectWhat', { room: fee.roomCode, item: fee.itemName, code: fee.itemCode ? `（${fee.itemCode}）` : '', amount: moneyText(fee.amountFen) })}</p>
      <form className="owed-fee-actions" onSubmit={(e) => void submit(e)}>
        <button type="button" className="btn primary" onClick={() => go('fees')}>
          {t('cards.goCollect')} <kbd>Alt+5</kbd>
        </button>
        <label className="field">
          <span className="field-label">{t('cards.receiptNo')}</span>
          <input name="fee-receipt-no" value={no} maxLength={32} onChange={(e) => setNo(e.target.value)} autoComplete="off" placeholder="T01-00000012" />
        </label>
        <button type="submit" className="btn" disabled={action.busy}>
          {t('cards.settle')}
        </button>
      </form>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
    </div>
  );
}
