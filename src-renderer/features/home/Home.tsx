import { useState } from 'react';
import { useCall } from '../../lib/query';
import { AREAS } from '../../app/areas';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { formatNumber } from '../../lib/format';
import { useShell } from '../../app/shell-context';
import { useStatus } from '../../app/status';
import { Stat } from '../../app/ui/Stat';
import './home.css';

/** Home: the property, roster counts, the search box and the areas with their shortcuts. */
export function Home() {
  const { t, lang } = useI18n();
  const { status } = useStatus();
  const { go, focusSearch } = useShell();
  const statsQ = useCall('roster.stats', {});
  const stats = statsQ.data ?? null;
  const [q, setQ] = useState('');

  return (
    <section className="screen home" aria-labelledby="home-title">
      <h1 id="home-title" tabIndex={-1}>
        {status?.propertyName || t('area.home')}
      </h1>
      <div className="home-search">
        <label className="field">
          <span className="field-label">{t('home.searchLabel')}</span>
          <input
            className="search-input"
            type="search"
            name="home-search"
            placeholder={t('roster.searchPlaceholder')}
            value={q}
            onChange={(e) => {
              // hand over to the roster's own search box at once (after an IME composition ends)
              if ((e.nativeEvent as InputEvent).isComposing) setQ(e.target.value);
              else focusSearch(e.target.value);
            }}
            onCompositionEnd={(e) => focusSearch(e.currentTarget.value)}
          />
        </label>
        <p className="hint">{t('roster.searchHint')}</p>
      </div>
      <div className="stat-row" aria-live="polite">
        <Stat value={stats ? formatNumber(stats.buildings, lang) : '—'} label={t('home.buildings')} />
        <Stat value={stats ? formatNumber(stats.rooms, lang) : '—'} label={t('home.rooms')} />
        <Stat value={stats ? formatNumber(stats.residents, lang) : '—'} label={t('home.residents')} />
      </div>
      <ErrorBox error={statsQ.error} />
      {stats && stats.residents === 0 ? <p className="info-box">{t('home.emptyRoster')}</p> : null}
      <h2>{t('home.quickLinks')}</h2>
      <ul className="quick-links">
        {AREAS.filter((a) => a.id !== 'home').map((a) => (
          <li key={a.id}>
            <button type="button" className="quick-link" onClick={() => go(a.id)}>
              <span>{t(a.label)}</span>
              <kbd>{a.shortcut}</kbd>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="quick-link" onClick={() => focusSearch()}>
            <span>{t('home.findResident')}</span>
            <span className="kbds">
              <kbd>F2</kbd>
              <kbd>Ctrl+K</kbd>
              <kbd>/</kbd>
            </span>
          </button>
        </li>
      </ul>
    </section>
  );
}
