import { lazy } from 'react';

/**
 * The screens of the areas, each in its own chunk (its script and its style sheet) that is fetched and parsed
 * the first time the area opens, not at every start. Home, sign-in, lock and the shell itself stay in the entry.
 * Shell renders these inside a ScreenBoundary (Suspense while the chunk loads, a message if it cannot).
 */
export const RosterArea = lazy(() => import('../features/roster/RosterArea').then((m) => ({ default: m.RosterArea })));
export const KeysArea = lazy(() => import('../features/keys/KeysArea').then((m) => ({ default: m.KeysArea })));
export const CardsArea = lazy(() => import('../features/cards/CardsArea').then((m) => ({ default: m.CardsArea })));
export const FeesArea = lazy(() => import('../features/fees/FeesArea').then((m) => ({ default: m.FeesArea })));
export const CashArea = lazy(() => import('../features/cash/CashArea').then((m) => ({ default: m.CashArea })));
export const ParcelsArea = lazy(() => import('../features/parcels/ParcelsArea').then((m) => ({ default: m.ParcelsArea })));
export const HandoverArea = lazy(() => import('../features/handover/HandoverArea').then((m) => ({ default: m.HandoverArea })));
export const ServiceArea = lazy(() => import('../features/service/ServiceArea').then((m) => ({ default: m.ServiceArea })));
export const UpstreamArea = lazy(() => import('../features/upstream/UpstreamArea').then((m) => ({ default: m.UpstreamArea })));
export const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
/** 导入 (supervisor+, from 业主档案): the upload, preview and result of a roster file. */
export const ImportScreen = lazy(() => import('../features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
