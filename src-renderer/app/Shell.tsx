import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { OperatorView } from '@shared/contract';
import { newQueryClient, useSend } from '../lib/query';
import { areasFor, homeAreaFor, type AreaId } from './areas';
import { Nav } from './Nav';
import { ShellContext, type ShellValue } from './shell-context';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useStatus } from './status';
import { useAutoLock } from './useAutoLock';
import { useShortcuts } from './useShortcuts';
import {
  ArrearsArea,
  CardsArea,
  CasesArea,
  CashArea,
  FeesArea,
  HandoverArea,
  KeysArea,
  ParcelsArea,
  preloadAreas,
  RoomsArea,
  ServiceArea,
  SettingsScreen,
  UpstreamArea,
  VisitorsArea,
} from './areaScreens';
import { ScreenBoundary } from './ScreenBoundary';
import { Home } from '../features/home/Home';
import { RosterArea } from '../features/roster/RosterArea';
import { preloadRosterIndex } from '../features/roster/useRosterIndex';
import { roleAtLeast } from '../lib/roles';

interface Props {
  operator: OperatorView;
  active: boolean;
  idleLockMinutes: number;
  onSignOut: () => void;
}

/**
 * The signed-in screens. Each shell (one per operator: App keys it by the operator's id) has its own query
 * client, so nothing one operator read is ever shown to the next; the same operator coming back from the
 * lock screen finds the screen as it was.
 */
export function Shell(props: Props) {
  const [client] = useState(newQueryClient);
  useEffect(() => () => client.clear(), [client]);
  return (
    <QueryClientProvider client={client}>
      <ShellScreens {...props} />
    </QueryClientProvider>
  );
}

function ShellScreens({ operator, active, idleLockMinutes, onSignOut }: Props) {
  const { refresh } = useStatus();
  const send = useSend();
  const [area, setArea] = useState<AreaId>(() => homeAreaFor(operator.role));
  const [searchTick, setSearchTick] = useState(0);
  const [pendingQuery, setPendingQuery] = useState<string | null>(null);
  // the room a search asked 房屋档案 to open (a new request each time, even for the same room)
  const [roomRequest, setRoomRequest] = useState<{ roomId: number; n: number } | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  const lock = useCallback(() => {
    void send('auth.lock', {})
      .catch(() => undefined)
      .finally(() => void refresh());
  }, [refresh, send]);

  // an area the role does not work in (the guard: everything but 访客与放行) is never opened
  const go = useCallback(
    (a: AreaId) => {
      if (areasFor(operator.role).some((x) => x.id === a)) setArea(a);
    },
    [operator.role],
  );
  const focusSearch = useCallback(
    (q?: string) => {
      if (!areasFor(operator.role).some((x) => x.id === 'roster')) return;
      setArea('roster');
      if (q !== undefined) setPendingQuery(q);
      setSearchTick((n) => n + 1);
    },
    [operator.role],
  );

  const openRoom = useCallback(
    (roomId: number) => {
      if (!areasFor(operator.role).some((x) => x.id === 'rooms')) return;
      setRoomRequest((r) => ({ roomId, n: (r?.n ?? 0) + 1 }));
      setArea('rooms');
    },
    [operator.role],
  );

  const takeRoomRequest = useCallback(() => setRoomRequest(null), []);

  // the other areas' chunks, fetched once the shell is up and the counter is idle (see areaScreens.ts), and the
  // roster index every search box answers from (not for the gate, which searches no roster)
  const client = useQueryClient();
  useEffect(() => {
    const id = window.requestIdleCallback(
      () => {
        preloadAreas();
        if (roleAtLeast(operator.role, 'receptionist')) preloadRosterIndex(client);
      },
      { timeout: 2000 },
    );
    return () => window.cancelIdleCallback(id);
  }, [client, operator.role]);

  useAutoLock({ active, idleLockMinutes, onIdle: lock });
  useShortcuts({ active, go, focusSearch, lock });

  // After moving to another area, put the focus on its heading (the roster and the collect screen put the
  // cursor in their own search box). Runs once the area's screen is on the page: on its first visit, after
  // its chunk has loaded.
  const shown = useCallback(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const a = mainRef.current?.dataset.area;
    if (a === 'roster' || a === 'fees' || a === 'cards' || a === 'parcels' || a === 'visitors' || a === 'rooms') return;
    const h = mainRef.current?.querySelector<HTMLElement>('h1');
    h?.focus();
  }, []);

  const value = useMemo<ShellValue>(() => ({ operator, active, go, focusSearch, lock, openRoom }), [operator, active, go, focusSearch, lock, openRoom]);

  let screen;
  if (area === 'home') screen = <Home />;
  else if (area === 'roster') screen = <RosterArea searchTick={searchTick} pendingQuery={pendingQuery} onQueryTaken={() => setPendingQuery(null)} />;
  else if (area === 'fees') screen = <FeesArea />;
  else if (area === 'cash') screen = <CashArea />;
  else if (area === 'keys') screen = <KeysArea />;
  else if (area === 'cards') screen = <CardsArea />;
  else if (area === 'parcels') screen = <ParcelsArea />;
  else if (area === 'upstream') screen = <UpstreamArea />;
  else if (area === 'service') screen = <ServiceArea />;
  else if (area === 'handover') screen = <HandoverArea />;
  else if (area === 'visitors') screen = <VisitorsArea />;
  else if (area === 'arrears') screen = <ArrearsArea />;
  else if (area === 'cases') screen = <CasesArea />;
  else if (area === 'rooms') screen = <RoomsArea request={roomRequest} onRequestTaken={takeRoomRequest} />;
  else screen = <SettingsScreen />;

  return (
    <ShellContext.Provider value={value}>
      <div className="shell" inert={!active} aria-hidden={active ? undefined : true}>
        <TopBar onLock={lock} onSignOut={onSignOut} />
        <Nav current={area} onGo={go} />
        <main className="main" ref={mainRef} data-area={area}>
          <ScreenBoundary key={area} onShown={shown}>
            {screen}
          </ScreenBoundary>
        </main>
        <StatusBar operator={operator} />
      </div>
    </ShellContext.Provider>
  );
}
