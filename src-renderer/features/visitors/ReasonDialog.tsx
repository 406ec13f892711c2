import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';

interface Props {
  title: string;
  message: string;
  submitLabel: string;
  /** quick picks: the Chinese text is what is recorded */
  picks?: { zh: string; label: string }[];
  /** more fields above the reason (a time, a state) */
  children?: ReactNode;
  /** a check of those fields before the reason's (the message to show, or null) */
  check?: () => string | null;
  onSubmit: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}

/** A change that needs a reason (void, cancel, end, bulk check-out): the reason, quick picks, the call. */
export function ReasonDialog({ title, message, submitLabel, picks = [], children, check, onSubmit, onCancel }: Props) {
  const t = useT();
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => check?.() ?? (reason.trim().length < 2 ? t('vis.needReason') : null),
      run: () => onSubmit(reason.trim()),
      keepBusyOnSuccess: true,
    });
  };
  return (
    <Dialog title={title} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{message}</p>
        {children}
        <label className="field">
          <span className="field-label">{t('vis.reason')}</span>
          <input name="reason" value={reason} maxLength={200} autoComplete="off" data-autofocus onChange={(e) => setReason(e.target.value)} />
        </label>
        {picks.length ? (
          <div className="quick-picks" role="group" aria-label={t('vis.quickReasons')}>
            {picks.map((p) => (
              <button key={p.zh} type="button" className="btn small chip" onClick={() => setReason(p.zh)}>
                {p.label}
              </button>
            ))}
          </div>
        ) : null}
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : submitLabel} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
