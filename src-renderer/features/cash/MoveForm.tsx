import { useState, type FormEvent } from 'react';
import type { CashSessionView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { parseAmount, type Problem } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { FieldProblem, ErrorNote, OkNote } from '../../app/ui/Notes';

/** 存入 / 取出: cash put into or taken out of the drawer, with the amount and why. */
export function MoveForm({ onMoved }: { onMoved?: (s: CashSessionView) => void }) {
  const t = useT();
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const send = useSend();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const a = parseAmount(amount);
    setProblem(a.ok ? null : a.problem);
    if (!a.ok) return;
    return action.start({
      check: () => (reason.trim().length < 2 ? t('cash.needReason') : null),
      run: async () => {
        onMoved?.(await send('cash.move', { kind, amountFen: a.value, reason: reason.trim() }));
        setDone(t(kind === 'in' ? 'cash.movedIn' : 'cash.movedOut', { amount: amount.trim() }));
        setAmount('');
        setReason('');
      },
    });
  };

  return (
    <form className="card move-form" onSubmit={(e) => void submit(e)} aria-labelledby="move-title">
      <h2 id="move-title">{t('cash.moveTitle')}</h2>
      <div className="move-grid">
        <fieldset className="fieldset seg-group">
          <legend className="sr-only">{t('cash.moveKind')}</legend>
          <label className="seg">
            <input type="radio" name="move-kind" checked={kind === 'in'} onChange={() => setKind('in')} />
            <span>{t('cash.in')}</span>
          </label>
          <label className="seg">
            <input type="radio" name="move-kind" checked={kind === 'out'} onChange={() => setKind('out')} />
            <span>{t('cash.out')}</span>
          </label>
        </fieldset>
        <label className="field">
          <span className="field-label">{t('cash.moveAmount')}</span>
          <input
            name="move-amount"
            inputMode="decimal"
            autoComplete="off"
            className="amount-input"
            value={amount}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
          <FieldProblem problem={problem} />
        </label>
        <label className="field grow">
          <span className="field-label">{t('cash.moveReason')}</span>
          <input
            name="move-reason"
            autoComplete="off"
            maxLength={200}
            placeholder={t('cash.moveReasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <div className="field field-button">
          <button type="submit" className="btn primary" disabled={action.busy}>
            {t(kind === 'in' ? 'cash.doIn' : 'cash.doOut')}
          </button>
        </div>
      </div>
      <p className="hint">{t('cash.outRule')}</p>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <OkNote text={done} />
    </form>
  );
}
