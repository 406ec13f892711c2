import type { ImportStatus } from '@shared/contract';
import { useI18n } from '../../app/i18n/I18n';
import { Stat } from '../../app/ui/Stat';
import { formatNumber } from '../../lib/format';

type Result = NonNullable<ImportStatus['result']>;

/** After the commit: what was written. */
export function ImportResultView({ result, message, onBack, onAgain }: { result: Result; message: string; onBack: () => void; onAgain: () => void }) {
  const { t, lang } = useI18n();
  const n = (x: number) => formatNumber(x, lang);
  return (
    <div className="card import-result" role="status" aria-live="polite">
      <h2 className="ok-text">{t('import.doneTitle')}</h2>
      {lang !== 'en' ? <p>{message}</p> : null}
      <div className="stat-row">
        <Stat className="stat-new" value={n(result.inserted)} label={t('import.result.inserted')} />
        <Stat className="stat-update" value={n(result.updated)} label={t('import.result.updated')} />
        <Stat className="stat-unchanged" value={n(result.unchanged)} label={t('import.result.unchanged')} />
        <Stat className="stat-error" value={n(result.skipped)} label={t('import.result.skipped')} />
        <Stat value={n(result.buildingsCreated)} label={t('import.result.buildings')} />
      </div>
      <div className="form-actions">
        <button type="button" className="btn primary big" onClick={onBack} autoFocus>
          {t('import.back')}
        </button>
        <button type="button" className="btn big" onClick={onAgain}>
          {t('import.another')}
        </button>
      </div>
    </div>
  );
}
