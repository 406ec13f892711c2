import { useCallback, useEffect, useState } from 'react';
import type { CashSessionView, FeeItemView } from '@shared/contract';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
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
  const [session, setSession] = useState<CashSessionView | null | undefined>(undefined);
  const [items, setItems] = useState<FeeItemView[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const checkSession = useCallback(async () => {
    try {
      setSession(await call('cash.current', {}));
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void checkSession();
    call('fees.items.list', {})
      .then(setItems)
      .catch((e: unknown) => setError(e));
  }, [checkSession]);

  useEffect(() => {
    if (session === null) document.getElementById('fees-title')?.focus();
  }, [session]);

  return (
    <section className="screen fees" aria-labelledby="fees-title">
      <div className="screen-head">
        <h1 id="fees-title" tabIndex={-1}>
          {t('area.fees')}
        </h1>
        <div className="tabs" role="tablist" aria-label={t('area.fees')}>
          <button type="button" role="tab" className="tab" aria-selected={tab === 'collect'} onClick={() => setTab('collect')}>
            {t('fees.tab.collect')}
          </button>
          <button type="button" role="tab" className="tab" aria-selected={tab === 'receipts'} onClick={() => setTab('receipts')}>
            {t('fees.tab.receipts')}
          </button>
        </div>
        {session ? <span className="session-chip">{t('fees.sessionOpen', { name: session.operatorName })}</span> : null}
      </div>
      <PrintJobsBanner />
      <ErrorBox error={error} />
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
    </section>
  );
}
