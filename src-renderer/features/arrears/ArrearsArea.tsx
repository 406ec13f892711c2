import { useState } from 'react';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { takeTabNext } from '../../app/nextTab';
import { useShell } from '../../app/shell-context';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { roleAtLeast } from '../../lib/roles';
import { ArrearsList } from './ArrearsList';
import { CollectionFigures } from './CollectionFigures';
import { ContactLog } from './ContactLog';
import { FollowUpQueue } from './FollowUpQueue';
import type { RoomRef } from './labels';
import { NoticesTab } from './NoticesTab';
import './arrears.css';

type Tab = 'list' | 'log' | 'queue' | 'notices' | 'figures';
const TAB_LABEL: Record<Tab, MsgKey> = {
  list: 'arr.tab.list',
  log: 'arr.tab.log',
  queue: 'arr.tab.queue',
  notices: 'arr.tab.notices',
  figures: 'arr.tab.figures',
};

/**
 * 欠费催缴 (Alt+R): 欠费清单 (by building and room, aged, XLSX), a room's 催缴记录, 待跟进 (promises past due,
 * rooms not contacted), 通知单 (payment notices for a room or a building), and for supervisors 收缴率.
 */
export function ArrearsArea() {
  const t = useT();
  const { operator } = useShell();
  const supervisor = roleAtLeast(operator.role, 'supervisor');
  const tabs: Tab[] = supervisor ? ['list', 'log', 'queue', 'notices', 'figures'] : ['list', 'log', 'queue', 'notices'];
  const [tab, setTab] = useState<Tab>(() => (takeTabNext('arrears') === 'figures' && supervisor ? 'figures' : 'list'));
  const [room, setRoom] = useState<RoomRef | null>(null);
  const open = (to: Tab) => (r: RoomRef) => {
    setRoom(r);
    setTab(to);
  };

  return (
    <section className="screen arrears arr-screen" aria-labelledby="arrears-title">
      <div className="screen-head">
        <h1 id="arrears-title" tabIndex={-1}>
          {t('area.arrears')}
        </h1>
        <Tabs idBase="arrears" label={t('area.arrears')} tabs={tabs.map((x) => ({ id: x, label: t(TAB_LABEL[x]) }))} value={tab} onChange={setTab} />
      </div>
      <TabPanel idBase="arrears" value={tab}>
        {tab === 'list' ? <ArrearsList onLog={open('log')} onNotice={open('notices')} /> : null}
        {tab === 'log' ? <ContactLog room={room} onRoom={setRoom} /> : null}
        {tab === 'queue' ? <FollowUpQueue onLog={open('log')} /> : null}
        {tab === 'notices' ? <NoticesTab room={room} onRoom={setRoom} /> : null}
        {tab === 'figures' && supervisor ? <CollectionFigures /> : null}
      </TabPanel>
    </section>
  );
}
