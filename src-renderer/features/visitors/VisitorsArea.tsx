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
import { FormsTab } from './FormsTab';
import { OnSiteTab } from './OnSiteTab';
import { RefusalsTab } from './RefusalsTab';
import { RegisterTab } from './RegisterTab';
import { RemovalTab } from './RemovalTab';
import { ScanLog } from './ScanLog';
import { SettingsTab } from './SettingsTab';
import { useCheckoutScans } from './useCheckoutScans';
import { VerifyTab } from './VerifyTab';
import { WorkersTab } from './WorkersTab';
import './visitors.css';
// the pre-printed form register's figures (its own sheet: the area's was over 400 lines)
import './register.css';

type Tab = 'checkin' | 'onsite' | 'appointments' | 'workers' | 'forms' | 'removal' | 'verify' | 'register' | 'refusals' | 'settings';
const TAB_LABEL: Record<Tab, MsgKey> = {
  checkin: 'vis.tab.checkin',
  onsite: 'vis.tab.onsite',
  appointments: 'vis.tab.appointments',
  workers: 'vis.tab.workers',
  forms: 'vis.tab.forms',
  removal: 'vis.tab.removal',
  verify: 'vis.tab.verify',
  register: 'vis.tab.register',
  refusals: 'vis.tab.refusals',
  settings: 'vis.tab.settings',
};
const COUNTER_TABS: Tab[] = ['checkin', 'onsite', 'appointments', 'workers', 'forms', 'removal', 'verify', 'register', 'refusals', 'settings'];
/** 门岗 (the guard) sees the gate's check and the on-site list, nothing else */
const GUARD_TABS: Tab[] = ['verify', 'onsite'];

/**
 * 访客与放行: 来访登记, 在场访客, 预约, 临时出入证, 出入证表单 (when the property uses pre-printed forms, or has
 * some on file), 搬运证, 放行核验, 登记查询, 拒绝来访名单, 访客设置 (supervisors and the administrator). The scanner works on every tab: on 放行核验
 * a scan verifies the removal pass; anywhere else it checks the visitor of that pass out (the scan log says who
 * left, or why not), dialogs open included — a scan never lands in a field.
 */
export function VisitorsArea() {
  const t = useT();
  const { active, operator } = useShell();
  const guard = operator.role === 'guard';
  const supervisor = roleAtLeast(operator.role, 'supervisor');
  const settings = useCall('visitors.settings.get', {}, { enabled: !guard }).data;
  const register = useCall('visitors.forms.register', {}, { enabled: !guard }).data;
  const usesForms = settings?.workerPassMode === 'forms' || (register?.received ?? 0) > 0;
  const tabs = guard ? GUARD_TABS : COUNTER_TABS.filter((x) => (x !== 'forms' || usesForms) && (x !== 'settings' || supervisor));
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
        {tab === 'onsite' ? <OnSiteTab canCheckOut={!guard} canBulk={supervisor} /> : null}
        {tab === 'appointments' ? <AppointmentsTab onCheckIn={startFromAppointment} /> : null}
        {tab === 'workers' ? <WorkersTab /> : null}
        {tab === 'forms' ? <FormsTab canReceive={supervisor} /> : null}
        {tab === 'removal' ? <RemovalTab /> : null}
        {tab === 'verify' ? <VerifyTab scan={verifyScan} /> : null}
        {tab === 'register' ? <RegisterTab /> : null}
        {tab === 'refusals' ? <RefusalsTab canEdit={supervisor} /> : null}
        {tab === 'settings' && supervisor ? <SettingsTab canSave={operator.role === 'admin'} /> : null}
      </TabPanel>
    </section>
  );
}
