import { useState } from 'react';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { roleAtLeast, type Role } from '../../lib/roles';
import { AuditTab } from './AuditTab';
import { BackupsTab } from './BackupsTab';
import { ChangePasswordTab } from './ChangePasswordTab';
import { GeneralTab } from './GeneralTab';
import { OperatorsTab } from './OperatorsTab';
import { FeeItemsTab } from './FeeItemsTab';
import { PrinterTab } from './PrinterTab';
import { CardReaderTab } from './CardReaderTab';
import './settings.css';

type TabId = 'operators' | 'items' | 'printer' | 'cardReader' | 'audit' | 'backups' | 'general' | 'password';

const TABS: { id: TabId; label: MsgKey; need: Role }[] = [
  { id: 'operators', label: 'settings.tab.operators', need: 'admin' },
  { id: 'items', label: 'settings.tab.items', need: 'admin' },
  { id: 'printer', label: 'settings.tab.printer', need: 'admin' },
  { id: 'cardReader', label: 'settings.tab.cardReader', need: 'admin' },
  { id: 'audit', label: 'settings.tab.audit', need: 'supervisor' },
  { id: 'backups', label: 'settings.tab.backups', need: 'admin' },
  { id: 'general', label: 'settings.tab.general', need: 'admin' },
  { id: 'password', label: 'settings.tab.password', need: 'receptionist' },
];

/** 设置: each operator sees only the tabs their role may use. */
export function SettingsScreen() {
  const t = useT();
  const { operator } = useShell();
  const tabs = TABS.filter((x) => roleAtLeast(operator.role, x.need));
  const [tab, setTab] = useState<TabId>(tabs[0]?.id ?? 'password');

  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <div className="screen-head">
        <h1 id="settings-title" tabIndex={-1}>
          {t('area.settings')}
        </h1>
        <Tabs idBase="settings" label={t('area.settings')} tabs={tabs.map((x) => ({ id: x.id, label: t(x.label) }))} value={tab} onChange={setTab} />
      </div>
      <TabPanel idBase="settings" value={tab} className="tab-panel">
        {tab === 'operators' ? <OperatorsTab /> : null}
        {tab === 'items' ? <FeeItemsTab /> : null}
        {tab === 'printer' ? <PrinterTab /> : null}
        {tab === 'cardReader' ? <CardReaderTab /> : null}
        {tab === 'audit' ? <AuditTab /> : null}
        {tab === 'backups' ? <BackupsTab /> : null}
        {tab === 'general' ? <GeneralTab /> : null}
        {tab === 'password' ? <ChangePasswordTab /> : null}
      </TabPanel>
    </section>
  );
}
