import { useState, type FormEvent } from 'react';
import type { PayMethod, ReceiptView } from '@shared/contract';
import { useT } from '../../app/i18n/I18n';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { Money } from '../../app/ui/Money';
import { ErrorNote } from '../../app/ui/Notes';
import { METHOD_LABEL } from './labels';

const METHODS: PayMethod[] = ['cash', 'wechat', 'alipay', 'card'];

/** Refund of a receipt's deposit lines: how the money goes back (and its voucher for non-cash). */
export function RefundDialog({
  receipt,
  onNext,
  onCancel,
}: {
  receipt: ReceiptView;
  onNext: (method: PayMethod, reference: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const lines = receipt.lines.filter((l) => l.refundable && !l.reversed);
  const total = lines.reduce((a, l) => a + l.amountFen, 0);
  const [method, setMethod] = useState<PayMethod>('cash');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (method !== 'cash' && reference.trim().length < 4) return setProblem(t('refund.needReference'));
    onNext(method, reference.trim());
  };

  return (
    <Dialog title={t('refund.title', { no: receipt.receiptNo })} onClose={onCancel}>
      <form className="form" onSubmit={submit}>
        <p className="dialog-message">{t('refund.explain')}</p>
        <ul className="plain-list">
          {lines.map((l) => (
            <li key={l.lineNo}>
              {l.name} <Money fen={l.amountFen} />
            </li>
          ))}
        </ul>
        <p className="refund-total">
          {t('refund.total')} <Money fen={-total} className="big-money" />
        </p>
        <label className="field">
          <span className="field-label">{t('refund.method')}</span>
          <select name="refund-method" value={method} onChange={(e) => setMethod(e.target.value as PayMethod)} data-autofocus>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(METHOD_LABEL[m])}
              </option>
            ))}
          </select>
        </label>
        {method !== 'cash' ? (
          <label className="field">
            <span className="field-label">{t('refund.reference')}</span>
            <input name="refund-reference" autoComplete="off" maxLength={64} value={reference} onChange={(e) => setReference(e.target.value)} />
          </label>
        ) : null}
        <ErrorNote text={problem} />
        <DialogFormActions submitLabel={t('refund.next')} busy={false} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
