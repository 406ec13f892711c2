import { useState } from 'react';
import type { Output } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import { PRINT_LABEL, PRINT_TAG } from './labels';

type Job = Output<'print.jobs.open'>[number];

const POLL_MS = 5_000;

const JOB_KIND: Record<string, MsgKey> = {
  receipt: 'print.job.receipt',
  reprint: 'print.job.reprint',
  slip: 'print.job.slip',
  test: 'print.job.test',
};

/**
 * 未打印: print jobs that failed (the printer kept refusing) or were cut off by a restart (may or may not be
 * on paper), and jobs still waiting with the printer's complaint. 重新打印 / 取消 for each; nothing shows
 * while everything prints.
 */
export function PrintJobsBanner() {
  const { t, lang } = useI18n();
  // the banner is a helper: a failed poll leaves the last list, and says nothing of its own
  const jobs: Job[] = useCall('print.jobs.open', {}, { refetchInterval: POLL_MS }).data ?? [];
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const send = useSend();

  const act = async (id: number, channel: 'print.jobs.retry' | 'print.jobs.cancel') => {
    setBusy(id);
    setError(null);
    try {
      await send(channel, { id });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const shown = jobs.filter((j) => j.status === 'failed' || j.status === 'interrupted' || (j.status === 'pending' && j.lastError));
  if (shown.length === 0 && !error) return null;
  const stuck = shown.filter((j) => j.status !== 'pending').length;
  return (
    <section className="warn-box print-jobs" aria-labelledby="print-jobs-title" data-testid="print-jobs">
      <h2 id="print-jobs-title" className="print-jobs-title">
        {stuck > 0 ? t('print.unprinted', { n: stuck }) : t('print.waiting', { n: shown.length })}
      </h2>
      <ErrorBox error={error} />
      <ul className="print-job-list">
        {shown.map((j) => (
          <li key={j.id} className="print-job">
            <span className="print-job-what">
              {t(JOB_KIND[j.kind] ?? 'print.job.other')}
              {j.receiptNo ? <strong className="receipt-no-cell"> {j.receiptNo}</strong> : null}
            </span>
            <span className={`tag ${PRINT_TAG[j.status]}`}>{t(PRINT_LABEL[j.status])}</span>
            <span className="hint">{formatDateTime(j.createdAt, lang)}</span>
            {/* cut off by a restart: the banner's own words (they name its button); otherwise the printer's complaint */}
            {j.status === 'interrupted' ? (
              <span className="print-error">{t('print.interruptedHint')}</span>
            ) : j.lastError ? (
              <span className="print-error">{j.lastError}</span>
            ) : null}
            <span className="row-actions">
              {j.status !== 'pending' ? (
                <button type="button" className="btn small primary" disabled={busy === j.id} onClick={() => void act(j.id, 'print.jobs.retry')}>
                  {t('print.retry')}
                </button>
              ) : null}
              <button type="button" className="btn small" disabled={busy === j.id} onClick={() => void act(j.id, 'print.jobs.cancel')}>
                {t('print.cancel')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
