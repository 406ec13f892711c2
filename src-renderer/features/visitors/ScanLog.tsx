import { errorText } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import type { ScanEntry } from './useCheckoutScans';

/** The last passes scanned out: 已离开 (who, which room) or why not, newest first. */
export function ScanLog({ log, onClear }: { log: ScanEntry[]; onClear: () => void }) {
  const { t, lang } = useI18n();
  if (log.length === 0) return null;
  return (
    <section className="vis-scanlog" aria-label={t('vis.scan.log')}>
      <ul role="status" aria-live="polite" data-testid="scan-log">
        {log.map((x) => (
          <li key={x.n} className={`vis-scan vis-scan-${x.state}`} data-pass={x.code} data-state={x.state}>
            <strong className="vis-mono">{x.code}</strong>{' '}
            {x.state === 'working'
              ? t('common.working')
              : x.state === 'out' && x.worker
                ? t('vis.scan.workerBack', { name: x.name ?? '', room: x.room ?? t('vis.commonArea') })
                : x.state === 'out'
                  ? t('vis.scan.out', { name: x.name ?? '', room: x.room ?? t('vis.commonArea') })
                  : errorText(x.error, lang, t)}
          </li>
        ))}
      </ul>
      <button type="button" className="btn small" onClick={onClear}>
        {t('vis.scan.clear')}
      </button>
    </section>
  );
}
