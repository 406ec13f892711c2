import { useState } from 'react';
import type { VerifyView } from '../../../src-main/contract/index';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';

const REASON: Record<Extract<VerifyView, { ok: false }>['reason'], MsgKey> = {
  'hash-mismatch': 'audit.reason.hashMismatch',
  'broken-link': 'audit.reason.brokenLink',
  gap: 'audit.reason.gap',
};

/** 审计链: recompute the hash chain and say plainly whether it holds, or where it breaks. */
export function AuditTab() {
  const t = useT();
  const [result, setResult] = useState<VerifyView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await call('system.verifyAudit', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <p>{t('audit.explain')}</p>
      <button type="button" className="btn primary big" onClick={() => void verify()} disabled={busy}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <ErrorBox error={error} />
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
    </div>
  );
}
