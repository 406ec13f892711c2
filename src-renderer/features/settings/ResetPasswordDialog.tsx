import type { FormEvent } from 'react';
import type { OperatorAdminView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { NewPasswordFields, useNewPassword } from '../../app/ui/NewPassword';
import { ErrorNote } from '../../app/ui/Notes';

export function ResetPasswordDialog({ operator, onDone, onCancel }: { operator: OperatorAdminView; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const pw = useNewPassword();
  const action = useAction();
  const send = useSend();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: pw.problem,
      run: async () => {
        await send('operators.resetPassword', { id: operator.id, newPassword: pw.password });
        onDone();
      },
      keepBusyOnSuccess: true,
    });
  };

  return (
    <Dialog title={t('operators.resetTitle', { name: operator.displayName })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{t('operators.resetExplain')}</p>
        <NewPasswordFields value={pw} label={t('password.new')} confirmLabel={t('password.confirm')} />
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t('operators.resetButton')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
