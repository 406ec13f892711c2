import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { roleAtLeast } from '../../lib/roles';
import { openFiguresNext } from './openFigures';

/**
 * The line in 统计报表 that leads to 收缴率 (欠费催缴, supervisors). Shared classes only: the service screen shows it
 * before the arrears screens (and their style sheet) are loaded.
 */
export function FiguresLink() {
  const t = useT();
  const { operator, go } = useShell();
  if (!roleAtLeast(operator.role, 'supervisor')) return null;
  return (
    <p className="hint">
      {t('arr.f.link')}{' '}
      <button
        type="button"
        className="btn small"
        aria-keyshortcuts="Alt+R"
        onClick={() => {
          openFiguresNext();
          go('arrears');
        }}
      >
        {t('arr.f.open')}
      </button>
    </p>
  );
}
