import { useMemo } from 'react';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../errors';
import { useT } from '../i18n/I18n';

/** The documents main renders as they print (receiptline SVG): a receipt, a parcel's intake slip. */
export type PaperChannel = 'fees.receipts.preview' | 'parcels.slip';

interface Props {
  channel: PaperChannel;
  id: number;
  caption: string;
  alt: string;
  testId: string;
  /** beside `receipt-preview` on the figure (`slip-preview`) */
  className?: string;
}

/**
 * A document as it prints, shown as an <img> from a data: URL: the SVG is never put into the page's DOM (no
 * innerHTML), and CSP's img-src allows data:. Read again after a change to it (a reprint, a void).
 */
export function PaperPreview({ channel, id, caption, alt, testId, className }: Props) {
  const t = useT();
  const q = useCall(channel, { id });
  const paper = q.data;
  const src = useMemo(() => (paper ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(paper.svg)}` : null), [paper]);
  return (
    <figure className={className ? `receipt-preview ${className}` : 'receipt-preview'}>
      <figcaption>{caption}</figcaption>
      <ErrorBox error={q.error} />
      {paper && src ? (
        <img src={src} alt={alt} data-testid={testId} className={`paper-${paper.width}`} />
      ) : !q.error ? (
        <p className="hint">{t('common.loading')}</p>
      ) : null}
    </figure>
  );
}
