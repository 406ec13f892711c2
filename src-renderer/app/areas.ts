import type { MsgKey } from './i18n/dict';

export type AreaId = 'home' | 'roster' | 'keys' | 'cards' | 'fees' | 'cash' | 'parcels' | 'handover' | 'service' | 'upstream' | 'settings';

export interface Area {
  id: AreaId;
  label: MsgKey;
  /** KeyboardEvent.code of the Alt+digit shortcut, and how it is shown. */
  code: string;
  shortcut: string;
  /** One line: what the area does. */
  purpose: MsgKey;
  built: boolean;
}

/** Every area of the counter, in the order of the navigation and of the Alt+1 … Alt+0 shortcuts. */
export const AREAS: readonly Area[] = [
  { id: 'home', label: 'area.home', code: 'Digit1', shortcut: 'Alt+1', purpose: 'purpose.home', built: true },
  { id: 'roster', label: 'area.roster', code: 'Digit2', shortcut: 'Alt+2', purpose: 'purpose.roster', built: true },
  { id: 'keys', label: 'area.keys', code: 'Digit3', shortcut: 'Alt+3', purpose: 'purpose.keys', built: true },
  { id: 'cards', label: 'area.cards', code: 'Digit4', shortcut: 'Alt+4', purpose: 'purpose.cards', built: true },
  { id: 'fees', label: 'area.fees', code: 'Digit5', shortcut: 'Alt+5', purpose: 'purpose.fees', built: true },
  { id: 'cash', label: 'area.cash', code: 'Digit6', shortcut: 'Alt+6', purpose: 'purpose.cash', built: true },
  { id: 'parcels', label: 'area.parcels', code: 'Digit7', shortcut: 'Alt+7', purpose: 'purpose.parcels', built: true },
  { id: 'handover', label: 'area.handover', code: 'Digit8', shortcut: 'Alt+8', purpose: 'purpose.handover', built: true },
  { id: 'service', label: 'area.service', code: 'Digit9', shortcut: 'Alt+9', purpose: 'purpose.service', built: true },
  { id: 'upstream', label: 'area.upstream', code: 'Digit0', shortcut: 'Alt+0', purpose: 'purpose.upstream', built: true },
  { id: 'settings', label: 'area.settings', code: 'Comma', shortcut: 'Ctrl+,', purpose: 'purpose.settings', built: true },
];

export const areaById = (id: AreaId): Area => AREAS.find((a) => a.id === id) ?? (AREAS[0] as Area);
