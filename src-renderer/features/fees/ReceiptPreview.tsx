import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';

/**
 * The receipt as it prints (receiptline SVG from main), shown as an <img> from a data: URL: the SVG is
 * never put into the page's DOM (no innerHTML), and CSP's img-src allows data:. `version` reloads it.
 */
export function ReceiptPreview({ id, receiptNo, version = 0 }: { id: number; receiptNo: string; version?: number }) {
  const t = useT();
  const [src, setSrc] = useState<{ id: number; url: string; width: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    call('fees.receipts.preview', { id })
      .then((p) => live && setSrc({ id, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(p.svg)}`, width: p.width }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id, version]);

  return (
    <figure className="receipt-preview">
      <figcaption>{t('receipt.preview')}</figcaption>
      <ErrorBox error={error} />
      {src && src.id === id ? (
        <img src={src.url} alt={t('receipt.previewAlt', { no: receiptNo })} data-testid="receipt-preview" className={`paper-${src.width}`} />
      ) : !error ? (
        <p className="hint">{t('common.loading')}</p>
      ) : null}
    </figure>
  );
}
