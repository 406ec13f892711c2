import type { AreaId } from '../areas';
import { openTabNext } from '../nextTab';
import { useShell } from '../shell-context';

/**
 * A line that leads to a tab of another area (统计报表's links to 收缴率 and 入住统计): what is there, and a button
 * that opens the area on that tab. Shared classes only: the linking screen shows it before the other area's style
 * sheet is loaded.
 */
export function AreaTabLink({ area, tab, shortcut, text, button }: { area: AreaId; tab: string; shortcut: string; text: string; button: string }) {
  const { go } = useShell();
  return (
    <p className="hint">
      {text}{' '}
      <button
        type="button"
        className="btn small"
        aria-keyshortcuts={shortcut}
        onClick={() => {
          openTabNext(area, tab);
          go(area);
        }}
      >
        {button}
      </button>
    </p>
  );
}
