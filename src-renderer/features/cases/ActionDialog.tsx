import type { FormEvent, ReactNode } from 'react';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';

/** One step of a case in a dialog: its fields, a check made here, the call; closed by the caller once it is done. */
export function ActionDialog({
  title,
  submitLabel,
  children,
  check,
  run,
  onCancel,
  className,
}: {
  title: string;
  submitLabel: string;
  children: ReactNode;
  check?: () => string | null;
  run: () => Promise<unknown>;
  onCancel: () => void;
  className?: string;
}) {
  const t = useT();
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.start({ ...(check && { check }), run, keepBusyOnSuccess: true });
  };
  return (
    <Dialog title={title} onClose={onCancel} {...(className && { className })}>
      <form className="form" onSubmit={submit}>
        {children}
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : submitLabel} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
