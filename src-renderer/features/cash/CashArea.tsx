import { useCallback, useEffect, useState } from 'react';
import type { CashSessionView, CloseResult } from '@shared/contract';
import { call } from '../../lib/api';
import { roleAtLeast } from '../../lib/roles';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useStatus } from '../../app/status';
import { useShell } from '../../app/shell-context';
import { OkNote } from '../../app/ui/Notes';
import { CloseSession } from './CloseSession';
import { CloseSlip } from './CloseSlip';
import { HandoverForm } from './HandoverForm';
import { loadLastClosed, saveLastClosed } from './lastClosed';
import { OpenSession } from './OpenSession';
import { SessionPanel } from './SessionPanel';
import { SessionsList } from './SessionsList';
import './cash.css';

type Tab = 'mine' | 'sessions';

/**
 * 备用金: open with a counted float → cash in/out → blind close (supervisor for a variance over the limit)
 * → the close slip → hand-over to finance. Supervisors also see the recent sessions.
 */
export function CashArea() {
  const t = useT();
  const { operator, go } = useShell();
  const { refresh: refreshStatus } = useStatus();
  const [tab, setTab] = useState<Tab>('mine');
  const [session, setSession] = useState<CashSessionView | null | undefined>(undefined);
  const [closing, setClosing] = useState(false);
  const [closed, setClosed] = useState<CloseResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const supervisor = roleAtLeast(operator.role, 'supervisor');

  const load = useCallback(async () => {
    try {
      const s = await call('cash.current', {});
      setSession(s);
      const last = s ? null : loadLastClosed(operator.id);
      if (last !== null) {
        const r = await call('cash.slip', { sessionId: last });
        if (r.session.status === 'closed') setClosed(r);
        else saveLastClosed(operator.id, null);
      }
    } catch (e) {
      setError(e);
    }
  }, [operator.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const onClosed = (r: CloseResult) => {
    saveLastClosed(operator.id, r.session.id);
    setClosing(false);
    setSession(null);
    setClosed(r);
    void refreshStatus();
  };

  const onHandedOver = (s: CashSessionView) => {
    saveLastClosed(operator.id, null);
    setClosed(closed ? { ...closed, session: s } : null);
    setNotice(t('handover.done', { name: s.handedOverTo ?? '' }));
  };

  let mine;
  if (session === undefined) mine = <p>{t('common.loading')}</p>;
  else if (closed) {
    mine = (
      <>
        <CloseSlip result={closed} />
        {closed.session.status === 'closed' ? <HandoverForm session={closed.session} onDone={onHandedOver} /> : null}
        <OkNote text={notice} />
        {closed.session.status === 'handed_over' ? (
          <div className="form-actions">
            <button
              type="button"
              className="btn primary big"
              onClick={() => {
                setClosed(null);
                setNotice(null);
              }}
            >
              {t('cash.startNew')}
            </button>
          </div>
        ) : null}
      </>
    );
  } else if (session === null) {
    mine = (
      <OpenSession
        onOpened={(s) => {
          setSession(s);
          setNotice(t('cash.opened'));
          void refreshStatus();
        }}
      />
    );
  } else if (closing) mine = <CloseSession onClosed={onClosed} onCancel={() => setClosing(false)} />;
  else {
    mine = (
      <>
        <OkNote text={notice} />
        {notice ? (
          <p>
            <button type="button" className="btn" onClick={() => go('fees')}>
              {t('cash.toFees')} <kbd>Alt+5</kbd>
            </button>
          </p>
        ) : null}
        <SessionPanel
          session={session}
          onChange={setSession}
          onClose={() => {
            setNotice(null);
            setClosing(true);
          }}
        />
      </>
    );
  }

  return (
    <section className="screen cash" aria-labelledby="cash-title">
      <div className="screen-head">
        <h1 id="cash-title" tabIndex={-1}>
          {t('area.cash')}
        </h1>
        {supervisor ? (
          <div className="tabs" role="tablist" aria-label={t('area.cash')}>
            <button type="button" role="tab" className="tab" aria-selected={tab === 'mine'} onClick={() => setTab('mine')}>
              {t('cash.tab.mine')}
            </button>
            <button type="button" role="tab" className="tab" aria-selected={tab === 'sessions'} onClick={() => setTab('sessions')}>
              {t('cash.tab.sessions')}
            </button>
          </div>
        ) : null}
      </div>
      <ErrorBox error={error} />
      {tab === 'mine' ? mine : <SessionsList />}
    </section>
  );
}
