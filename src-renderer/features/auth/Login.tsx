import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/api';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { LangSwitch } from '../../app/LangSwitch';
import { useStatus } from '../../app/status';
import { OkNote } from '../../app/ui/Notes';
import { useSupervisorApproval } from './SupervisorApproval';

/** Sign in. A locked account can be unlocked on the spot by a supervisor (supervisor approval). */
export function Login({ overlay }: { overlay: boolean }) {
  const t = useT();
  const { status, refresh } = useStatus();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [lockedUser, setLockedUser] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = useSend();
  const passwordRef = useRef<HTMLInputElement>(null);
  const approval = useSupervisorApproval();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      await send('auth.login', { username: username.trim(), password });
      setLockedUser(null);
      await refresh();
    } catch (err) {
      setError(err);
      setPassword('');
      setLockedUser(err instanceof ApiError && err.code === 'ACCOUNT_LOCKED' ? username.trim() : null);
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const askUnlock = async () => {
    if (!lockedUser) return;
    const a = await approval.request({
      action: 'operator.unlock',
      subject: lockedUser,
      title: t('approval.unlockTitle'),
      description: t('approval.unlockDesc', { username: lockedUser }),
    });
    if (!a) return;
    try {
      await send('operators.unlock', { username: lockedUser, approvalId: a.approvalId });
      setError(null);
      setNotice(t('login.unlocked', { username: lockedUser, approver: a.approverName }));
      setLockedUser(null);
      passwordRef.current?.focus();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <main className="center-screen overlay-screen login-screen">
      <div className="card narrow">
        <div className="card-head">
          <div>
            <h1>{t('app.title')}</h1>
            {status?.propertyName ? (
              <p className="subtitle">
                {status.propertyName} · {t('top.terminal', { id: status.terminalId })}
              </p>
            ) : null}
          </div>
          <LangSwitch />
        </div>
        {overlay ? <p className="info-box">{t('login.sessionEnded')}</p> : null}
        <form className="form" onSubmit={(e) => void submit(e)}>
          <h2>{t('login.title')}</h2>
          <label className="field">
            <span className="field-label">{t('login.username')}</span>
            <input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('login.password')}</span>
            <input
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <ErrorBox error={error} />
          <OkNote text={notice} />
          <div className="form-actions">
            <button type="submit" className="btn primary big" disabled={busy}>
              {busy ? t('login.signingIn') : t('login.submit')}
            </button>
            {lockedUser ? (
              <button type="button" className="btn big" onClick={() => void askUnlock()}>
                {t('login.askSupervisor')}
              </button>
            ) : null}
          </div>
        </form>
      </div>
      {approval.dialog}
    </main>
  );
}
