import { useState, type FormEvent } from 'react';
import type { KeyCondition, KeyLoanView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { formatDateTime } from '../../lib/format';
import { BORROWER, CONDITION, PURPOSE } from './labels';

/** 归还: the condition, and a note when damaged or lost. */
export function ReturnDialog({ loan, onDone, onCancel }: { loan: KeyLoanView; onDone: (l: KeyLoanView) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const send = useSend();
  const [condition, setCondition] = useState<KeyCondition>('ok');
  const [note, setNote] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      run: async () => onDone(await send('keys.return', { loanId: loan.id, condition, ...(note.trim() && { note: note.trim() }) })),
    });
  };

  return (
    <Dialog title={t('ret.title', { tag: loan.keyTag })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">
          {loan.keyLabel} · {loan.borrowerMasked}
          {t('common.paren', { x: t(BORROWER[loan.borrowerType]) })} · {t(PURPOSE[loan.purpose])} · {t('lend.due')} {formatDateTime(loan.dueAt, lang)}
          {loan.overdue ? <strong className="tag tag-bad"> {t('keys.overdueTag')}</strong> : null}
        </p>
        <fieldset className="fieldset">
          <legend className="field-label">{t('ret.condition')}</legend>
          <div className="radios inline">
            {(Object.keys(CONDITION) as KeyCondition[]).map((c) => (
              <label key={c} className="check">
                <input
                  type="radio"
                  name="condition"
                  checked={condition === c}
                  onChange={() => setCondition(c)}
                  data-autofocus={c === 'ok' ? true : undefined}
                />{' '}
                {t(CONDITION[c])}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span className="field-label">{t('ret.note')}</span>
          <input
            name="return-note"
            value={note}
            maxLength={100}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby="ret-note-hint"
            autoComplete="off"
          />
          <span className="field-hint" id="ret-note-hint">
            {t('ret.noteHint')}
          </span>
        </label>
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : t('ret.submit')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
