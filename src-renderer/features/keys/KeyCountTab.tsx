import { useState, type FormEvent } from 'react';
import type { KeyCountView, KeyLoanView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { formatDateTime } from '../../lib/format';
import { LoanTable } from './LoanTable';

/** 交接清点: what the board should hold vs what is out; record the count, a difference explained. */
export function KeyCountTab({
  count,
  onReturn,
  onRecorded,
}: {
  count: KeyCountView;
  onReturn: (l: KeyLoanView) => void;
  onRecorded: (c: KeyCountView) => void;
}) {
  const { t, lang } = useI18n();
  const action = useAction();
  const send = useSend();
  const [counted, setCounted] = useState('');
  const [why, setWhy] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (/^\d{1,5}$/.test(counted.trim()) ? null : t('count.counted')),
      run: async () => {
        onRecorded(await send('keys.recordCount', { counted: Number(counted.trim()), ...(why.trim() && { explanation: why.trim() }) }));
        setCounted('');
        setWhy('');
      },
    });
  };
  return (
    <div className="card">
      <div className="stat-row key-stats">
        <div className="stat">
          <span className="stat-num">{count.expectedOnBoard}</span>
          <span className="stat-label">{t('count.expected')}</span>
        </div>
        <div className="stat">
          <span className="stat-num">{count.out}</span>
          <span className="stat-label">{t('count.out')}</span>
        </div>
        <div className={`stat${count.overdue ? ' stat-error' : ''}`}>
          <span className="stat-num">{count.overdue}</span>
          <span className="stat-label">{t('count.overdue')}</span>
        </div>
        <div className="stat">
          <span className="stat-num">{count.lost}</span>
          <span className="stat-label">{t('count.lost')}</span>
        </div>
      </div>
      {count.lastCount ? (
        <p className="hint">
          {t('count.last', {
            at: formatDateTime(count.lastCount.at, lang),
            name: count.lastCount.operatorName,
            expected: count.lastCount.expectedOnBoard,
            counted: count.lastCount.counted,
          })}
          {count.lastCount.explanation ? t('common.paren', { x: count.lastCount.explanation }) : ''}
        </p>
      ) : null}
      <form className="form count-form" onSubmit={(e) => void submit(e)}>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('count.counted')}</span>
            <input name="counted" inputMode="numeric" value={counted} maxLength={5} onChange={(e) => setCounted(e.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">{t('count.explanation')}</span>
            <input
              name="count-explanation"
              value={why}
              maxLength={200}
              onChange={(e) => setWhy(e.target.value)}
              autoComplete="off"
              aria-describedby="count-why-hint"
            />
            <span className="field-hint" id="count-why-hint">
              {t('count.explanationHint')}
            </span>
          </label>
        </div>
        <ErrorBox error={action.error} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={action.busy}>
            {t('count.submit')}
          </button>
        </div>
      </form>
      {count.outLoans.length ? (
        <>
          <h2 className="section-title">{t('count.outList')}</h2>
          <LoanTable loans={count.outLoans} onReturn={onReturn} />
        </>
      ) : null}
    </div>
  );
}
