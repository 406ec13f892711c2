import { useCallback, useEffect, useState } from 'react';
import type { OperatorView } from '@shared/contract';
import { useSend } from '../lib/query';
import { ErrorBox } from './errors';
import { useT } from './i18n/I18n';
import { useStatus } from './status';
import { Shell } from './Shell';
import { Recovery } from '../features/recovery/Recovery';
import { Setup } from '../features/setup/Setup';
import { DemoProgress } from '../features/setup/DemoProgress';
import { Login } from '../features/auth/Login';
import { LockScreen } from '../features/auth/LockScreen';
import { collectRequest } from '../features/fees/collectRequest';
import { ConfirmDialog } from './ui/ConfirmDialog';
import { AttentionBanner } from './AttentionBanner';

/**
 * Startup routing from system.status: recovery → setup → login → lock → the shell.
 * The shell stays mounted (hidden, inert) behind the lock and behind a login that follows a lost session,
 * so the same operator comes back to what the screen showed; a different operator gets a fresh shell.
 * In the read-only attention state a banner above everything says what the protection check found.
 */
export function App() {
  const t = useT();
  const { status, error, refresh } = useStatus();
  const send = useSend();
  const [afterSetup, setAfterSetup] = useState<{ demo: boolean } | null>(null);
  const [shellOp, setShellOp] = useState<OperatorView | null>(null);
  const session = status?.session ?? null;
  const sessionOp = session?.operator ?? null;

  useEffect(() => {
    if (sessionOp)
      setShellOp((prev) => (prev && prev.id === sessionOp.id && prev.role === sessionOp.role && prev.displayName === sessionOp.displayName ? prev : sessionOp));
  }, [sessionOp]);

  /** who holds the drawer, while the sign-out warning is open */
  const [drawerHolder, setDrawerHolder] = useState<string | null>(null);

  const signOut = useCallback(async () => {
    setDrawerHolder(null);
    collectRequest.set(null);
    try {
      await send('auth.logout', {});
    } finally {
      setShellOp(null);
      await refresh();
    }
  }, [refresh, send]);

  // Signing out with the cash session still open: say who holds the drawer and that the session stays open.
  const requestSignOut = useCallback(async () => {
    const fresh = await refresh();
    const holder = (fresh ?? status)?.shift.holder ?? null;
    if (holder) setDrawerHolder(holder);
    else await signOut();
  }, [refresh, status, signOut]);

  const demoDone = useCallback(() => setAfterSetup(null), []);

  if (!status) {
    return (
      <main className="center-screen">
        <div className="card narrow">
          <h1>{t('app.title')}</h1>
          {error ? (
            <>
              <ErrorBox error={error} />
              <button type="button" className="btn primary" onClick={() => void refresh()}>
                {t('common.retry')}
              </button>
            </>
          ) : (
            <p>{t('common.loading')}</p>
          )}
        </div>
      </main>
    );
  }
  if (status.mode === 'recovery') return <Recovery status={status} />;
  if (status.mode === 'setup') return <Setup onDone={(demo) => setAfterSetup({ demo })} />;
  if (afterSetup?.demo) return <DemoProgress onContinue={demoDone} />;

  const op = sessionOp ?? shellOp;
  const active = !!session && !session.locked;
  const attention = status.mode === 'attention' ? status.attention : null;
  return (
    <>
      {attention ? <AttentionBanner attention={attention} /> : null}
      {error ? (
        <div className="conn-banner">
          <ErrorBox error={error} />
        </div>
      ) : null}
      {op ? <Shell key={op.id} operator={op} active={active} idleLockMinutes={session?.idleLockMinutes ?? 5} onSignOut={() => void requestSignOut()} /> : null}
      {!session ? <Login overlay={!!op} /> : null}
      {session?.locked ? <LockScreen session={session} onSignOut={() => void requestSignOut()} /> : null}
      {drawerHolder ? (
        <ConfirmDialog
          title={t('signOut.cashOpenTitle')}
          message={t('signOut.cashOpen', { name: drawerHolder })}
          confirmLabel={t('signOut.anyway')}
          onConfirm={() => void signOut()}
          onCancel={() => setDrawerHolder(null)}
        />
      ) : null}
    </>
  );
}
