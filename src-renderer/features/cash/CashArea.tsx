import { useEffect, useState } from 'react';
import type { CashSessionView, CloseResult } from '@shared/contract';
import { useCall } from '../../lib/query';
import { roleAtLeast } from '../../lib/roles';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useStatus } from '../../app/status';
import { useShell } from '../../app/shell-context';
import { OkNote } from '../../app/ui/Notes';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
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
  const current = useCall('cash.current', {});
  // undefined until known; null: no session open
  const session = current.data;
  const [closing, setClosing] = useState(false);
  const [closed, setClosed] = useState<CloseResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const supervisor = roleAtLeast(operator.role, 'supervisor');

  // no session open: the one this operator closed here last, until it is handed over, shows its slip again
  const lastId = session === null && !closed ? loadLastClosed(operator.id) : null;
  const lastSlip = useCall('cash.slip', { sessionId: lastId ?? 0 }, { enabled: lastId !== null });
  useEffect(() => {
    const r = lastSlip.data;
    if (!r) return;
    if (r.session.status === 'closed') setClosed(r);
    else saveLastClosed(operator.id, null);
  }, [lastSlip.data, operator.id]);
  const error = current.error ?? lastSlip.error;

  const onClosed = (r: CloseResult) => {
    saveLastClosed(operator.id, r.session.id);
    setClosing(false);
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
  }
  // closing stays on screen until the slip is in (the session is gone from cash.current a moment before)
  else if (closing) mine = <CloseSession onClosed={onClosed} onCancel={() => setClosing(false)} />;
  else if (session === null) {
    mine = (
      <OpenSession
        onOpened={() => {
          setNotice(t('cash.opened'));
          void refreshStatus();
        }}
      />
    );
  } else {
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
          <Tabs
            idBase="cash"
            label={t('area.cash')}
            tabs={[
              { id: 'mine', label: t('cash.tab.mine') },
              { id: 'sessions', label: t('cash.tab.sessions') },
            ]}
            value={tab}
            onChange={setTab}
          />
        ) : null}
      </div>
      <ErrorBox error={error} />
      <TabPanel idBase="cash" value={tab} shown={supervisor}>
        {tab === 'mine' ? mine : <SessionsList />}
      </TabPanel>
    </section>
  );
}
