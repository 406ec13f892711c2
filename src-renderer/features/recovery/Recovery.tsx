import { useState } from 'react';
import type { AppStatus } from '@shared/contract';
import { useSend } from '../../lib/query';
import { formatBytes, formatDateTime } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import { LangSwitch } from '../../app/LangSwitch';
import { useAction } from '../../app/useAction';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { OkNote } from '../../app/ui/Notes';

type Backup = NonNullable<AppStatus['recovery']>['backups'][number];

const KIND: Record<Backup['kind'], MsgKey> = { daily: 'backup.kind.daily', 'pre-migrate': 'backup.kind.preMigrate', manual: 'backup.kind.manual' };

/** The database failed its check at start: say so plainly and offer the backups (newest good one first). */
export function Recovery({ status }: { status: AppStatus }) {
  const { t, lang } = useI18n();
  const [chosen, setChosen] = useState<Backup | null>(null);
  const action = useAction();
  const send = useSend();
  const [done, setDone] = useState(false);
  const rec = status.recovery;
  const backups = [...(rec?.backups ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));

  const restore = async () => {
    if (!chosen) return;
    await action.start({
      run: async () => {
        await send('system.restoreBackup', { name: chosen.name });
        setDone(true);
        setChosen(null);
        window.setTimeout(() => window.location.reload(), 1500);
      },
      onError: () => setChosen(null),
    });
  };

  return (
    <main className="center-screen recovery-screen">
      <div className="card wide">
        <div className="card-head">
          <h1>{t('recovery.title')}</h1>
          <LangSwitch />
        </div>
        <p className="error-box">{t('recovery.intro')}</p>
        <h2>{t('recovery.problems')}</h2>
        <ul className="plain-list">
          {(rec?.problems ?? []).map((p, i) => (
            <li key={i} className="mono-wrap">
              {p}
            </li>
          ))}
        </ul>
        <h2>{t('recovery.backups')}</h2>
        {backups.length === 0 ? (
          <p className="error-box">{t('recovery.noBackups')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('backup.createdAt')}</th>
                <th>{t('backup.kind')}</th>
                <th>{t('backup.size')}</th>
                <th>{t('recovery.health')}</th>
                <th>{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.name}>
                  <td>{formatDateTime(b.createdAt, lang)}</td>
                  <td>{t(KIND[b.kind])}</td>
                  <td>{formatBytes(b.bytes)}</td>
                  <td>{b.good ? <span className="tag tag-ok">{t('recovery.good')}</span> : <span className="tag tag-bad">{t('recovery.bad')}</span>}</td>
                  <td>
                    <button type="button" className="btn primary" disabled={!b.good || action.busy || done} onClick={() => setChosen(b)}>
                      {t('recovery.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorBox error={action.error} />
        <OkNote text={done ? t('recovery.restored') : null} />
        <p className="hint">{t('recovery.keptNote')}</p>
      </div>
      {chosen ? (
        <ConfirmDialog
          title={t('recovery.confirmTitle')}
          message={t('recovery.confirmText', { at: formatDateTime(chosen.createdAt, lang) })}
          confirmLabel={t('recovery.restore')}
          danger
          busy={action.busy}
          onConfirm={() => void restore()}
          onCancel={() => setChosen(null)}
        />
      ) : null}
    </main>
  );
}
