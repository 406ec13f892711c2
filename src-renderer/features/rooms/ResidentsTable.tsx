import type { RoomResidentView } from '@shared/contract/rooms';
import { useI18n } from '../../app/i18n/I18n';
import { formatDate } from '../../lib/format';
import { RESIDENT_KIND } from './labels';

export type ResidentAction =
  | { kind: 'editPerson'; resident: RoomResidentView }
  | { kind: 'end'; resident: RoomResidentView }
  | { kind: 'transfer'; resident: RoomResidentView }
  | { kind: 'erase'; resident: RoomResidentView };

/** The room's residents, current first: kind, name, masked phone, move-in and move-out (a tenant's lease end), and what can be done. */
export function ResidentsTable({ residents, onAction }: { residents: RoomResidentView[]; onAction: (a: ResidentAction) => void }) {
  const { t, lang } = useI18n();
  if (residents.length === 0) return <p className="hint">{t('rooms.noResidents')}</p>;
  return (
    <div className="table-wrap">
      <table className="table rooms-residents" data-testid="room-residents">
        <thead>
          <tr>
            <th scope="col">{t('rooms.col.kind')}</th>
            <th scope="col">{t('rooms.col.name')}</th>
            <th scope="col">{t('rooms.col.phone')}</th>
            <th scope="col">{t('rooms.col.moveIn')}</th>
            <th scope="col">{t('rooms.col.moveOut')}</th>
            <th scope="col">
              <span className="sr-only">{t('rooms.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {residents.map((r) => (
            <tr key={r.id} className={r.current ? undefined : 'rooms-past'} data-resident={r.id}>
              <td>
                <span className={`tag kind-${r.kind}`}>{t(RESIDENT_KIND[r.kind])}</span>
              </td>
              <td>{r.erased ? <span className="muted">{t('rooms.erased')}</span> : r.name}</td>
              <td className="phone-masked rooms-nowrap">{r.phoneMasked || '—'}</td>
              <td className="rooms-nowrap">{r.moveIn ? formatDate(r.moveIn, lang) : '—'}</td>
              <td className="rooms-nowrap">
                {r.moveOut ? formatDate(r.moveOut, lang) : r.current ? <span className="tag tag-ok">{t('rooms.living')}</span> : '—'}
                {r.kind === 'tenant' && r.leaseEnd && r.current ? (
                  <span className="rooms-lease">{t('rooms.leaseTo', { d: formatDate(r.leaseEnd, lang) })}</span>
                ) : null}
              </td>
              <td className="rooms-actions">
                <div className="rooms-actions-inner">
                  {r.current ? (
                    <>
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => onAction({ kind: 'editPerson', resident: r })}
                        aria-label={t('rooms.editOf', { name: r.name })}
                      >
                        {t('rooms.edit')}
                      </button>
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => onAction({ kind: 'end', resident: r })}
                        aria-label={t(r.kind === 'tenant' ? 'rooms.tenantOutOf' : 'rooms.endOf', { name: r.name })}
                      >
                        {t(r.kind === 'tenant' ? 'rooms.tenantOut' : 'rooms.end')}
                      </button>
                      {r.kind === 'owner' ? (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() => onAction({ kind: 'transfer', resident: r })}
                          aria-label={t('rooms.transferOf', { name: r.name })}
                        >
                          {t('rooms.transfer')}
                        </button>
                      ) : null}
                    </>
                  ) : null}
                  {!r.erased ? (
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => onAction({ kind: 'erase', resident: r })}
                      aria-label={t('rooms.eraseOf', { name: r.name })}
                    >
                      {t('rooms.erase')}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
