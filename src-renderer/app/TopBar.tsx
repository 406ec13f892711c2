import { useI18n } from './i18n/I18n';
import { LangSwitch } from './LangSwitch';
import { useStatus } from './status';

export function TopBar({ onLock, onSignOut }: { onLock: () => void; onSignOut: () => void }) {
  const { t } = useI18n();
  const { status } = useStatus();
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="brand">{t('app.brand')}</span>
        <span className="property">{status?.propertyName}</span>
        {status?.terminalId ? <span className="terminal">{t('top.terminal', { id: status.terminalId })}</span> : null}
      </div>
      <div className="topbar-actions">
        <LangSwitch />
        <button type="button" className="btn" onClick={onLock} title="Ctrl+L">
          {t('top.lock')} <kbd>Ctrl+L</kbd>
        </button>
        <button type="button" className="btn" onClick={onSignOut}>
          {t('top.signOut')}
        </button>
      </div>
    </header>
  );
}
