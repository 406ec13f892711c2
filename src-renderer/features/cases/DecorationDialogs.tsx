import { useState } from 'react';
import type { DecorationCaseView, PayMethod } from '@shared/contract';
import { useSend } from '../../lib/query';
import { useT } from '../../app/i18n/I18n';
import { DateInput } from '../../app/ui/DateInput';
import { moneyText, parseAmount } from '../../lib/money';
import { useSupervisorApproval } from '../auth/SupervisorApproval';
import { ActionDialog } from './ActionDialog';

export type Step = 'review' | 'deposit' | 'extend' | 'patrol' | 'accept' | 'void' | 'refund' | 'pass' | 'loan';
export interface DialogProps {
  c: DecorationCaseView;
  onDone: (c: DecorationCaseView | null, note: string) => void;
  onCancel: () => void;
}

/** 审核 (a supervisor): approve, or reject with a remark the owner is told. */
export function ReviewDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const [approve, setApprove] = useState(true);
  const [remark, setRemark] = useState('');
  return (
    <ActionDialog
      title={t('cs.review.title', { room: c.roomCode })}
      submitLabel={approve ? t('cs.review.approve') : t('cs.review.reject')}
      onCancel={onCancel}
      check={() => (!approve && remark.trim().length < 2 ? t('cs.review.needRemark') : null)}
      run={async () =>
        onDone(
          await send('rooms.decoration.review', { caseId: c.id, approve, ...(remark.trim() && { remark: remark.trim() }) }),
          t(approve ? 'cs.review.approved' : 'cs.review.rejected'),
        )
      }
    >
      <div className="radios inline" role="radiogroup" aria-label={t('cs.review.decision')}>
        <label className="check">
          <input type="radio" name="decision" checked={approve} onChange={() => setApprove(true)} /> {t('cs.review.approve')}
        </label>
        <label className="check">
          <input type="radio" name="decision" checked={!approve} onChange={() => setApprove(false)} /> {t('cs.review.reject')}
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('cs.review.remark')}</span>
        <input name="remark" value={remark} maxLength={200} onChange={(e) => setRemark(e.target.value)} autoComplete="off" />
      </label>
    </ActionDialog>
  );
}

/** 关联押金收据: the receipt the deposit was collected on in 收费. */
export function DepositDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const [no, setNo] = useState('');
  return (
    <ActionDialog
      title={t('cs.deposit.title', { amount: moneyText(c.depositFen) })}
      submitLabel={t('cs.deposit.submit')}
      onCancel={onCancel}
      check={() => (!no.trim() ? t('cs.deposit.needNo') : null)}
      run={async () => onDone(await send('rooms.decoration.deposit', { caseId: c.id, receiptNo: no.trim() }), t('cs.deposit.done', { no: no.trim() }))}
    >
      <label className="field">
        <span className="field-label">{t('cs.deposit.receiptNo')}</span>
        <input name="deposit-receipt" value={no} maxLength={40} onChange={(e) => setNo(e.target.value)} autoComplete="off" />
      </label>
    </ActionDialog>
  );
}

/** 延期: a new planned end, later than the current one, with the reason. */
export function ExtendDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title={t('cs.extend.title')}
      submitLabel={t('cs.extend.submit')}
      onCancel={onCancel}
      check={() => (!end ? t('cs.extend.needDate') : end <= c.plannedEnd ? t('cs.extend.notLater') : reason.trim().length < 2 ? t('cs.needReason') : null)}
      run={async () => onDone(await send('rooms.decoration.extend', { caseId: c.id, newEnd: end, reason: reason.trim() }), t('cs.extend.done'))}
    >
      <label className="field">
        <span className="field-label">{t('cs.extend.newEnd')}</span>
        <DateInput name="new-end" value={end} onChange={setEnd} />
      </label>
      <label className="field">
        <span className="field-label">{t('cs.reason')}</span>
        <input name="reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </label>
    </ActionDialog>
  );
}

/** 巡查记录: violation yes/no, what was seen and, where the property's rules say, a deduction from the deposit. */
export function PatrolDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const [violation, setViolation] = useState(false);
  const [note, setNote] = useState('');
  const [deduction, setDeduction] = useState('');
  const left = c.depositFen - c.deductedFen;
  const fen = deduction.trim() ? parseAmount(deduction, { allowZero: true }) : null;
  return (
    <ActionDialog
      title={t('cs.patrol.title')}
      submitLabel={t('cs.patrol.submit')}
      onCancel={onCancel}
      check={() =>
        violation && note.trim().length < 2
          ? t('cs.patrol.needNote')
          : fen && !fen.ok
            ? t(fen.problem.key, fen.problem.params)
            : fen?.ok && fen.value > left
              ? t('cs.patrol.overDeposit', { left: moneyText(left) })
              : null
      }
      run={async () =>
        onDone(
          await send('rooms.decoration.patrol', {
            caseId: c.id,
            violation,
            ...(note.trim() && { note: note.trim() }),
            ...(violation && fen?.ok && fen.value > 0 && { deductionFen: fen.value }),
          }),
          t('cs.patrol.done'),
        )
      }
    >
      <div className="radios inline" role="radiogroup" aria-label={t('cs.patrol.violation')}>
        <label className="check">
          <input type="radio" name="violation" checked={!violation} onChange={() => setViolation(false)} /> {t('cs.patrol.ok')}
        </label>
        <label className="check">
          <input type="radio" name="violation" checked={violation} onChange={() => setViolation(true)} /> {t('cs.patrol.bad')}
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('cs.patrol.note')}</span>
        <input name="patrol-note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </label>
      {violation ? (
        <label className="field">
          <span className="field-label">{t('cs.patrol.deduction')}</span>
          <input name="deduction" value={deduction} inputMode="decimal" maxLength={12} onChange={(e) => setDeduction(e.target.value)} autoComplete="off" />
          <span className="field-hint">{t('cs.patrol.left', { left: moneyText(left) })}</span>
        </label>
      ) : null}
    </ActionDialog>
  );
}

/** 验收 (a supervisor): pass or fail, with the opinion. */
export function AcceptDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const [pass, setPass] = useState(true);
  const [opinion, setOpinion] = useState('');
  return (
    <ActionDialog
      title={t('cs.accept.title', { room: c.roomCode })}
      submitLabel={t('cs.accept.submit')}
      onCancel={onCancel}
      check={() => (opinion.trim().length < 2 ? t('cs.accept.needOpinion') : null)}
      run={async () =>
        onDone(await send('rooms.decoration.accept', { caseId: c.id, pass, opinion: opinion.trim() }), t(pass ? 'cs.accept.passed' : 'cs.accept.failed'))
      }
    >
      <div className="radios inline" role="radiogroup" aria-label={t('cs.accept.result')}>
        <label className="check">
          <input type="radio" name="accept" checked={pass} onChange={() => setPass(true)} /> {t('cs.accept.pass')}
        </label>
        <label className="check">
          <input type="radio" name="accept" checked={!pass} onChange={() => setPass(false)} /> {t('cs.accept.fail')}
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('cs.accept.opinion')}</span>
        <input name="opinion" value={opinion} maxLength={200} onChange={(e) => setOpinion(e.target.value)} autoComplete="off" />
      </label>
    </ActionDialog>
  );
}

/** 作废: an application withdrawn before works start. */
export function VoidDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title={t('cs.void.title')}
      submitLabel={t('cs.void.submit')}
      onCancel={onCancel}
      check={() => (reason.trim().length < 2 ? t('cs.needReason') : null)}
      run={async () => onDone(await send('rooms.decoration.void', { caseId: c.id, reason: reason.trim() }), t('cs.void.done'))}
    >
      <label className="field">
        <span className="field-label">{t('cs.reason')}</span>
        <input name="reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </label>
    </ActionDialog>
  );
}

const METHODS: readonly PayMethod[] = ['cash', 'wechat', 'alipay', 'card'];

/** 退押金: the deposit less the deductions, through 收费's refund, with a supervisor's approval on the deposit receipt. */
export function RefundDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const approval = useSupervisorApproval();
  const [method, setMethod] = useState<PayMethod>('cash');
  const [reference, setReference] = useState('');
  return (
    <>
      <ActionDialog
        title={t('cs.refund.title', { room: c.roomCode })}
        submitLabel={t('cs.refund.submit', { amount: moneyText(c.refundableFen) })}
        onCancel={onCancel}
        check={() => (method !== 'cash' && reference.trim().length < 4 ? t('cs.refund.needRef') : null)}
        run={async () => {
          let approvalId = '';
          if (c.refundableFen > 0) {
            const a = await approval.request({
              action: 'deposit.refund',
              subject: c.depositReceiptNo ?? '',
              title: t('cs.refund.approvalTitle'),
              description: t('cs.refund.approvalText', { room: c.roomCode, amount: moneyText(c.refundableFen), no: c.depositReceiptNo ?? '' }),
            });
            if (!a) return;
            approvalId = a.approvalId;
          }
          const done = await send('rooms.decoration.refund', { caseId: c.id, approvalId, method, ...(reference.trim() && { reference: reference.trim() }) });
          onDone(done, t('cs.refund.done', { amount: moneyText(c.refundableFen) }));
        }}
      >
        <dl className="cs-figures" data-testid="refund-figures">
          <dt>{t('cs.deposit')}</dt>
          <dd>{moneyText(c.depositFen)}</dd>
          <dt>{t('cs.deducted')}</dt>
          <dd>{moneyText(c.deductedFen)}</dd>
          <dt>{t('cs.refundable')}</dt>
          <dd>
            <strong>{moneyText(c.refundableFen)}</strong>
          </dd>
        </dl>
        <label className="field">
          <span className="field-label">{t('cs.refund.method')}</span>
          <select name="refund-method" value={method} onChange={(e) => setMethod(e.target.value as PayMethod)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`pay.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {method !== 'cash' ? (
          <label className="field">
            <span className="field-label">{t('cs.refund.reference')}</span>
            <input name="refund-reference" value={reference} maxLength={64} onChange={(e) => setReference(e.target.value)} autoComplete="off" />
          </label>
        ) : null}
      </ActionDialog>
      {approval.dialog}
    </>
  );
}
