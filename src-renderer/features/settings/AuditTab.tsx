import { useState } from 'react';
import type { VerifyView } from '@shared/contract';
import { useSend } from '../../lib/query';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorBox } from '../../app/errors';
import { useStatus } from '../../app/status';
import { AuditProblemList } from '../../app/AttentionBanner';
import { useShell } from '../../app/shell-context';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ActionCard } from './ActionCard';

type Bad = Extract<VerifyView, { ok: false }>;

const REASON: Record<Bad['reason'], MsgKey> = {
  'hash-mismatch': 'audit.reason.hashMismatch',
  'broken-link': 'audit.reason.brokenLink',
  gap: 'audit.reason.gap',
  truncated: 'audit.reason.truncated',
  triggers: 'audit.reason.triggers',
  ledger: 'audit.reason.ledger',
};

/**
 * 审计链: recompute the hash chain, every money and custody row's digest and the protective triggers, and say
 * plainly whether they hold or what is wrong; after a finding, record what the supervisor checked (audited,
 * everything verified again).
 */
export function AuditTab() {
  const t = useT();
  const { refresh } = useStatus();
  const [result, setResult] = useState<VerifyView | null>(null);
  const [reason, setReason] = useState('');
  const action = useAction();
  const resolving = useAction();
  const recovering = useAction();
  const send = useSend();
  const [askRecovery, setAskRecovery] = useState(false);
  const admin = useShell().operator.role === 'admin';

  const verify = () => {
    setResult(null);
    return action.start({ run: async () => (setResult(await send('system.verifyAudit', {})), await refresh()) });
  };
  const resolve = () =>
    resolving.start({
      run: async () => {
        setResult(await send('system.auditResolve', { reason }));
        setReason('');
        await refresh();
      },
    });
  const canResolve = result && !result.ok && !result.problems.some((p) => p.kind === 'chain');
  const enterRecovery = () =>
    recovering.start({
      run: async () => {
        await send('system.enterRecovery', {});
        setAskRecovery(false);
        await refresh();
      },
    });

  return (
    <ActionCard
      explain={t('audit.explain')}
      label={t('audit.verify')}
      busyLabel={t('audit.verifying')}
      busy={action.busy}
      error={action.error}
      onRun={() => void verify()}
    >
      {result?.ok ? (
        <div className="ok-box" role="status">
          <p>{t('audit.ok', { rows: result.rows })}</p>
          <p>{t('audit.okLedger', { rows: result.ledgerRows })}</p>
          <p>
            {t('audit.head', { seq: result.headSeq })} <code className="hash">{result.headHash}</code>
          </p>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="error-box" role="alert">
          {result.firstBadSeq !== null && result.problems[0]?.kind === 'chain' ? <p>{t('audit.bad', { seq: result.firstBadSeq, rows: result.rows })}</p> : null}
          <p>{t(REASON[result.reason])}</p>
          <p>{t('audit.problems', { n: result.problems.length })}</p>
          <AuditProblemList problems={result.problems} />
          <p>{t('audit.badNext')}</p>
        </div>
      ) : null}
      {canResolve ? (
        <form
          className="audit-resolve"
          onSubmit={(e) => {
            e.preventDefault();
            void resolve();
          }}
        >
          <p>{t('audit.resolveExplain')}</p>
          <label className="field">
            <span className="field-label">{t('audit.resolveReason')}</span>
            <textarea name="reason" rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn danger" disabled={resolving.busy || reason.trim().length < 2}>
            {resolving.busy ? t('audit.resolving') : t('audit.resolve')}
          </button>
          <ErrorBox error={resolving.error} />
        </form>
      ) : null}
      {result && !result.ok && admin ? (
        <p>
          <button type="button" className="btn danger" onClick={() => setAskRecovery(true)}>
            {t('audit.toRecovery')}
          </button>
        </p>
      ) : null}
      <ErrorBox error={recovering.error} />
      {askRecovery ? (
        <ConfirmDialog
          title={t('status.enterRecoveryTitle')}
          message={t('audit.toRecoveryText')}
          confirmLabel={t('status.enterRecovery')}
          danger
          busy={recovering.busy}
          onConfirm={() => void enterRecovery()}
          onCancel={() => setAskRecovery(false)}
        />
      ) : null}
    </ActionCard>
  );
}
