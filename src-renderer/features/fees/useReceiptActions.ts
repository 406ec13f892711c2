import { useState } from 'react';
import type { PayMethod, ReceiptView } from '@shared/contract';
import { useFetch, useSend } from '../../lib/query';
import { moneyText } from '../../lib/money';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { useSupervisorApproval } from '../auth/SupervisorApproval';

/** What can still be done to a receipt: void it (whole), refund its open deposit lines. */
export function receiptCan(r: ReceiptView): { void: boolean; refund: boolean } {
  const open = r.kind === 'receipt' && !r.voidedBy;
  return {
    void: open && r.refundedFen === 0,
    refund: open && r.lines.some((l) => l.refundable && !l.reversed),
  };
}

/**
 * 补打, 作废 and 退押金 for one receipt. Void and refund ask a supervisor first (auth.approve for
 * 'receipt.void' / 'deposit.refund' with the receipt number as subject); the reason given there is
 * recorded on the reversing document too. `onDone` gets the original receipt as it is now.
 */
export function useReceiptActions(receipt: ReceiptView, onDone: (r: ReceiptView) => void) {
  const t = useT();
  const approval = useSupervisorApproval();
  const action = useAction();
  const send = useSend();
  const read = useFetch();
  const [notice, setNotice] = useState<string | null>(null);
  const [refunding, setRefunding] = useState(false);

  const reprint = () => {
    setNotice(null);
    return action.start({
      run: async () => {
        const r = await send('fees.receipts.reprint', { id: receipt.id });
        setNotice(t('receipt.reprinted', { n: r.copies }));
        onDone(r);
      },
    });
  };

  const voidIt = async () => {
    setNotice(null);
    const a = await approval.request({
      action: 'receipt.void',
      subject: receipt.receiptNo,
      title: t('void.title', { no: receipt.receiptNo }),
      description: t('void.desc', { no: receipt.receiptNo, amount: moneyText(receipt.totalFen) }),
    });
    if (!a) return;
    await action.start({
      run: async () => {
        const v = await send('fees.void', { receiptId: receipt.id, approvalId: a.approvalId, reason: a.reason });
        setNotice(t('void.done', { no: receipt.receiptNo, voidNo: v.receiptNo, approver: a.approverName }));
        onDone(await read('fees.receipts.get', { id: receipt.id }));
      },
    });
  };

  const refund = async (method: PayMethod, reference: string) => {
    setRefunding(false);
    setNotice(null);
    const a = await approval.request({
      action: 'deposit.refund',
      subject: receipt.receiptNo,
      title: t('refund.approvalTitle', { no: receipt.receiptNo }),
      description: t('refund.approvalDesc', { no: receipt.receiptNo }),
    });
    if (!a) return;
    await action.start({
      run: async () => {
        const v = await send('fees.refundDeposit', {
          receiptId: receipt.id,
          approvalId: a.approvalId,
          reason: a.reason,
          method,
          ...(reference ? { reference } : {}),
        });
        setNotice(t('refund.done', { no: v.receiptNo, amount: moneyText(v.totalFen) }));
        onDone(await read('fees.receipts.get', { id: receipt.id }));
      },
    });
  };

  return { reprint, voidIt, refund, refunding, setRefunding, notice, action, dialog: approval.dialog };
}
