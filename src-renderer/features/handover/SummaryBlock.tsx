import type { ReactNode } from 'react';
import type { HandoverSummary } from '@shared/contract';
import { formatDateTime } from '../../lib/format';
import { moneyText } from '../../lib/money';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n, type T } from '../../app/i18n/I18n';
import { coreText } from '../../app/i18n/core-text';

type Available<K extends keyof Omit<HandoverSummary, 'at'>> = Extract<HandoverSummary[K], { available: true }>;

/** The shift's cash: each session closed in it (交款单, expected, counted, variance, approver), then the open one. */
function CashPart({ c }: { c: Available<'cash'> }) {
  const { t, lang } = useI18n();
  return (
    <div className="ho-cash">
      {c.closed.length ? (
        <ul className="ho-cash-closed" data-testid="ho-cash-closed">
          {c.closed.map((s) => (
            <li key={s.sessionId} data-testid="ho-cash-session">
              <strong>{t('ho.cashSlip', { id: s.sessionId })}</strong> {t('ho.cashClosedBy', { name: s.operatorName, at: formatDateTime(s.closedAt, lang) })}
              <span className="ho-cash-figures">
                {t('ho.cashExpected')} <span className="num">{moneyText(s.expectedFen)}</span> · {t('ho.cashCounted')}{' '}
                <span className="num">{moneyText(s.countedFen)}</span> · {t('ho.cashVariance')}{' '}
                <span className={`num${s.varianceFen !== 0 ? ' warn-text' : ''}`}>{moneyText(s.varianceFen)}</span>
                {s.varianceFen < 0 ? ` ${t('ho.cashShort')}` : s.varianceFen > 0 ? ` ${t('ho.cashOver')}` : ''}
              </span>
              <span className="hint">
                {s.approverName ? t('ho.cashApprovedBy', { name: s.approverName }) : t('ho.cashNoApproval')}
                {s.handedOverTo ? ` · ${t('ho.cashHandedTo', { name: s.handedOverTo })}` : ` · ${t('ho.cashNotHanded')}`}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <span>{t('ho.cashNoneClosed')}</span>
      )}
      <span>{c.open ? t('ho.cashOpen', { name: c.operatorName ?? '', float: moneyText(c.floatFen ?? 0), n: c.receipts }) : t('ho.cashClosed')}</span>
      {c.since ? <span className="hint">{t('ho.cashSince', { at: formatDateTime(c.since, lang) })}</span> : null}
    </div>
  );
}

/** Blank cards on hand; a record that needs a count (or an old one frozen below zero) never shows as a number. */
const blank = (n: number | null, t: T) => (n === null || n < 0 ? t('ho.cardsUncounted') : t('ho.cardsN', { n }));

/** Room codes (data, the same in both languages): the first six, then how many more. */
const codes = (list: readonly string[]) => (list.length > 6 ? `${list.slice(0, 6).join(' ')} +${list.length - 6}` : list.join(' '));

/** The handover summary as generated (or as frozen in a handover): each part, or why it is missing. */
export function SummaryBlock({ s }: { s: HandoverSummary }) {
  const { t, lang } = useI18n();
  const line = <K extends keyof Omit<HandoverSummary, 'at'>>(k: K, label: MsgKey, body: (v: Available<K>) => ReactNode) => {
    const v = s[k];
    return (
      <>
        <dt>{t(label)}</dt>
        <dd>{v.available ? body(v as Available<K>) : <span className="hint">{t('ho.notAvailable', { reason: coreText(v.reason, lang) })}</span>}</dd>
      </>
    );
  };
  return (
    <dl className="facts ho-summary" data-testid="ho-summary">
      {line('cash', 'ho.cash', (c) => (
        <CashPart c={c} />
      ))}
      {line('keys', 'ho.keys', (k) => t('ho.keysLine', { out: k.out, overdue: k.overdue, onBoard: k.onBoard }))}
      {line('cards', 'ho.cards', (c) => t('ho.cardsLine', { a: blank(c.blankAccess, t), f: blank(c.blankFunction, t) }))}
      {line('parcels', 'ho.parcels', (p) => t('ho.parcelsLine', { n: p.inStock, o: p.overdue, days: p.overdueDays }))}
      {line('requests', 'ho.requests', (r) => t('ho.requestsLine', { open: r.open, late: r.late, cb: r.toCallBack }))}
      {line('receivables', 'ho.receivables', (r) => (
        <span data-testid="ho-receivables">{t('ho.receivablesLine', { total: moneyText(r.settledFen), earlier: moneyText(r.earlierMonthsFen) })}</span>
      ))}
      {line('rooms', 'ho.rooms', (r) => (
        <span className="ho-rooms" data-testid="ho-rooms">
          <span>
            {t('ho.roomsMoveIns', { n: r.moveIns.length })}
            {r.moveIns.length ? <span className="hint"> {codes(r.moveIns)}</span> : null}
          </span>
          <span>{t('ho.roomsDecoration', { review: r.toReview, accept: r.toAccept })}</span>
          <span className={r.patrolsDue.length ? 'warn-text' : undefined}>
            {t('ho.roomsPatrols', { n: r.patrolsDue.length })}
            {r.patrolsDue.length ? <span className="hint"> {codes(r.patrolsDue)}</span> : null}
          </span>
        </span>
      ))}
    </dl>
  );
}
