import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_WEDGE, type ScanSource } from '@shared/scan-wedge';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { DailyTab } from './DailyTab';
import { IntakeScreen } from './IntakeScreen';
import { intakeStore, useIntakeStore } from './intakeStore';
import { OverdueTab } from './OverdueTab';
import { ParcelSettingsTab } from './ParcelSettingsTab';
import { PickupScreen } from './PickupScreen';
import { useWedge } from './useWedge';
import './parcels.css';

type Tab = 'intake' | 'pickup' | 'overdue' | 'daily' | 'settings';
const TABS: { id: Tab; label: MsgKey }[] = [
  { id: 'intake', label: 'parcels.tab.intake' },
  { id: 'pickup', label: 'parcels.tab.pickup' },
  { id: 'overdue', label: 'parcels.tab.overdue' },
  { id: 'daily', label: 'parcels.tab.daily' },
  { id: 'settings', label: 'parcels.tab.settings' },
];

/**
 * 快递: 入库 (scan → carrier → recipient → slot → pickup code), 出库 (code, scan or room), 滞留, 日报, 设置.
 * The scanner works on every tab: on 入库 a scan is queued for intake, on 出库 it looks the parcel up, on
 * 日报 it searches. Scans waiting in the queue survive leaving the area.
 */
export function ParcelsArea() {
  const t = useT();
  const { active } = useShell();
  const store = useIntakeStore();
  const [tab, setTab] = useState<Tab>('intake');
  const settingsQ = useCall('parcels.settings.get', {});
  const settings = settingsQ.data ?? null;
  const [pickupScan, setPickupScan] = useState<{ code: string; n: number } | null>(null);
  const [dailyScan, setDailyScan] = useState<{ code: string; n: number } | null>(null);

  const wedge = useMemo(() => ({ ...DEFAULT_WEDGE, ...(settings?.scanner ?? {}) }), [settings]);

  const onScan = useCallback(
    (code: string, source: ScanSource) => {
      if (tab === 'intake') intakeStore.push(code, source);
      // a lookup scan while a dialog is open (an approval, a return) is not acted on: it would pull the
      // screen away from under the dialog. Intake scans are always queued.
      else if (document.querySelector('dialog[open]')) return;
      else if (tab === 'pickup') setPickupScan((p) => ({ code, n: (p?.n ?? 0) + 1 }));
      else {
        setTab('daily');
        setDailyScan((p) => ({ code, n: (p?.n ?? 0) + 1 }));
      }
    },
    [tab],
  );
  useWedge(active, wedge, onScan);

  return (
    <section className="screen parcels" aria-labelledby="parcels-title">
      <div className="screen-head">
        <h1 id="parcels-title" tabIndex={-1}>
          {t('area.parcels')}
        </h1>
        <Tabs idBase="parcels" label={t('area.parcels')} tabs={TABS.map((x) => ({ id: x.id, label: t(x.label) }))} value={tab} onChange={setTab} />
        {store.size > 0 && tab !== 'intake' ? (
          <button type="button" className="btn small queue-chip" onClick={() => setTab('intake')}>
            {t('intake.queueWaiting', { n: store.size })}
          </button>
        ) : null}
      </div>
      <ErrorBox error={settingsQ.error} />
      <TabPanel idBase="parcels" value={tab}>
        {tab === 'intake' ? <IntakeScreen active={active} printSlip={settings?.printSlip ?? true} /> : null}
        {tab === 'pickup' ? <PickupScreen active={active} scan={pickupScan} /> : null}
        {tab === 'overdue' ? <OverdueTab overdueDays={settings?.overdueDays ?? null} /> : null}
        {tab === 'daily' ? <DailyTab scan={dailyScan} /> : null}
        {tab === 'settings' && settings ? <ParcelSettingsTab settings={settings} /> : null}
      </TabPanel>
    </section>
  );
}
