import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { openOccupancyNext } from './openOccupancy';

/**
 * The line in 统计报表 that leads to 入住统计 (房屋档案). Shared classes only: the service screen shows it before the
 * rooms screens (and their style sheet) are loaded.
 */
export function OccupancyLink() {
  const t = useT();
  const { go } = useShell();
  return (
    <p className="hint">
      {t('rooms.occ.link')}{' '}
      <button
        type="button"
        className="btn small"
        aria-keyshortcuts="Alt+F"
        onClick={() => {
          openOccupancyNext();
          go('rooms');
        }}
      >
        {t('rooms.occ.open')}
      </button>
    </p>
  );
}
