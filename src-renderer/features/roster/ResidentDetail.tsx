import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useOpenRoom } from '../../app/useOpenRoom';
import { KIND_LABEL } from './labels';
import { PhoneReveal } from './PhoneReveal';
import { RoomDues } from './RoomDues';

/** One resident: room, building, area, dates, the others in the room, the masked phone (reveal on demand). */
export function ResidentDetail({ id, onOpen }: { id: number; onOpen: (id: number) => void }) {
  const t = useT();
  const openRoom = useOpenRoom();
  const q = useCall('roster.get', { id });
  const d = q.data;

  if (q.error) return <ErrorBox error={q.error} />;
  if (!d) return <p className="detail-empty">{t('common.loading')}</p>;
  const others = d.roommates.filter((r) => r.id !== d.id);
  return (
    <article className="detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <span className="room-code big">{d.roomCode}</span>
        <h2 id="detail-title" className="detail-name">
          {d.name}
        </h2>
        <span className={`tag kind-${d.kind}`}>{t(KIND_LABEL[d.kind])}</span>
        {d.movedOut ? <span className="tag tag-out">{t('roster.movedOut')}</span> : null}
        {openRoom ? (
          <button type="button" className="btn small" onClick={() => openRoom(d.roomId)} aria-label={t('rooms.openFileOf', { code: d.roomCode })}>
            {t('rooms.openFile')} <kbd>F4</kbd>
          </button>
        ) : null}
      </header>
      <dl className="facts">
        <dt>{t('detail.building')}</dt>
        <dd>{d.buildingName || '—'}</dd>
        <dt>{t('detail.area')}</dt>
        <dd>{d.areaM2 ? t('detail.areaValue', { m2: d.areaM2 }) : '—'}</dd>
        <dt>{t('detail.moveIn')}</dt>
        <dd>{d.moveIn ?? '—'}</dd>
        <dt>{t('detail.moveOut')}</dt>
        <dd>{d.moveOut ?? t('detail.notMovedOut')}</dd>
        <dt>{t('detail.phone')}</dt>
        <dd>
          <PhoneReveal id={d.id} masked={d.phoneMasked} />
        </dd>
        {d.note ? (
          <>
            <dt>{t('detail.note')}</dt>
            <dd className="note">{d.note}</dd>
          </>
        ) : null}
      </dl>
      <RoomDues roomId={d.roomId} roomCode={d.roomCode} name={d.name} />
      <h3>{t('detail.roommates')}</h3>
      {others.length === 0 ? (
        <p className="hint">{t('detail.noRoommates')}</p>
      ) : (
        <ul className="roommates">
          {others.map((r) => (
            <li key={r.id}>
              <button type="button" className="roommate" onClick={() => onOpen(r.id)}>
                <span className="result-name">{r.name}</span>
                <span className={`tag kind-${r.kind}`}>{t(KIND_LABEL[r.kind])}</span>
                <span className="phone-masked">{r.phoneMasked || t('roster.noPhone')}</span>
                {r.movedOut ? <span className="tag tag-out">{t('roster.movedOut')}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
