import type { ImportStatus } from '../../../src-main/contract/index';
import { useI18n } from '../../app/i18n/I18n';
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
        <div className="stat stat-new">
          <span className="stat-num">{n(result.inserted)}</span>
          <span className="stat-label">{t('import.result.inserted')}</span>
        </div>
        <div className="stat stat-update">
          <span className="stat-num">{n(result.updated)}</span>
          <span className="stat-label">{t('import.result.updated')}</span>
        </div>
        <div className="stat stat-unchanged">
          <span className="stat-num">{n(result.unchanged)}</span>
          <span className="stat-label">{t('import.result.unchanged')}</span>
        </div>
        <div className="stat stat-error">
          <span className="stat-num">{n(result.skipped)}</span>
          <span className="stat-label">{t('import.result.skipped')}</span>
        </div>
        <div className="stat">
          <span className="stat-num">{n(result.buildingsCreated)}</span>
          <span className="stat-label">{t('import.result.buildings')}</span>
        </div>
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
