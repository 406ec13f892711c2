import { useState } from 'react';
import type { DuesView } from '@shared/contract/receivables';
import { useSend } from '../../lib/query';
import { moneyText } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { OkNote } from '../../app/ui/Notes';
import { useSupervisorApproval } from '../auth/SupervisorApproval';

/** 免违约金 for one item: a supervisor approves with a reason; the late fee accrued up to today is waived (the debt stays). */
export function LateFeeWaiver({ roomId, roomCode, item }: { roomId: number; roomCode: string; item: DuesView['items'][number] }) {
  const t = useT();
  const approval = useSupervisorApproval();
  const action = useAction();
  const send = useSend();
  const [done, setDone] = useState<string | null>(null);

  const waive = async () => {
    setDone(null);
    const a = await approval.request({
      action: 'receivable.lateWaive',
      subject: `${roomCode}:${item.code}`,
      title: t('lateWaive.title', { room: roomCode, item: item.name }),
      description: t('lateWaive.description', { amount: moneyText(item.lateFeeFen) }),
      reasons: ['lateWaive.reason.hardship', 'lateWaive.reason.dispute', 'lateWaive.reason.ourDelay'],
    });
    if (!a) return;
    await action.start({
      run: async () => {
        const r = await send('receivables.lateFee.waive', { roomId, itemId: item.itemId, approvalId: a.approvalId, reason: a.reason });
        setDone(t('lateWaive.done', { amount: moneyText(r.waivedFen) }));
      },
    });
  };

  return (
    <>
      {item.lateFeeFen > 0 ? (
        <button type="button" className="btn small" onClick={() => void waive()} disabled={action.busy}>
          {t('lateWaive.button')}
        </button>
      ) : null}
      <OkNote text={done} />
      <ErrorBox error={action.error} />
      {approval.dialog}
    </>
  );
}
