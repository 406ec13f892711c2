import { useRef, useState, type FormEvent } from 'react';
import type { CloseResult } from '@shared/contract';
import { ApiError } from '../../lib/api';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote } from '../../app/ui/Notes';
import { useSupervisorApproval } from '../auth/SupervisorApproval';
import { checkCount, DenominationTable, emptyCount } from './DenominationTable';

/**
 * 结班: a blind count by denomination (the expected cash is not shown before it is in). A variance over the
 * site's limit comes back as APPROVAL_REQUIRED: recount, or a supervisor approves ('cash.variance' on the
 * session) and the same count closes the session.
 */
export function CloseSession({ onClosed, onCancel }: { onClosed: (r: CloseResult) => void; onCancel: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState(emptyCount);
  const [needs, setNeeds] = useState<{ subject: string; message: string } | null>(null);
  const action = useAction();
  const send = useSend();
  const approval = useSupervisorApproval();
  const submitRef = useRef<HTMLButtonElement>(null);

  const askSupervisor = async (subject: string) => {
    const { count } = checkCount(draft);
    if (!count) return;
    const a = await approval.request({
      action: 'cash.variance',
      subject,
      title: t('close.approvalTitle'),
      description: t('close.approvalDesc'),
    });
    if (!a) return;
    await action.start({ run: async () => onClosed(await send('cash.close', { count, approvalId: a.approvalId })) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { count } = checkCount(draft);
    setNeeds(null);
    return action.start({
      check: () => (count ? null : t('cash.fixCounts')),
      run: async () => {
        try {
          onClosed(await send('cash.close', { count: count ?? {} }));
        } catch (err) {
          if (err instanceof ApiError && err.code === 'APPROVAL_REQUIRED') {
            const subject = String(err.params?.subject ?? '');
            setNeeds({ subject, message: err.message });
            void askSupervisor(subject);
            return;
          }
          throw err;
        }
      },
    });
  };

  const recount = () => {
    setNeeds(null);
    document.querySelector<HTMLInputElement>('[name="count-10000"]')?.focus();
  };

  return (
    <>
      <form className="card cash-form" onSubmit={(e) => void submit(e)} aria-labelledby="close-title">
        <h2 id="close-title">{t('close.title')}</h2>
        <p>{t('close.explain')}</p>
        <DenominationTable
          draft={draft}
          onChange={(d) => {
            setDraft(d);
            setNeeds(null);
          }}
          onLast={() => submitRef.current?.focus()}
          totalLabel={t('close.countedTotal')}
          name="count"
        />
        {needs ? (
          <div className="warn-box" role="alert" data-testid="needs-approval">
            <p>
              <strong>{t('close.needsApproval')}</strong>
            </p>
            <p>{needs.message}</p>
            <div className="row-actions">
              <button type="button" className="btn" onClick={recount}>
                {t('close.recount')}
              </button>
              <button type="button" className="btn primary" onClick={() => void askSupervisor(needs.subject)}>
                {t('close.askSupervisor')}
              </button>
            </div>
          </div>
        ) : null}
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button ref={submitRef} type="submit" className="btn primary big" disabled={action.busy}>
            {t('close.submit')}
          </button>
        </div>
      </form>
      {approval.dialog}
    </>
  );
}
