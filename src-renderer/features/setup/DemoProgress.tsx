import { useEffect } from 'react';
import { useT } from '../../app/i18n/I18n';
import { useStatus, useStatusQuery } from '../../app/status';
import { OkNote } from '../../app/ui/Notes';
import { ProgressBar } from '../../app/ui/Progress';

const POLL_MS = 700;

/** After setup with demo data: the generator's progress (status.demo), then on to the login. */
export function DemoProgress({ onContinue }: { onContinue: () => void }) {
  const t = useT();
  const { status } = useStatus();
  const demo = status?.demo ?? null;
  const state = demo?.state ?? 'running';
  // the status, more often while the generator runs
  useStatusQuery(POLL_MS, state === 'running');

  useEffect(() => {
    if (state !== 'done') return;
    const timer = window.setTimeout(onContinue, 1500);
    return () => window.clearTimeout(timer);
  }, [state, onContinue]);

  return (
    <main className="center-screen">
      <div className="card wide">
        <h1>{t('demo.title')}</h1>
        <p>{t('demo.intro')}</p>
        <ProgressBar done={demo?.done ?? 0} total={demo?.total ?? 0} message={demo?.message ?? t('common.loading')} label={t('demo.title')} />
        {state === 'failed' ? (
          <p className="error-box" role="alert">
            {demo?.message}
          </p>
        ) : null}
        <OkNote text={state === 'done' ? t('demo.done') : null} />
        <div className="form-actions">
          <button type="button" className="btn primary big" onClick={onContinue}>
            {state === 'running' ? t('demo.skip') : t('demo.toLogin')}
          </button>
        </div>
      </div>
    </main>
  );
}
