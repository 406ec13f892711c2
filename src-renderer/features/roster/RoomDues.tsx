import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { collectRoom } from '../fees/collectRoom';
import { DuesList } from '../fees/DuesList';

/** The room's 欠费 beside its residents (read-only), with 去收费: 收费 opens with the room as the payer. */
export function RoomDues({ roomId, roomCode, name }: { roomId: number; roomCode: string; name: string }) {
  const t = useT();
  const { operator, go } = useShell();
  const q = useCall('receivables.dues', { roomId });
  if (q.error) return <ErrorBox error={q.error} />;
  const d = q.data?.roomId === roomId ? q.data : null;
  if (!d || d.items.length === 0) return null;
  const collect = () => {
    collectRoom.set({ operatorId: operator.id, payer: { kind: 'room', roomId, roomCode, name } });
    go('fees');
  };
  return (
    <DuesList
      dues={d}
      actions={
        <div className="dues-actions">
          <button type="button" className="btn" onClick={collect}>
            {t('dues.goCollect')}
          </button>
          <span className="dues-hint hint">{t('dues.readOnly')}</span>
        </div>
      }
    />
  );
}
