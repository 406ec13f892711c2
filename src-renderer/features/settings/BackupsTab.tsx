import { useMemo, useState } from 'react';
import type { BackupView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { formatBytes, formatDateTime } from '../../lib/format';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { OkNote } from '../../app/ui/Notes';
import { ActionCard } from './ActionCard';

const KIND: Record<BackupView['kind'], MsgKey> = { daily: 'backup.kind.daily', 'pre-migrate': 'backup.kind.preMigrate', manual: 'backup.kind.manual' };

/** 备份: the backups on this machine and "back up now". */
export function BackupsTab() {
  const { t, lang } = useI18n();
  const backups = useCall('system.listBackups', {});
  // newest first
  const list = useMemo(() => (backups.data ? [...backups.data].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)) : null), [backups.data]);
  const [done, setDone] = useState<BackupView | null>(null);
  const action = useAction();
  const send = useSend();

  const backup = () => {
    setDone(null);
    return action.start({
      run: async () => {
        setDone(await send('system.backupNow', {}));
      },
    });
  };

  return (
    <ActionCard
      explain={t('backup.explain')}
      label={t('backup.now')}
      busyLabel={t('common.working')}
      busy={action.busy}
      error={action.error ?? backups.error}
      onRun={() => void backup()}
    >
      <OkNote text={done ? t('backup.done', { name: done.name, size: formatBytes(done.bytes) }) : null} />
      {list && list.length === 0 ? <p className="info-box">{t('backup.none')}</p> : null}
      {list && list.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('backup.createdAt')}</th>
              <th>{t('backup.kind')}</th>
              <th className="num">{t('backup.size')}</th>
              <th>{t('backup.file')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.name}>
                <td>{formatDateTime(b.createdAt, lang)}</td>
                <td>{t(KIND[b.kind])}</td>
                <td className="num">{formatBytes(b.bytes)}</td>
                <td className="mono-wrap">{b.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </ActionCard>
  );
}
