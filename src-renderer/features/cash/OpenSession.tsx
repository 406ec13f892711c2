import { useRef, useState, type FormEvent } from 'react';
import type { CashSessionView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote } from '../../app/ui/Notes';
import { checkCount, DenominationTable, emptyCount } from './DenominationTable';

/** 开班: count the float in the drawer by denomination; the total is the float of the session. */
export function OpenSession({ onOpened }: { onOpened: (s: CashSessionView) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(emptyCount);
  const action = useAction();
  const send = useSend();
  const submitRef = useRef<HTMLButtonElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { count } = checkCount(draft);
    return action.start({
      check: () => (count ? null : t('cash.fixCounts')),
      run: async () => onOpened(await send('cash.open', { count: count ?? {} })),
    });
  };

  return (
    <form className="card cash-form" onSubmit={(e) => void submit(e)} aria-labelledby="open-title">
      <h2 id="open-title">{t('cash.openTitle')}</h2>
      <p>{t('cash.openExplain')}</p>
      <DenominationTable draft={draft} onChange={setDraft} onLast={() => submitRef.current?.focus()} totalLabel={t('cash.floatTotal')} name="float" />
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <div className="form-actions">
        <button ref={submitRef} type="submit" className="btn primary big" disabled={action.busy}>
          {t('cash.open')}
        </button>
      </div>
    </form>
  );
}
