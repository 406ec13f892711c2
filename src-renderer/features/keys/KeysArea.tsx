import { useState } from 'react';
import type { KeyLoanView, KeyView } from '@shared/contract';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { OkNote } from '../../app/ui/Notes';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { formatDateTime } from '../../lib/format';
import { roleAtLeast } from '../../lib/roles';
import { AddKeyDialog } from './AddKeyDialog';
import { KeyCountTab } from './KeyCountTab';
import { LoanTable } from './LoanTable';
import { LendDialog } from './LendDialog';
import { ReturnDialog } from './ReturnDialog';
import { BORROWER, KIND, STATUS } from './labels';
import './keys.css';

type Tab = 'board' | 'overdue' | 'count' | 'history';
/** Overdue is a matter of time: the board is read again now and then. */
const POLL_MS = 30_000;

/** 钥匙 (Alt+3): the board (lend / return), overdue loans highlighted, the shift count, the history. */
export function KeysArea() {
  const { t, lang } = useI18n();
  const { operator } = useShell();
  const [tab, setTab] = useState<Tab>('board');
  const [q, setQ] = useState('');
  const poll = { refetchInterval: POLL_MS };
  const keysQ = useCall('keys.list', q.trim() ? { q: q.trim() } : {}, { ...poll, keepPrevious: true });
  const overdueQ = useCall('keys.overdue', {}, poll);
  const countQ = useCall('keys.count', {}, poll);
  const historyQ = useCall('keys.loans', { limit: 100 }, poll);
  const keys = keysQ.data ?? null;
  const overdue = overdueQ.data ?? [];
  const count = countQ.data ?? null;
  const history = historyQ.data ?? [];
  const error = keysQ.error ?? overdueQ.error ?? countQ.error ?? historyQ.error;
  const [note, setNote] = useState<string | null>(null);
  const [lending, setLending] = useState<KeyView | null>(null);
  const [returning, setReturning] = useState<KeyLoanView | null>(null);
  const [adding, setAdding] = useState(false);

  const done = (msg: string) => {
    setNote(msg);
    setLending(null);
    setReturning(null);
    setAdding(false);
  };

  return (
    <section className="screen keys" aria-labelledby="keys-title">
      <div className="screen-head">
        <h1 id="keys-title" tabIndex={-1}>
          {t('area.keys')}
        </h1>
        <Tabs
          idBase="keys"
          label={t('area.keys')}
          tabs={[
            { id: 'board', label: t('keys.tab.board') },
            { id: 'overdue', label: overdue.length ? `${t('keys.tab.overdue')} (${overdue.length})` : t('keys.tab.overdue') },
            { id: 'count', label: t('keys.tab.count') },
            { id: 'history', label: t('keys.tab.history') },
          ]}
          value={tab}
          onChange={setTab}
        />
      </div>
      {overdue.length > 0 && tab !== 'overdue' ? (
        <p className="warn-box overdue-banner" role="status">
          <strong>{t('keys.overdueCount', { n: overdue.length })}</strong>{' '}
          <button type="button" className="btn small" onClick={() => setTab('overdue')}>
            {t('keys.tab.overdue')}
          </button>
        </p>
      ) : null}
      <OkNote text={note} />
      <ErrorBox error={error} />
      <TabPanel idBase="keys" value={tab}>
        {tab === 'board' ? (
          <div className="card">
            <div className="toolbar">
              <label className="field grow">
                <span className="field-label">{t('keys.filter')}</span>
                <input
                  type="search"
                  name="key-filter"
                  className="search-input compact"
                  value={q}
                  placeholder={t('keys.filterPlaceholder')}
                  onChange={(e) => setQ(e.target.value)}
                  autoComplete="off"
                />
              </label>
              {roleAtLeast(operator.role, 'supervisor') ? (
                <button type="button" className="btn" onClick={() => setAdding(true)}>
                  {t('keys.add')}
                </button>
              ) : null}
            </div>
            {keys && keys.length === 0 ? <p className="hint">{q.trim() ? t('keys.noMatch') : t('keys.none')}</p> : null}
            {keys && keys.length > 0 ? (
              <div className="table-wrap">
                <table className="table key-table">
                  <thead>
                    <tr>
                      <th>{t('keys.tag')}</th>
                      <th>{t('keys.kind')}</th>
                      <th>{t('keys.label')}</th>
                      <th>{t('keys.room')}</th>
                      <th>{t('keys.hook')}</th>
                      <th>{t('keys.status')}</th>
                      <th>{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {keys.map((k) => (
                      <tr key={k.id} data-key-tag={k.tag} className={k.loan?.overdue ? 'row-overdue' : undefined}>
                        <td className="key-tag">{k.tag}</td>
                        <td>
                          <span className={`tag key-kind-${k.kind}`}>{t(KIND[k.kind])}</span>
                        </td>
                        <td>{k.label}</td>
                        <td className="room-code">{k.roomCode ?? ''}</td>
                        <td>{k.hook}</td>
                        <td>
                          <span className={`tag key-status-${k.status}`}>{t(STATUS[k.status])}</span>
                          {k.loan ? (
                            <span className="loan-line">
                              {t('keys.outTo', { who: k.loan.borrowerMasked, type: t(BORROWER[k.loan.borrowerType]), due: formatDateTime(k.loan.dueAt, lang) })}
                              {k.loan.overdue ? <strong className="tag tag-bad"> {t('keys.overdueTag')}</strong> : null}
                            </span>
                          ) : null}
                        </td>
                        <td className="row-actions">
                          {k.status === 'on_board' ? (
                            <button type="button" className="btn primary" onClick={() => setLending(k)}>
                              {t('keys.lend')}
                            </button>
                          ) : null}
                          {k.loan ? (
                            <button type="button" className="btn" onClick={() => setReturning(k.loan)}>
                              {t('keys.return')}
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {keys === null ? <p>{t('common.loading')}</p> : null}
          </div>
        ) : null}

        {tab === 'overdue' ? (
          <div className="card">{overdue.length ? <LoanTable loans={overdue} onReturn={setReturning} /> : <p className="ok-box">{t('keys.noOverdue')}</p>}</div>
        ) : null}
        {tab === 'count' && count ? <KeyCountTab count={count} onReturn={setReturning} onRecorded={() => setNote(t('count.recorded'))} /> : null}
        {tab === 'history' ? (
          <div className="card">
            {history.length ? <LoanTable loans={history} onReturn={setReturning} showReturned /> : <p className="hint">{t('hist.none')}</p>}
          </div>
        ) : null}
      </TabPanel>

      {lending ? (
        <LendDialog
          keyItem={lending}
          onCancel={() => setLending(null)}
          onDone={(l) => done(t('lend.done', { tag: l.keyTag, due: formatDateTime(l.dueAt, lang) }))}
        />
      ) : null}
      {returning ? <ReturnDialog loan={returning} onCancel={() => setReturning(null)} onDone={(l) => done(t('ret.done', { tag: l.keyTag }))} /> : null}
      {adding ? <AddKeyDialog onCancel={() => setAdding(false)} onDone={(k) => done(t('keys.saved', { tag: k.tag }))} /> : null}
    </section>
  );
}
