import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';

/** The intake slip as it prints (receiptline SVG from main) as an <img> from a data: URL, never as markup. */
export function SlipPreview({ id, code }: { id: number; code: string }) {
  const t = useT();
  const [src, setSrc] = useState<{ id: number; url: string; width: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    call('parcels.slip', { id })
      .then((p) => live && setSrc({ id, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(p.svg)}`, width: p.width }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <figure className="receipt-preview slip-preview">
      <figcaption>{t('intake.slipPreview')}</figcaption>
      <ErrorBox error={error} />
      {src && src.id === id ? <img src={src.url} alt={t('intake.slipAlt', { code })} data-testid="slip-preview" className={`paper-${src.width}`} /> : null}
    </figure>
  );
}
