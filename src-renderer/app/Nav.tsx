import { useCallback, useState, type FocusEvent, type MouseEvent } from 'react';
import { areasFor, type AreaId } from './areas';
import { useT } from './i18n/I18n';
import { useShell } from './shell-context';

const NAV_KEY = 'lobbydesk.navCollapsed';

/** Collapsed when the operator chose so on this machine; with no choice yet, collapsed on a narrow window. */
function loadCollapsed(): boolean {
  try {
    const v = localStorage.getItem(NAV_KEY);
    if (v === '1') return true;
    if (v === '0') return false;
  } catch {
    // storage unavailable: decide by the window
  }
  return window.innerWidth < 1200;
}

function saveCollapsed(v: boolean): void {
  try {
    localStorage.setItem(NAV_KEY, v ? '1' : '0');
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
}

/** The name of a collapsed menu item beside it, while the pointer is on it or it has the focus. */
interface Tip {
  id: AreaId;
  top: number;
  left: number;
}

/**
 * The areas, each with its shortcut. 收起菜单 shrinks the menu to the shortcuts alone: each button keeps its
 * name as its accessible name and shows it in a tooltip beside it on hover and on focus (drawn outside the
 * menu's scrolling box, so it is never cut); the choice is remembered on this machine.
 */
export function Nav({ current, onGo }: { current: AreaId; onGo: (a: AreaId) => void }) {
  const t = useT();
  const { operator } = useShell();
  const [collapsed, setCollapsed] = useState(loadCollapsed);
  const [tip, setTip] = useState<Tip | null>(null);
  const showTip = (id: AreaId) => (e: MouseEvent<HTMLButtonElement> | FocusEvent<HTMLButtonElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setTip({ id, top: r.top + r.height / 2, left: r.right + 8 });
  };
  const hideTip = () => setTip(null);
  const toggle = useCallback(() => {
    setCollapsed((c) => {
      saveCollapsed(!c);
      return !c;
    });
    setTip(null);
  }, []);
  return (
    <nav className={`nav${collapsed ? ' nav-collapsed' : ''}`} aria-label={t('nav.label')}>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={!collapsed}
        aria-controls="nav-list"
        onClick={toggle}
        title={collapsed ? t('nav.expand') : t('nav.collapse')}
      >
        <span aria-hidden="true">{collapsed ? '»' : '«'}</span>
        <span className={collapsed ? 'sr-only' : 'nav-toggle-label'}>{collapsed ? t('nav.expand') : t('nav.collapse')}</span>
      </button>
      <ul id="nav-list">
        {areasFor(operator.role).map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === a.id ? 'page' : undefined}
              aria-keyshortcuts={a.shortcut}
              data-area={a.id}
              aria-label={collapsed ? t(a.label) : undefined}
              onMouseEnter={collapsed ? showTip(a.id) : undefined}
              onMouseLeave={collapsed ? hideTip : undefined}
              onFocus={collapsed ? showTip(a.id) : undefined}
              onBlur={collapsed ? hideTip : undefined}
              onClick={() => onGo(a.id)}
            >
              <span className="nav-label">{t(a.label)}</span>
              <kbd className="nav-key">{a.shortcut}</kbd>
            </button>
          </li>
        ))}
      </ul>
      {collapsed && tip ? (
        // the same words as the button's accessible name: shown, not read twice
        <span className="nav-tip" data-testid="nav-tip" aria-hidden="true" style={{ top: tip.top, left: tip.left }}>
          {t(areasFor(operator.role).find((a) => a.id === tip.id)?.label ?? 'nav.label')}
        </span>
      ) : null}
    </nav>
  );
}
