import { useEffect, useState } from 'react';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { CollectScreen } from './CollectScreen';
import { PrintJobsBanner } from './PrintJobsBanner';
import { ReceiptsTab } from './ReceiptsTab';
import './fees.css';

type Tab = 'collect' | 'receipts';

/** 收费收据: 收费 (needs an open cash session of this operator) and 收据; the 未打印 list above both. */
export function FeesArea() {
  const t = useT();
  const { go, active } = useShell();
  const [tab, setTab] = useState<Tab>('collect');
  const sessionQ = useCall('cash.current', {});
  const itemsQ = useCall('fees.items.list', {});
  // undefined until known; null: no session open
  const session = sessionQ.data;
  const items = itemsQ.data ?? null;
  const error = sessionQ.error ?? itemsQ.error;
  const { refetch: checkSession } = sessionQ;

  useEffect(() => {
    if (session === null) document.getElementById('fees-title')?.focus();
  }, [session]);

  return (
    <section className="screen fees" aria-labelledby="fees-title">
      <div className="screen-head">
        <h1 id="fees-title" tabIndex={-1}>
          {t('area.fees')}
        </h1>
        <Tabs
          idBase="fees"
          label={t('area.fees')}
          tabs={[
            { id: 'collect', label: t('fees.tab.collect') },
            { id: 'receipts', label: t('fees.tab.receipts') },
          ]}
          value={tab}
          onChange={setTab}
        />
        {session ? <span className="session-chip">{t('fees.sessionOpen', { name: session.operatorName })}</span> : null}
      </div>
      <PrintJobsBanner />
      <ErrorBox error={error} />
      <TabPanel idBase="fees" value={tab}>
        <div hidden={tab !== 'collect'}>
          {session === null ? (
            <div className="card notice-card no-session">
              <p className="not-yet-lead">{t('fees.noSession')}</p>
              <p>{t('fees.noSessionWhy')}</p>
              <button type="button" className="btn primary big" onClick={() => go('cash')}>
                {t('fees.goCash')} <kbd>Alt+6</kbd>
              </button>
            </div>
          ) : null}
          {session && items ? <CollectScreen items={items} active={active && tab === 'collect'} onSessionLost={() => void checkSession()} /> : null}
          {session === undefined || (session && !items) ? <p>{t('common.loading')}</p> : null}
        </div>
        {tab === 'receipts' ? <ReceiptsTab active={active} /> : null}
      </TabPanel>
    </section>
  );
}
