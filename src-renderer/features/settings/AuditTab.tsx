import { useState } from 'react';
import type { VerifyView } from '../../../src-main/contract/index';
import { call } from '../../lib/api';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ActionCard } from './ActionCard';

const REASON: Record<Extract<VerifyView, { ok: false }>['reason'], MsgKey> = {
  'hash-mismatch': 'audit.reason.hashMismatch',
  'broken-link': 'audit.reason.brokenLink',
  gap: 'audit.reason.gap',
};

/** 审计链: recompute the hash chain and say plainly whether it holds, or where it breaks. */
export function AuditTab() {
  const t = useT();
  const [result, setResult] = useState<VerifyView | null>(null);
  const action = useAction();

  const verify = () => {
    setResult(null);
    return action.start({ run: async () => setResult(await call('system.verifyAudit', {})) });
  };

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
          <p>
            {t('audit.head', { seq: result.headSeq })} <code className="hash">{result.headHash}</code>
          </p>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="error-box" role="alert">
          <p>{t('audit.bad', { seq: result.firstBadSeq, rows: result.rows })}</p>
          <p>{t(REASON[result.reason])}</p>
          <p>{t('audit.badNext')}</p>
        </div>
      ) : null}
    </ActionCard>
  );
}
