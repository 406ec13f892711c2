import { useRef, useState, type FormEvent } from 'react';
import type { SessionView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useStatus } from '../../app/status';

/** The screen is locked: the same operator types their password, or someone else signs in. */
export function LockScreen({ session, onSignOut }: { session: SessionView; onSignOut: () => void }) {
  const t = useT();
  const { refresh } = useStatus();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = useSend();
  const ref = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await send('auth.unlock', { password });
      await refresh();
    } catch (err) {
      setError(err);
      setPassword('');
      ref.current?.focus();
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center-screen overlay-screen lock-screen">
      <div className="card narrow">
        <h1>{t('lock.title')}</h1>
        <p className="lock-who">
          <span className="lock-name">{session.operator.displayName}</span>
          <span className="lock-user">
            {session.operator.username} · {t(`role.${session.operator.role}`)}
          </span>
        </p>
        <form className="form" onSubmit={(e) => void submit(e)}>
          <label className="field">
            <span className="field-label">{t('lock.password')}</span>
            <input
              ref={ref}
              type="password"
              name="unlock-password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <ErrorBox error={error} />
          <div className="form-actions">
            <button type="submit" className="btn primary big" disabled={busy}>
              {t('lock.unlock')}
            </button>
            <button type="button" className="btn big" onClick={onSignOut}>
              {t('lock.switch')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
