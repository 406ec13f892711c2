import { areasFor, type AreaId } from './areas';
import { useT } from './i18n/I18n';
import { useShell } from './shell-context';

export function Nav({ current, onGo }: { current: AreaId; onGo: (a: AreaId) => void }) {
  const t = useT();
  const { operator } = useShell();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {areasFor(operator.role).map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === a.id ? 'page' : undefined}
              aria-keyshortcuts={a.shortcut}
              data-area={a.id}
              onClick={() => onGo(a.id)}
            >
              <span className="nav-label">{t(a.label)}</span>
              <kbd className="nav-key">{a.shortcut}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
