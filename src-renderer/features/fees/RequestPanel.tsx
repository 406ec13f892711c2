import type { RefObject } from 'react';
import type { ReceiptView } from '@shared/contract';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import type { Params } from '../../app/i18n/I18n';
import { useT } from '../../app/i18n/I18n';
import { OkNote } from '../../app/ui/Notes';
import { moneyText } from '../../lib/money';
import type { CollectRequest } from './collectRequest';
import type { PrefillNote } from './requestPrefill';

/** The link of a posted receipt to what it paid for: being made, made (what was linked), or failed (why). */
export type LinkState =
  | { req: CollectRequest; receipt: ReceiptView; state: 'linking' }
  | { req: CollectRequest; receipt: ReceiptView; state: 'done'; text: { key: MsgKey; params: Params } }
  | { req: CollectRequest; receipt: ReceiptView; state: 'failed'; error: unknown };

/** Above the collect screen while another screen's charge is filled in: what it is for; 不关联 drops it. */
export function RequestBanner({ req, note, onDrop }: { req: CollectRequest; note: PrefillNote; onDrop: () => void }) {
  const t = useT();
  return (
    <div className="info-box collect-request" data-testid="collect-request">
      <p>
        <strong>{t(req.purpose.key, req.purpose.params)}</strong> {t('collect.request.auto')}
      </p>
      {note?.kind === 'noItem' ? <p className="warn-text">{t('collect.request.noItem', { item: req.itemName })}</p> : null}
      {note?.kind === 'priceDiffers' ? (
        <p className="warn-text">{t('collect.request.priceDiffers', { item: req.itemName, owed: moneyText(req.amountFen), unit: moneyText(note.unitFen) })}</p>
      ) : null}
      <button type="button" className="btn small" onClick={onDrop}>
        {t('collect.request.drop')}
      </button>
    </div>
  );
}

/** Under 收款成功: the receipt linked (or why not, with 重试), and the one key back to the screen that asked. */
export function RequestLinked({
  link,
  onRetry,
  onReturn,
  returnRef,
}: {
  link: LinkState;
  onRetry: () => void;
  onReturn: () => void;
  returnRef: RefObject<HTMLButtonElement | null>;
}) {
  const t = useT();
  return (
    <div className="collect-linked" data-testid="collect-linked">
      {link.state === 'linking' ? <p className="hint">{t('collect.request.linking', { no: link.receipt.receiptNo })}</p> : null}
      {link.state === 'done' ? <OkNote text={t(link.text.key, link.text.params)} /> : null}
      {link.state === 'failed' ? (
        <>
          <ErrorBox error={link.error} />
          <button type="button" className="btn" onClick={onRetry}>
            {t('collect.request.retry')}
          </button>
        </>
      ) : null}
      <button ref={returnRef} type="button" className="btn primary big" onClick={onReturn}>
        {t(link.req.returnLabel)} <kbd>Enter</kbd>
      </button>
    </div>
  );
}
