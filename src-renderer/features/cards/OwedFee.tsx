import { useEffect, useRef, useState } from 'react';
import type { CardFeeView, CardView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { moneyText } from '../../lib/money';
import { collectRequest } from '../fees/collectRequest';
import { settledNote } from './settledNote';

/**
 * A replacement fee still owed: what to charge, and 去收费, which opens 收费 (Alt+5) with the room and the
 * fee item filled in; the receipt is linked to the card as soon as it is posted (cards.settleFee), and
 * 收费 offers the way back. Collected some other way already: pick that receipt from the room's recent ones.
 */
export function OwedFee({ fee, focus, onSettled }: { fee: CardFeeView; focus?: boolean; onSettled: (c: CardView) => void }) {
  const { t } = useI18n();
  const { go, operator } = useShell();
  const [picking, setPicking] = useState(false);
  const send = useSend();
  const collectRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focus) collectRef.current?.focus();
  }, [focus]);

  const collect = () => {
    collectRequest.set({
      operatorId: operator.id,
      roomId: fee.roomId,
      roomCode: fee.roomCode,
      itemId: fee.itemId,
      itemName: fee.itemName,
      amountFen: fee.amountFen,
      purpose: { key: 'cards.collectFor', params: { room: fee.roomCode, item: fee.itemName, amount: moneyText(fee.amountFen) } },
      returnTo: 'cards',
      returnLabel: 'cards.backToCards',
      matches: (r) => r.kind === 'receipt' && r.roomCode === fee.roomCode && r.lines.some((l) => l.category === 'card'),
      onPosted: async (r) => {
        await send('cards.settleFee', { cardId: fee.cardId, receiptNo: r.receiptNo });
        settledNote.set(r.receiptNo);
        return { key: 'cards.settledLinked', params: { no: r.receiptNo, room: fee.roomCode } };
      },
    });
    go('fees');
  };

  return (
    <div className="owed-fee warn-box" data-testid="owed-fee">
      <p className="owed-fee-head">
        <strong>{t('cards.feeOwed', { amount: moneyText(fee.amountFen) })}</strong>
        <span className="room-code">{fee.roomCode}</span>
      </p>
      <p>
        {t('cards.collectWhat', {
          room: fee.roomCode,
          item: fee.itemName,
          code: fee.itemCode ? t('common.paren', { x: fee.itemCode }) : '',
          amount: moneyText(fee.amountFen),
        })}
      </p>
      <div className="owed-fee-actions">
        <button ref={collectRef} type="button" className="btn primary" onClick={collect}>
          {t('cards.goCollect')}
        </button>
        <button type="button" className="btn" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
          {t('cards.paidElsewhere')}
        </button>
      </div>
      {picking ? <ReceiptChoice fee={fee} onSettled={onSettled} /> : null}
    </div>
  );
}

/** The room's recent receipts, newest first: pick the one that collected the fee (main checks it did). */
function ReceiptChoice({ fee, onSettled }: { fee: CardFeeView; onSettled: (c: CardView) => void }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const send = useSend();
  const recent = useCall('fees.receipts.list', { q: fee.roomCode, limit: 20 });
  const rows = recent.data?.filter((x) => x.kind === 'receipt' && !x.voided && x.roomCode === fee.roomCode) ?? null;
  const settle = (no: string) =>
    action.start({
      run: async () => {
        const c = await send('cards.settleFee', { cardId: fee.cardId, receiptNo: no });
        onSettled(c);
      },
    });
  return (
    <div className="owed-fee-receipts">
      {rows && rows.length === 0 ? <p className="hint">{t('cards.noRoomReceipts', { room: fee.roomCode })}</p> : null}
      {rows && rows.length > 0 ? (
        <ul className="plain-list" aria-label={t('cards.roomReceipts', { room: fee.roomCode })}>
          {rows.map((r) => (
            <li key={r.id}>
              <button type="button" className="btn small" disabled={action.busy} onClick={() => void settle(r.receiptNo)}>
                {t('cards.useReceipt', { no: r.receiptNo, amount: moneyText(r.totalFen), at: formatDateTime(r.issuedAt, lang) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorBox error={action.error ?? recent.error} />
    </div>
  );
}
