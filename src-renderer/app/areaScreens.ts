import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * The screens of the areas, each in its own chunk (its script and its style sheet): not fetched or parsed
 * before the sign-in screen. Once the shell is up, `preloadAreas` fetches them while the counter is idle, so an
 * area opens at once when it is chosen; one opened before its chunk is in shows a ScreenBoundary's Suspense
 * fallback for that moment. Home, sign-in, lock, the shell and the roster search (F2 from anywhere, typed into
 * straight away) stay in the entry.
 */
function area<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  const fetch = () => load().then((c) => (loaded = c));
  const Lazy = lazy(() => fetch().then((c) => ({ default: c })));
  /** Drawn directly once its chunk is in (no Suspense round); the choice is kept for as long as it is mounted. */
  function Area(props: P) {
    const [Screen] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Screen, props);
  }
  return { Area, preload: fetch };
}

const keys = area(() => import('../features/keys/KeysArea').then((m) => m.KeysArea));
const cards = area(() => import('../features/cards/CardsArea').then((m) => m.CardsArea));
const fees = area(() => import('../features/fees/FeesArea').then((m) => m.FeesArea));
const cash = area(() => import('../features/cash/CashArea').then((m) => m.CashArea));
const parcels = area(() => import('../features/parcels/ParcelsArea').then((m) => m.ParcelsArea));
const handover = area(() => import('../features/handover/HandoverArea').then((m) => m.HandoverArea));
const service = area(() => import('../features/service/ServiceArea').then((m) => m.ServiceArea));
const upstream = area(() => import('../features/upstream/UpstreamArea').then((m) => m.UpstreamArea));
const visitors = area(() => import('../features/visitors/VisitorsArea').then((m) => m.VisitorsArea));
const arrears = area(() => import('../features/arrears/ArrearsArea').then((m) => m.ArrearsArea));
const cases = area(() => import('../features/cases/CasesArea').then((m) => m.CasesArea));
const rooms = area(() => import('../features/rooms/RoomsArea').then((m) => m.RoomsArea));
const settings = area(() => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen));
/** 导入 (supervisor+, from 业主档案): the upload, preview and result of a roster file. */
const importScreen = area(() => import('../features/import/ImportScreen').then((m) => m.ImportScreen));
/** 导入期初欠费 (supervisor+, from 业主档案): each room's paid-through month per item from the previous system. */
const openingImport = area(() => import('../features/import/ImportScreen').then((m) => m.OpeningImportScreen));

export const KeysArea = keys.Area;
export const CardsArea = cards.Area;
export const FeesArea = fees.Area;
export const CashArea = cash.Area;
export const ParcelsArea = parcels.Area;
export const HandoverArea = handover.Area;
export const ServiceArea = service.Area;
export const UpstreamArea = upstream.Area;
export const VisitorsArea = visitors.Area;
export const ArrearsArea = arrears.Area;
export const CasesArea = cases.Area;
export const RoomsArea = rooms.Area;
export const SettingsScreen = settings.Area;
export const ImportScreen = importScreen.Area;
export const OpeningImportScreen = openingImport.Area;

/** Fetches every area's chunk (in the order of the navigation); a chunk that fails is tried again when opened. */
export function preloadAreas(): void {
  for (const a of [keys, cards, fees, cash, parcels, handover, service, upstream, visitors, rooms, cases, arrears, settings, importScreen, openingImport])
    a.preload().catch(() => undefined);
}
