import { maskName, maskPhone, maskText } from '@shared/mask';
import type { RoomState } from '../../db/schema';
import { ROOM_STATE_ZH } from '@shared/contract/rooms';

/** Pure room rules: which state changes are allowed, what an audit entry says about a resident. */

/**
 * The state changes a room may make. 未交房 is left only by handing the room over (to 空置 or 自住) and never
 * re-entered; a rented room is vacated or taken back by its owner before works start.
 */
export const ALLOWED: Record<RoomState, readonly RoomState[]> = {
  undelivered: ['vacant', 'owner_occupied'],
  vacant: ['owner_occupied', 'rented', 'renovating'],
  owner_occupied: ['vacant', 'rented', 'renovating'],
  rented: ['vacant', 'owner_occupied'],
  renovating: ['vacant', 'owner_occupied'],
};

export function transitionError(from: RoomState, to: RoomState): string | null {
  if (from === to) return `房屋已经是「${ROOM_STATE_ZH[to]}」，无需更改。`;
  if (ALLOWED[from].includes(to)) return null;
  const next = ALLOWED[from].map((s) => `「${ROOM_STATE_ZH[s]}」`).join('、');
  return `房屋状态不能从「${ROOM_STATE_ZH[from]}」改为「${ROOM_STATE_ZH[to]}」：只能改为 ${next}。`;
}

export interface ResidentLike {
  kind: string;
  name: string;
  phone: string | null;
  move_in: string | null;
  move_out: string | null;
  note: string;
}

/** A resident as the audit chain keeps it: masked name, phone and note (the chain leaves the machine). */
export const auditView = (r: ResidentLike) => ({
  kind: r.kind,
  name: maskName(r.name),
  phone: r.phone ? maskPhone(r.phone) : null,
  moveIn: r.move_in,
  moveOut: r.move_out,
  note: r.note ? maskText(r.note) : '',
});

/** ID numbers in an identity note keep their last four digits only. */
export const maskIdNote = (s: string): string => maskText(s).replace(/\d{5,}/g, (d) => `${'*'.repeat(d.length - 4)}${d.slice(-4)}`);

export const MOVE_IN_DOC_ZH = { purchase_contract: '购房合同', title_deed: '不动产权证', id_card: '身份证', movein_notice: '入伙通知书' } as const;
export const METER_ZH = { water: '水表', electricity: '电表', gas: '燃气表' } as const;

/** A decimal reading (two places) as an integer of hundredths, and back. */
export const toCenti = (n: number): number => Math.round(n * 100);
export const fromCenti = (c: number): number => c / 100;
