import { useT } from '../i18n/I18n';

/** A real progress bar (done of total) with its message; indeterminate while total is 0. */
export function ProgressBar({ done, total, message, label }: { done: number; total: number; message: string; label?: string }) {
  const t = useT();
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="progress-block">
      <progress className="progress" max={100} value={pct ?? undefined} aria-label={label ?? t('common.progress')} />
      <p className="progress-text" aria-live="polite">
        {pct !== null ? <strong className="progress-pct">{pct}%</strong> : null} {message}
      </p>
    </div>
  );
}
