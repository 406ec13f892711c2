import type { MsgKey } from './i18n/dict';

export type AreaId =
  | 'home'
  | 'roster'
  | 'keys'
  | 'cards'
  | 'fees'
  | 'cash'
  | 'parcels'
  | 'handover'
  | 'service'
  | 'upstream'
  | 'visitors'
  | 'rooms'
  | 'cases'
  | 'arrears'
  | 'settings';

export interface Area {
  id: AreaId;
  label: MsgKey;
  /** KeyboardEvent.code of the Alt+digit (or Alt+letter) shortcut, and how it is shown. */
  code: string;
  shortcut: string;
}

/** Every area, in the order of the navigation and of the Alt+1 … Alt+0 shortcuts; 访客与放行 is Alt+V, 房屋档案 Alt+F, 交房装修 Alt+D, 欠费催缴 Alt+R. */
export const AREAS: readonly Area[] = [
  { id: 'home', label: 'area.home', code: 'Digit1', shortcut: 'Alt+1' },
  { id: 'roster', label: 'area.roster', code: 'Digit2', shortcut: 'Alt+2' },
  { id: 'keys', label: 'area.keys', code: 'Digit3', shortcut: 'Alt+3' },
  { id: 'cards', label: 'area.cards', code: 'Digit4', shortcut: 'Alt+4' },
  { id: 'fees', label: 'area.fees', code: 'Digit5', shortcut: 'Alt+5' },
  { id: 'cash', label: 'area.cash', code: 'Digit6', shortcut: 'Alt+6' },
  { id: 'parcels', label: 'area.parcels', code: 'Digit7', shortcut: 'Alt+7' },
  { id: 'handover', label: 'area.handover', code: 'Digit8', shortcut: 'Alt+8' },
  { id: 'service', label: 'area.service', code: 'Digit9', shortcut: 'Alt+9' },
  { id: 'upstream', label: 'area.upstream', code: 'Digit0', shortcut: 'Alt+0' },
  { id: 'visitors', label: 'area.visitors', code: 'KeyV', shortcut: 'Alt+V' },
  { id: 'rooms', label: 'area.rooms', code: 'KeyF', shortcut: 'Alt+F' },
  { id: 'cases', label: 'area.cases', code: 'KeyD', shortcut: 'Alt+D' },
  { id: 'arrears', label: 'area.arrears', code: 'KeyR', shortcut: 'Alt+R' },
  { id: 'settings', label: 'area.settings', code: 'Comma', shortcut: 'Ctrl+,' },
];

/** The areas a role works in: 门岗 (the guard) only 访客与放行 (its gate check and the on-site list); everyone else all. */
export function areasFor(role: string): readonly Area[] {
  return role === 'guard' ? AREAS.filter((a) => a.id === 'visitors') : AREAS;
}

/** Where a role starts after signing in. */
export const homeAreaFor = (role: string): AreaId => (role === 'guard' ? 'visitors' : 'home');
