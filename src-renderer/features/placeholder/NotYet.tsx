import type { Area } from '../../app/areas';
import { useT } from '../../app/i18n/I18n';

/** An area of DESIGN.md that this version does not have yet: say so, and what it will do. No fake data. */
export function NotYet({ area }: { area: Area }) {
  const t = useT();
  return (
    <section className="screen not-yet" aria-labelledby="not-yet-title">
      <h1 id="not-yet-title" tabIndex={-1}>
        {t(area.label)}
      </h1>
      <div className="card notice-card">
        <p className="not-yet-lead">{t('notYet.lead')}</p>
        <p>
          <strong>{t('notYet.will')}</strong>
          {t(area.purpose)}
        </p>
        <p className="hint">{t('notYet.meanwhile')}</p>
      </div>
    </section>
  );
}
