import type { KeyLoanView } from '@shared/contract';
import { useI18n } from '../../app/i18n/I18n';
import { formatDateTime } from '../../lib/format';
import { BORROWER, CONDITION, KIND, PURPOSE } from './labels';

/** Loans: overdue ones highlighted; the return button on open ones. Names and phones come masked from main. */
export function LoanTable({ loans, onReturn, showReturned }: { loans: KeyLoanView[]; onReturn: (l: KeyLoanView) => void; showReturned?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table loan-table">
        <thead>
          <tr>
            <th>{t('keys.tag')}</th>
            <th>{t('keys.label')}</th>
            <th>{t('lend.name')}</th>
            <th>{t('lend.purpose')}</th>
            <th>{t('hist.lentAt')}</th>
            <th>{t('lend.due')}</th>
            {showReturned ? <th>{t('hist.returnedAt')}</th> : null}
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((l) => (
            <tr key={l.id} data-loan-tag={l.keyTag} className={l.overdue ? 'row-overdue' : undefined}>
              <td className="key-tag">{l.keyTag}</td>
              <td>
                <span className={`tag key-kind-${l.keyKind}`}>{t(KIND[l.keyKind])}</span> {l.keyLabel}{' '}
                {l.roomCode ? <span className="room-code">{l.roomCode}</span> : null}
              </td>
              <td>
                {l.borrowerMasked}
                {t('common.paren', { x: t(BORROWER[l.borrowerType]) })}
                {l.phoneMasked ? <span className="muted"> {l.phoneMasked}</span> : null}
                {l.company ? <span className="muted"> · {l.company}</span> : null}
                <span className="muted small-line">{l.idCheckedMasked}</span>
              </td>
              <td>
                {t(PURPOSE[l.purpose])}
                {l.purposeNote ? <span className="muted"> · {l.purposeNote}</span> : null}
              </td>
              <td>
                {formatDateTime(l.lentAt, lang)}
                <span className="muted small-line">
                  {t('hist.by')} {l.lentByName}
                  {l.approverName ? ` / ${l.approverName}` : ''}
                </span>
              </td>
              <td className={l.overdue ? 'due overdue' : 'due'}>
                {formatDateTime(l.dueAt, lang)}
                {l.overdue ? <strong className="tag tag-bad"> {t('keys.overdueTag')}</strong> : null}
              </td>
              {showReturned ? (
                <td>
                  {l.returnedAt ? formatDateTime(l.returnedAt, lang) : ''}
                  {l.returnCondition ? <span className="muted"> {t(CONDITION[l.returnCondition])}</span> : null}
                  {l.returnNote ? <span className="muted small-line">{l.returnNote}</span> : null}
                </td>
              ) : null}
              <td className="row-actions">
                {!l.returnedAt ? (
                  <button type="button" className="btn" onClick={() => onReturn(l)}>
                    {t('keys.return')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
