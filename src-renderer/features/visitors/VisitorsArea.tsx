import { useCallback, useMemo, useState } from 'react';
import type { AppointmentView } from '@shared/contract';
import { DEFAULT_WEDGE } from '@shared/scan-wedge';
import { roleAtLeast } from '../../lib/roles';
import { useCall } from '../../lib/query';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { useWedge } from '../parcels/useWedge';
import { AppointmentsTab } from './AppointmentsTab';
import { CheckInTab } from './CheckInTab';
import { OnSiteTab } from './OnSiteTab';
import { RefusalsTab } from './RefusalsTab';
import { RemovalTab } from './RemovalTab';
import { ScanLog } from './ScanLog';
import { useCheckoutScans } from './useCheckoutScans';
import { VerifyTab } from './VerifyTab';
import './visitors.css';

type Tab = 'checkin' | 'onsite' | 'appointments' | 'removal' | 'verify' | 'refusals';
const TAB_LABEL: Record<Tab, MsgKey> = {
  checkin: 'vis.tab.checkin',
  onsite: 'vis.tab.onsite',
  appointments: 'vis.tab.appointments',
  removal: 'vis.tab.removal',
  verify: 'vis.tab.verify',
  refusals: 'vis.tab.refusals',
};
const COUNTER_TABS: Tab[] = ['checkin', 'onsite', 'appointments', 'removal', 'verify', 'refusals'];
/** 门岗 (the guard) sees the gate's check and the on-site list, nothing else */
const GUARD_TABS: Tab[] = ['verify', 'onsite'];

/**
 * 访客与放行: 来访登记, 在场访客, 预约, 搬运证, 放行核验, 拒绝来访名单. The scanner works on every tab: on 放行核验
 * a scan verifies the removal pass; anywhere else it checks the visitor of that pass out (the scan log says who
 * left, or why not), dialogs open included — a scan never lands in a field.
 */
export function VisitorsArea() {
  const t = useT();
  const { active, operator } = useShell();
  const guard = operator.role === 'guard';
  const tabs = guard ? GUARD_TABS : COUNTER_TABS;
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'verify');
  const [appointment, setAppointment] = useState<AppointmentView | null>(null);
  const [verifyScan, setVerifyScan] = useState<{ code: string; n: number } | null>(null);
  const scans = useCheckoutScans();
  // the scanner's thresholds are the counter's (快递设置); the guard, who cannot read them, uses the defaults
  const parcelSettings = useCall('parcels.settings.get', {}, { enabled: !guard }).data;
  const wedge = useMemo(() => ({ ...DEFAULT_WEDGE, ...(parcelSettings?.scanner ?? {}) }), [parcelSettings]);

  const onScan = useCallback(
    (code: string) => {
      if (tab === 'verify' || guard) {
        if (tab !== 'verify') setTab('verify');
        setVerifyScan((p) => ({ code, n: (p?.n ?? 0) + 1 }));
      } else scans.checkOut(code);
    },
    [tab, guard, scans],
  );
  useWedge(active, wedge, onScan);

  const startFromAppointment = (a: AppointmentView) => {
    setAppointment(a);
    setTab('checkin');
  };

  return (
    <section className="screen visitors" aria-labelledby="visitors-title">
      <div className="screen-head">
        <h1 id="visitors-title" tabIndex={-1}>
          {t('area.visitors')}
        </h1>
        <Tabs idBase="visitors" label={t('area.visitors')} tabs={tabs.map((id) => ({ id, label: t(TAB_LABEL[id]) }))} value={tab} onChange={setTab} />
      </div>
      {!guard ? <ScanLog log={scans.log} onClear={scans.clear} /> : null}
      <TabPanel idBase="visitors" value={tab}>
        {tab === 'checkin' ? <CheckInTab key={appointment?.id ?? 'walk-up'} appointment={appointment} onAppointmentDone={() => setAppointment(null)} /> : null}
        {tab === 'onsite' ? <OnSiteTab canCheckOut={!guard} canBulk={roleAtLeast(operator.role, 'supervisor')} /> : null}
        {tab === 'appointments' ? <AppointmentsTab onCheckIn={startFromAppointment} /> : null}
        {tab === 'removal' ? <RemovalTab /> : null}
        {tab === 'verify' ? <VerifyTab scan={verifyScan} /> : null}
        {tab === 'refusals' ? <RefusalsTab canEdit={roleAtLeast(operator.role, 'supervisor')} /> : null}
      </TabPanel>
    </section>
  );
}
