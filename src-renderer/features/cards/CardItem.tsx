import type { CardView } from '@shared/contract';
import { useI18n } from '../../app/i18n/I18n';
import { formatDateTime } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { CARD_STATUS, CARD_TYPE } from './labels';

/**
 * One card: number large, room, masked holder, status; the other formats. 挂失 and 退卡 while it is active;
 * 补卡 when the screen passes onReplace (it decides with canReplace).
 */
export function CardItem({
  card,
  onLost,
  onReplace,
  onReturn,
}: {
  card: CardView;
  onLost?: () => void;
  onReplace?: (() => void) | undefined;
  onReturn?: () => void;
}) {
  const { t, lang } = useI18n();
  const active = card.status === 'active';
  const forms = Object.entries(card.forms).filter(([f]) => f !== card.format);
  return (
    <article className={`card card-item card-status-${card.status}`} data-card-id={card.id} aria-label={`${card.raw} ${card.roomCode}`}>
      <div className="card-item-head">
        <span className="card-raw">{card.raw}</span>
        <span className={`tag card-tag-${card.status}`}>{t(CARD_STATUS[card.status])}</span>
        <span className="tag tag-muted">
          {t(CARD_TYPE[card.type])}
          {card.functionName ? ` · ${card.functionName}` : ''}
        </span>
      </div>
      <div className="card-item-who">
        <span className="room-code big">{card.roomCode}</span>
        <span className="card-holder">{card.holderMasked}</span>
        {card.validUntil ? (
          <span className="muted">
            {t('cards.validUntil')} {card.validUntil}
          </span>
        ) : null}
        {card.depositFen ? (
          <span className="muted">
            {t('cards.deposit')} {moneyText(card.depositFen)}
          </span>
        ) : null}
      </div>
      {card.feeOwedFen > 0 ? <p className="warn-box">{t('cards.feeOwed', { amount: moneyText(card.feeOwedFen) })}</p> : null}
      <p className="muted">
        {t('cards.issuedBy', { at: formatDateTime(card.issuedAt, lang), name: card.issuedByName })}
        {card.closedAt && card.closeNote ? ` · ${t('cards.closed', { at: formatDateTime(card.closedAt, lang), note: card.closeNote })}` : ''}
      </p>
      {forms.length ? (
        <p className="card-forms">
          <span className="muted">{t('common.label', { label: t('cards.forms') })}</span>
          {forms.map(([f, v]) => (
            <span key={f} className="card-form" title={f}>
              {v}
            </span>
          ))}
        </p>
      ) : null}
      {(active && (onLost || onReturn)) || onReplace ? (
        <div className="row-actions">
          {active && onLost ? (
            <button type="button" className="btn danger" onClick={onLost}>
              {t('cards.reportLost')}
            </button>
          ) : null}
          {onReplace ? (
            <button type="button" className="btn" onClick={onReplace}>
              {t('cards.replace')}
            </button>
          ) : null}
          {active && onReturn ? (
            <button type="button" className="btn" onClick={onReturn}>
              {t('cards.return')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
