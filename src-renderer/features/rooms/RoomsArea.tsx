import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n/I18n';
import { takeTabNext } from '../../app/nextTab';
import { useShell } from '../../app/shell-context';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { roleAtLeast } from '../../lib/roles';
import { ManageTab } from './ManageTab';
import { OccupancyTab } from './OccupancyTab';
import { RoomFileView } from './RoomFileView';
import { RoomFinder } from './RoomFinder';
import './rooms.css';

type View = 'file' | 'occupancy' | 'manage';

/** 房屋档案: find a room and open its file (default), the occupancy statistics, and (supervisor+) buildings, units and rooms. */
export function RoomsArea({ request, onRequestTaken }: { request: { roomId: number; n: number } | null; onRequestTaken: () => void }) {
  const t = useT();
  const { operator } = useShell();
  const canManage = roleAtLeast(operator.role, 'supervisor');
  const [view, setView] = useState<View>(() => (takeTabNext('rooms') === 'occupancy' ? 'occupancy' : 'file'));
  const [roomId, setRoomId] = useState<number | null>(request?.roomId ?? null);

  // a room another screen asked for (the roster's or 收费's 房屋档案 button): its file, the focus on the screen's heading
  useEffect(() => {
    if (!request) return;
    setRoomId(request.roomId);
    setView('file');
    document.getElementById('rooms-title')?.focus();
    onRequestTaken();
  }, [request, onRequestTaken]);

  const openRoom = (id: number) => {
    setRoomId(id);
    setView('file');
  };

  return (
    <section className="screen rooms" aria-labelledby="rooms-title">
      <div className="screen-head">
        <h1 id="rooms-title" tabIndex={-1}>
          {t('area.rooms')}
        </h1>
        <Tabs
          idBase="rooms"
          label={t('area.rooms')}
          tabs={[
            { id: 'file', label: t('rooms.tab.file') },
            { id: 'occupancy', label: t('rooms.tab.occupancy') },
            ...(canManage ? [{ id: 'manage' as const, label: t('rooms.tab.manage') }] : []),
          ]}
          value={view}
          onChange={setView}
        />
      </div>
      <TabPanel idBase="rooms" value={view}>
        {view === 'file' ? (
          <div className="rooms-split">
            <RoomFinder openId={roomId} onOpen={setRoomId} focusOnMount={request === null} />
            <div className="rooms-right">{roomId !== null ? <RoomFileView key={roomId} roomId={roomId} /> : <p className="hint">{t('rooms.pickOne')}</p>}</div>
          </div>
        ) : null}
        {view === 'occupancy' ? <OccupancyTab /> : null}
        {view === 'manage' && canManage ? <ManageTab onOpenRoom={openRoom} /> : null}
      </TabPanel>
    </section>
  );
}
