import { useMemo, useState, type ReactNode } from 'react';
import type { PassView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { formatDateTime, propertyToday } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { OkNote } from '../../app/ui/Notes';
import { PRINT_LABEL, PRINT_TAG } from '../fees/labels';
import { PASS_STATUS } from './labels';
import { ReasonDialog } from './ReasonDialog';

const WAITING = new Set(['pending', 'printing']);

/** A worker's pass is valid whole days: its first and last day (the end is exclusive: midnight after the last day). */
export const workerDays = (p: Pick<PassView, 'validFrom' | 'validUntil'>): string =>
  `${propertyToday(new Date(p.validFrom))} – ${propertyToday(new Date(Date.parse(p.validUntil) - 1))}`;

/** A pass as it prints (the core's receiptline SVG as an <img>, never put into the page's DOM). */
export function PassPreview({ passNo }: { passNo: string }) {
  const { t } = useI18n();
  const q = useCall('visitors.passes.preview', { passNo });
  const src = useMemo(() => (q.data ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(q.data.svg)}` : null), [q.data]);
  return (
    <figure className="receipt-preview vis-preview">
      <figcaption>{t('vis.pass.preview')}</figcaption>
      <ErrorBox error={q.error} />
      {q.data && src ? <img src={src} alt={t('vis.pass.previewAlt', { no: passNo })} data-testid="pass-preview" className={`paper-${q.data.width}`} /> : null}
    </figure>
  );
}

interface Props {
  passNo: string;
  /** the pass as the issuing call answered (shown until it is read again) */
  initial?: PassView;
  /** the headline: what was done (已登记, 已开出) */
  title: string;
  children?: ReactNode;
  /** buttons of the screen (下一位) */
  actions?: ReactNode;
  voidPicks?: { zh: string; label: string }[];
  /** show the printed pass (false: a pre-printed form, nothing printed) */
  preview?: boolean;
}

/**
 * A pass just issued: its number large, valid until, the print state (asked again while the printer works on
 * it), the preview, 补打 (副本 n) and 作废 with a reason.
 */
export function PassResult({ passNo, initial, title, children, actions, voidPicks, preview = true }: Props) {
  const { t, lang } = useI18n();
  const send = useSend();
  const reprint = useAction();
  const [voiding, setVoiding] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const q = useCall('visitors.passes.get', { passNo }, { refetchInterval: (p) => (p && WAITING.has(p.printState) ? 1000 : false) });
  const pass = q.data ?? initial;

  return (
    <section className="vis-pass" aria-labelledby="vis-pass-title" data-testid="pass-result">
      <h2 id="vis-pass-title" className="section-title">
        {title}
      </h2>
      <div className="vis-pass-body">
        <div className="vis-pass-facts">
          <p className="vis-pass-no">
            <span className="field-label">{t(pass?.fromForm ? 'vis.w.formNo' : 'vis.pass.no')}</span>
            <strong data-testid="pass-no">{passNo}</strong>
            {pass && pass.status !== 'valid' ? <span className="tag tag-bad">{t(PASS_STATUS[pass.status])}</span> : null}
          </p>
          {pass ? (
            <p>
              <span className="field-label">{t(pass.kind === 'worker' ? 'vis.w.validity' : 'vis.pass.validUntil')}</span>{' '}
              <strong>{pass.kind === 'worker' ? workerDays(pass) : formatDateTime(pass.validUntil, lang)}</strong>
            </p>
          ) : null}
          {children}
          {pass && preview ? (
            <p className="vis-print" data-testid="print-state" data-state={pass.printState}>
              <span className="field-label">{t('print.label')}</span>
              <span className={`tag ${PRINT_TAG[pass.printState]}`}>{t(PRINT_LABEL[pass.printState])}</span>
              {pass.copies > 0 ? <span className="hint">{t('print.copies', { n: pass.copies })}</span> : null}
            </p>
          ) : null}
          <OkNote text={note} />
          <ErrorBox error={reprint.error ?? q.error} />
          <div className="toolbar">
            {actions}
            {preview && pass && pass.status !== 'void' && pass.printState !== 'not-configured' ? (
              <button
                type="button"
                className="btn"
                disabled={reprint.busy}
                onClick={() =>
                  void reprint.start({
                    run: async () => {
                      const r = await send('visitors.passes.reprint', { passNo });
                      setNote(t('vis.pass.reprinted', { n: r.copy }));
                    },
                  })
                }
              >
                {t('vis.pass.reprint')}
              </button>
            ) : null}
            {pass?.status === 'valid' ? (
              <button type="button" className="btn danger" onClick={() => setVoiding(true)}>
                {t('vis.pass.void')}
              </button>
            ) : null}
          </div>
        </div>
        {preview ? <PassPreview passNo={passNo} /> : null}
      </div>
      {voiding ? (
        <ReasonDialog
          title={t('vis.pass.voidTitle', { no: passNo })}
          message={t('vis.pass.voidText')}
          submitLabel={t('vis.pass.void')}
          picks={
            voidPicks ?? [
              { zh: '信息登记错误', label: t('vis.reason.wrongEntry') },
              { zh: '访客未进入', label: t('vis.reason.notEntered') },
            ]
          }
          onCancel={() => setVoiding(false)}
          onSubmit={async (reason) => {
            await send('visitors.passes.void', { passNo, reason });
            setVoiding(false);
            setNote(t('vis.pass.voided'));
          }}
        />
      ) : null}
    </section>
  );
}
