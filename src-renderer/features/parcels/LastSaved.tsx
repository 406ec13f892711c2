import { useState } from 'react';
import type { ParcelView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { PRINT_LABEL, PRINT_TAG } from '../fees/labels';
import { PaperPreview } from '../../app/ui/PaperPreview';

/**
 * The parcel just saved: pickup code and shelf slot large enough to read across the counter (to write on
 * the parcel or say aloud), the recipient masked, and the slip (printed through the queue, or previewed).
 */
export function LastSaved({ parcel, onChange }: { parcel: ParcelView; onChange: (p: ParcelView) => void }) {
  const t = useT();
  const [showSlip, setShowSlip] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = useSend();
  const noPrinter = parcel.printState === 'not-configured';

  const reprint = () => {
    setError(null);
    send('parcels.reprintSlip', { id: parcel.id })
      .then(onChange)
      .catch((e: unknown) => setError(e));
  };

  return (
    <section className="card last-saved" aria-labelledby="last-saved-title" data-testid="last-saved">
      <h2 id="last-saved-title" className="card-head">
        {t('intake.lastSaved')}
      </h2>
      <div className="pickup-code-box">
        <span className="big-label">{t('parcel.pickupCode')}</span>
        <span className="pickup-code" data-testid="pickup-code">
          {parcel.pickupCodeSpoken}
        </span>
      </div>
      <div className="last-saved-facts">
        <div>
          <span className="big-label">{t('parcel.slot')}</span>
          <span className="slot-big">{parcel.slotLabel ?? '—'}</span>
        </div>
        <div>
          <span className="big-label">{t('parcel.room')}</span>
          <span className="room-code big">{parcel.roomCode ?? '—'}</span>
        </div>
      </div>
      <p className="last-saved-line">
        <span className="mono">{parcel.waybill}</span> · {parcel.carrierName}
        {parcel.recipientMasked ? ` · ${parcel.recipientMasked}` : ''}
        {parcel.unlisted ? <span className="tag tag-warn">{t('parcel.unlistedTag')}</span> : null}
        {parcel.needsDetails ? <span className="tag tag-warn">{t('parcel.needsDetails')}</span> : null}
      </p>
      <p className="print-state" data-testid="print-state" data-state={parcel.printState}>
        <span className="field-label">{t('print.label')}</span>
        <span className={`tag ${PRINT_TAG[parcel.printState]}`}>{t(PRINT_LABEL[parcel.printState])}</span>
        {noPrinter ? <span className="hint">{t('intake.noPrinterHint')}</span> : null}
      </p>
      <div className="row-actions">
        {noPrinter ? null : (
          <button type="button" className="btn small" onClick={reprint}>
            {t('intake.reprint')}
          </button>
        )}
        <button type="button" className="btn small" onClick={() => setShowSlip((v) => !v)} aria-expanded={showSlip || noPrinter}>
          {t('intake.preview')}
        </button>
      </div>
      <ErrorBox error={error} />
      {showSlip || noPrinter ? (
        <PaperPreview
          channel="parcels.slip"
          id={parcel.id}
          caption={t('intake.slipPreview')}
          alt={t('intake.slipAlt', { code: parcel.pickupCodeSpoken })}
          testId="slip-preview"
          className="slip-preview"
        />
      ) : null}
    </section>
  );
}
