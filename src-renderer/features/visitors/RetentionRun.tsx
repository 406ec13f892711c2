import { useState } from 'react';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { OkNote } from '../../app/ui/Notes';

/** The administrator erases now what is past the retention period (the core does it at start and nightly too). */
export function RetentionRun({ days }: { days: number }) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="vis-retention-run" aria-labelledby="vis-retention-run">
      <h2 id="vis-retention-run" className="section-title">
        {t('vis.s.runTitle')}
      </h2>
      <p className="hint">{t('vis.s.runText', { days })}</p>
      <ErrorBox error={action.error} />
      <OkNote text={done} />
      <button type="button" className="btn" disabled={action.busy} onClick={() => setAsking(true)}>
        {action.busy ? t('common.working') : t('vis.s.run')}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t('vis.s.runTitle')}
          message={t('vis.s.runConfirm', { days })}
          confirmLabel={t('vis.s.run')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void action.start({
              run: async () => {
                const r = await send('visitors.retention.run', {});
                setDone(t('vis.s.runDone', { erased: r.erased, noShows: r.noShows }));
              },
            });
          }}
        />
      ) : null}
    </section>
  );
}
