import { formatDateTime } from '../../lib/format';
import { formatFen, moneyText } from '../../lib/money';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';

/**
 * The room's open matters, shown before a removal pass is issued: keys on loan to the room, cards in use,
 * unpaid fees (the room's dues when its fees are billed by month: the total and the months; else the core's
 * word on why they are not known). The receptionist decides as the property's rules say.
 */
export function RoomIssuesPanel({ roomId, owed }: { roomId: number; owed: { totalFen: number; months: number } | null }) {
  const { t, lang } = useI18n();
  const q = useCall('visitors.removal.openIssues', { roomId });
  const r = q.data;
  return (
    <section
      className={`vis-issues${r?.any || (owed?.totalFen ?? 0) > 0 ? ' vis-issues-some' : ''}`}
      aria-labelledby="vis-issues-title"
      data-testid="room-issues"
    >
      <h3 id="vis-issues-title" className="field-label">
        {t('vis.issues.title', { room: r?.roomCode ?? '' })}
      </h3>
      <ErrorBox error={q.error} />
      {!r ? (
        q.error ? null : (
          <p className="hint">{t('common.loading')}</p>
        )
      ) : (
        <ul className="vis-issues-list">
          {!r.any && !(owed && owed.totalFen > 0) ? <li>{t('vis.issues.none')}</li> : null}
          {r.keysOnLoan.map((k) => (
            <li key={`k-${k.tag}`}>
              {t('vis.issues.key', { tag: k.tag, label: k.label, who: k.borrowerMasked, due: formatDateTime(k.dueAt, lang) })}
              {k.overdue ? <strong className="tag tag-bad">{t('vis.overdueTag')}</strong> : null}
            </li>
          ))}
          {r.activeCards.length > 0 ? <li>{t('vis.issues.cards', { n: r.activeCards.length })}</li> : null}
          {owed ? (
            owed.totalFen > 0 ? (
              <li data-testid="room-owed">
                <strong>{t('vis.issues.owed', { amount: moneyText(owed.totalFen), n: owed.months })}</strong>
              </li>
            ) : (
              <li>{t('vis.issues.noneOwed')}</li>
            )
          ) : r.unpaidFees.available ? (
            r.unpaidFees.totalFen > 0 ? (
              <li>{t('vis.issues.fees', { amount: formatFen(r.unpaidFees.totalFen) })}</li>
            ) : null
          ) : (
            <li className="muted">{t('vis.issues.feesUnknown', { reason: r.unpaidFees.reason })}</li>
          )}
        </ul>
      )}
    </section>
  );
}
