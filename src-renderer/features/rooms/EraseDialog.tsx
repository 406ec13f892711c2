import { useState, type FormEvent } from 'react';
import type { RoomResidentView } from '@shared/contract/rooms';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';
import { roleAtLeast } from '../../lib/roles';
import { useSend } from '../../lib/query';
import { SupervisorApproval } from '../auth/SupervisorApproval';

/**
 * 删除资料: a person's erasure request (PIPL). The details are erased, the room's history keeps that a resident
 * lived there. A supervisor does it directly; a receptionist's request goes through another supervisor's approval.
 */
export function EraseDialog({ resident, onDone, onCancel }: { resident: RoomResidentView; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const { operator } = useShell();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const supervisor = roleAtLeast(operator.role, 'supervisor');

  const erase = (approvalId?: string) =>
    action.start({
      run: async () => {
        await send('rooms.residents.erase', { id: resident.id, reason: reason.trim(), ...(approvalId ? { approvalId } : {}) });
        onDone();
      },
      keepBusyOnSuccess: true,
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 2) return void action.start({ check: () => t('rooms.needReason'), run: async () => undefined });
    if (supervisor) return void erase();
    setAsking(true);
  };

  if (asking)
    return (
      <SupervisorApproval
        request={{
          action: 'resident.erase',
          subject: `resident-${resident.id}`,
          title: t('rooms.eraseApprovalTitle'),
          description: t('rooms.eraseApprovalText', { name: resident.name }),
          reasons: ['rooms.eraseReason'],
        }}
        onApproved={(a) => {
          setAsking(false);
          void erase(a.approvalId);
        }}
        onCancel={() => setAsking(false)}
      />
    );

  return (
    <Dialog title={t('rooms.eraseTitle', { name: resident.name })} onClose={onCancel} role="alertdialog">
      <form className="form" onSubmit={submit}>
        <p className="dialog-message">{t('rooms.eraseExplain')}</p>
        <label className="field">
          <span className="field-label">{t('rooms.reason')}</span>
          <input
            name="erase-reason"
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            autoComplete="off"
            data-autofocus
            placeholder={t('rooms.eraseReason')}
          />
        </label>
        {!supervisor ? <p className="hint">{t('rooms.eraseNeedsApproval')}</p> : null}
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t(supervisor ? 'rooms.erase' : 'rooms.askApproval')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
