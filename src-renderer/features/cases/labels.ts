import type { DecorationStatus, MeterKind, RoomState } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export const ROOM_STATE: Record<RoomState, MsgKey> = {
  undelivered: 'cs.state.undelivered',
  vacant: 'cs.state.vacant',
  owner_occupied: 'cs.state.owner_occupied',
  rented: 'cs.state.rented',
  renovating: 'cs.state.renovating',
};
export const METER: Record<MeterKind, MsgKey> = { water: 'cs.meter.water', electricity: 'cs.meter.electricity', gas: 'cs.meter.gas' };
export type MoveInDoc = 'purchase_contract' | 'title_deed' | 'id_card' | 'movein_notice';
export const MOVEIN_DOC: Record<MoveInDoc, MsgKey> = {
  purchase_contract: 'cs.doc.purchase_contract',
  title_deed: 'cs.doc.title_deed',
  id_card: 'cs.doc.id_card',
  movein_notice: 'cs.doc.movein_notice',
};
export type Scope = 'plumbing_electric' | 'walls' | 'waterproofing' | 'doors_windows' | 'other';
export const SCOPE: Record<Scope, MsgKey> = {
  plumbing_electric: 'cs.scope.plumbing_electric',
  walls: 'cs.scope.walls',
  waterproofing: 'cs.scope.waterproofing',
  doors_windows: 'cs.scope.doors_windows',
  other: 'cs.scope.other',
};
export type DecoDoc = 'drawings' | 'contractor_licence' | 'contractor_id' | 'owner_consent';
export const DECO_DOC: Record<DecoDoc, MsgKey> = {
  drawings: 'cs.ddoc.drawings',
  contractor_licence: 'cs.ddoc.contractor_licence',
  contractor_id: 'cs.ddoc.contractor_id',
  owner_consent: 'cs.ddoc.owner_consent',
};
export const DECO_STATUS: Record<DecorationStatus, MsgKey> = {
  applied: 'cs.ds.applied',
  approved: 'cs.ds.approved',
  in_progress: 'cs.ds.in_progress',
  awaiting_acceptance: 'cs.ds.awaiting_acceptance',
  accepted: 'cs.ds.accepted',
  refunded: 'cs.ds.refunded',
  rejected: 'cs.ds.rejected',
  void: 'cs.ds.void',
};
export const EVENT: Record<string, MsgKey> = {
  apply: 'cs.ev.apply',
  approve: 'cs.ev.approve',
  reject: 'cs.ev.reject',
  deposit: 'cs.ev.deposit',
  start: 'cs.ev.start',
  extend: 'cs.ev.extend',
  patrol: 'cs.ev.patrol',
  deduct: 'cs.ev.deduct',
  finish: 'cs.ev.finish',
  accept: 'cs.ev.accept',
  fail: 'cs.ev.fail',
  refund: 'cs.ev.refund',
  void: 'cs.ev.void',
};
