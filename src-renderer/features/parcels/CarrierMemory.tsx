import { useState } from 'react';
import { useCall, useSend } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { OkNote } from '../../app/ui/Notes';

/**
 * 记住的快递公司 (supervisor): each remembered choice for a shape of digit-only number, who made it and on which
 * number, whether it is still applied; clear one or all (the next such number is asked again).
 */
export function CarrierMemory() {
  const { t, lang } = useI18n();
  const send = useSend();
  const list = useCall('parcels.carrierMemory.list', {});
  const rows = list.data ?? null;
  const [done, setDone] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const action = useAction();

  const clear = (key?: string) => {
    setDone(null);
    return action.start({
      run: async () => {
        const r = await send('parcels.carrierMemory.clear', key ? { key } : {});
        setDone(t('cmem.cleared', { n: r.cleared }));
        setConfirmAll(false);
      },
    });
  };

  return (
    <section className="card" aria-labelledby="cmem-title" data-testid="carrier-memory">
      <h2 id="cmem-title" className="card-head">
        {t('cmem.title')}
      </h2>
      <p className="hint">{t('cmem.hint')}</p>
      {rows && rows.length === 0 ? <p className="info-box">{t('cmem.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('cmem.shape')}</th>
              <th>{t('cmem.carrier')}</th>
              <th>{t('cmem.who')}</th>
              <th>{t('cmem.example')}</th>
              <th>{t('cmem.state')}</th>
              <th>{t('parcel.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.key} data-memory={m.key}>
                <td>{m.shape}</td>
                <td>{m.carrierName}</td>
                <td>
                  {m.byName ?? '—'}
                  {m.at ? <span className="hint"> {formatDateTime(m.at, lang)}</span> : null}
                </td>
                <td className="waybill">{m.example ?? '—'}</td>
                <td>{m.inUse ? <span className="tag tag-ok">{t('cmem.inUse')}</span> : <span className="tag tag-muted">{t('cmem.unused')}</span>}</td>
                <td>
                  <button type="button" className="btn small" disabled={action.busy} onClick={() => void clear(m.key)}>
                    {t('cmem.clear')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ErrorBox error={action.error ?? list.error} />
      <OkNote text={done} />
      {rows && rows.length > 1 ? (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setConfirmAll(true)}>
            {t('cmem.clearAll')}
          </button>
        </div>
      ) : null}
      {confirmAll && rows ? (
        <ConfirmDialog
          title={t('cmem.clearAll')}
          message={t('cmem.confirmAll', { n: rows.length })}
          confirmLabel={t('cmem.clearAll')}
          danger
          busy={action.busy}
          onConfirm={() => void clear()}
          onCancel={() => setConfirmAll(false)}
        />
      ) : null}
    </section>
  );
}
