import type { RoomState } from '@shared/contract/rooms';
import type { MsgKey } from '../../app/i18n/dict';

export const STATES: readonly RoomState[] = ['undelivered', 'vacant', 'owner_occupied', 'rented', 'renovating'];

export const STATE_LABEL: Record<RoomState, MsgKey> = {
  undelivered: 'rooms.state.undelivered',
  vacant: 'rooms.state.vacant',
  owner_occupied: 'rooms.state.owner_occupied',
  rented: 'rooms.state.rented',
  renovating: 'rooms.state.renovating',
};

/** The state changes a supervisor may choose (the core refuses any other with its own sentence). */
export const NEXT_STATES: Record<RoomState, readonly RoomState[]> = {
  undelivered: ['vacant', 'owner_occupied'],
  vacant: ['owner_occupied', 'rented', 'renovating'],
  owner_occupied: ['vacant', 'rented', 'renovating'],
  rented: ['vacant', 'owner_occupied'],
  renovating: ['vacant', 'owner_occupied'],
};

export const RESIDENT_KIND: Record<'owner' | 'tenant' | 'family', MsgKey> = {
  owner: 'kind.owner',
  tenant: 'kind.tenant',
  family: 'kind.family',
};

/** The section titles of the lines other areas add to the file (the core names them by area). */
export const LINE_TITLE: Record<string, MsgKey> = {
  keys: 'rooms.line.keys',
  cards: 'rooms.line.cards',
  parcels: 'rooms.line.parcels',
  requests: 'rooms.line.requests',
};
