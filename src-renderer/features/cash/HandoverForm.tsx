import { useState, type FormEvent } from 'react';
import type { CashSessionView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote } from '../../app/ui/Notes';

/** 交款: the counted takings handed to finance, with the name of who received them. */
export function HandoverForm({ session, onDone }: { session: CashSessionView; onDone: (s: CashSessionView) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const send = useSend();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (name.trim().length < 2 ? t('handover.needName') : null),
      run: async () => onDone(await send('cash.handover', { sessionId: session.id, financeName: name.trim(), ...(note.trim() ? { note: note.trim() } : {}) })),
    });
  };

  return (
    <form className="card handover-form" onSubmit={(e) => void submit(e)} aria-labelledby={`handover-${session.id}`}>
      <h2 id={`handover-${session.id}`}>{t('handover.title')}</h2>
      <p>{t('handover.explain')}</p>
      <div className="grid-3">
        <label className="field">
          <span className="field-label">{t('handover.financeName')}</span>
          <input name="finance-name" autoComplete="off" maxLength={20} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('handover.note')}</span>
          <input name="handover-note" autoComplete="off" maxLength={100} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="submit" className="btn primary big" disabled={action.busy}>
            {t('handover.submit')}
          </button>
        </div>
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
    </form>
  );
}
