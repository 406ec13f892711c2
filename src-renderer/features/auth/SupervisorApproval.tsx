import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApprovalAction, ApprovalView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { translate, useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';

export interface ApprovalRequest {
  /** What is approved (the contract's approvalAction) and on what (a username, a receipt number…). */
  action: ApprovalAction;
  subject: string;
  title: string;
  /** One or two sentences: what the supervisor is approving and what happens next. */
  description: string;
  /** Quick-pick reasons; the Chinese text is what is recorded. Defaults by action. */
  reasons?: MsgKey[];
}

/** The approval, with the reason as entered (a void or refund records the same reason on its document). */
export type GrantedApproval = ApprovalView & { reason: string };

const DEFAULT_REASONS: Partial<Record<ApprovalAction, MsgKey[]>> = {
  'operator.unlock': ['reason.unlock.verified', 'reason.unlock.forgot', 'reason.generic.onsite'],
  'receipt.void': ['reason.void.wrongAmount', 'reason.void.wrongItem', 'reason.void.duplicate', 'reason.void.cancelled'],
  'deposit.refund': ['reason.refund.finished', 'reason.refund.keyReturned', 'reason.refund.cancelled'],
  'cash.variance': ['reason.variance.recounted', 'reason.variance.change', 'reason.variance.report'],
  'key.lendTrust': ['reason.trust.ownerPhoned', 'reason.trust.ownerPresent', 'reason.trust.emergency'],
};
const GENERIC_REASONS: MsgKey[] = ['reason.generic.onsite', 'reason.generic.customer', 'reason.generic.mistake'];

interface Props {
  request: ApprovalRequest;
  onApproved: (approval: GrantedApproval) => void;
  onCancel: () => void;
}

/**
 * The reusable supervisor-approval step: a supervisor (or admin) enters their own username and password
 * and a reason; auth.approve returns a single-use approval for (action, subject), valid 2 minutes.
 */
export function SupervisorApproval({ request, onApproved, onCancel }: Props) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const send = useSend();
  const reasonRef = useRef<HTMLInputElement>(null);
  const picks = request.reasons ?? DEFAULT_REASONS[request.action] ?? GENERIC_REASONS;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => {
        if (!username.trim() || !password) return t('approval.needCredentials');
        if (reason.trim().length < 2) {
          reasonRef.current?.focus();
          return t('approval.needReason');
        }
        return null;
      },
      run: async () => {
        const a = await send('auth.approve', { username: username.trim(), password, action: request.action, subject: request.subject, reason: reason.trim() });
        onApproved({ ...a, reason: reason.trim() });
      },
      onError: () => setPassword(''),
    });
  };

  return (
    <Dialog title={request.title} onClose={onCancel} className="approval-dialog">
      <form onSubmit={(e) => void submit(e)} className="form">
        <p className="dialog-message">{request.description}</p>
        <label className="field">
          <span className="field-label">{t('approval.username')}</span>
          <input autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} data-autofocus name="approver" />
        </label>
        <label className="field">
          <span className="field-label">{t('approval.password')}</span>
          <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} name="approver-password" />
        </label>
        <label className="field">
          <span className="field-label">{t('approval.reason')}</span>
          <input ref={reasonRef} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} name="reason" />
        </label>
        <div className="quick-picks" role="group" aria-label={t('approval.quickReasons')}>
          {picks.map((k) => (
            <button key={k} type="button" className="btn small chip" onClick={() => setReason(translate('zh-CN', k))}>
              {t(k)}
            </button>
          ))}
        </div>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : t('approval.approve')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/**
 * Promise style: `const a = await approval.request({...}); if (!a) return;` and render `approval.dialog`.
 * Resolves null when cancelled.
 */
export function useSupervisorApproval(): { dialog: ReactNode; request: (r: ApprovalRequest) => Promise<GrantedApproval | null> } {
  const [pending, setPending] = useState<{ req: ApprovalRequest; resolve: (a: GrantedApproval | null) => void } | null>(null);
  const request = useCallback(
    (req: ApprovalRequest) =>
      new Promise<GrantedApproval | null>((resolve) => {
        setPending({ req, resolve });
      }),
    [],
  );
  const dialog = pending ? (
    <SupervisorApproval
      request={pending.req}
      onApproved={(a) => {
        setPending(null);
        pending.resolve(a);
      }}
      onCancel={() => {
        setPending(null);
        pending.resolve(null);
      }}
    />
  ) : null;
  return { dialog, request };
}
