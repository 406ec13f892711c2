import type { BorrowerType, KeyCondition, KeyKind, KeyPurpose } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export const KIND: Record<KeyKind, MsgKey> = { public: 'keys.kind.public', vacant: 'keys.kind.vacant', trust: 'keys.kind.trust' };
export const STATUS: Record<'on_board' | 'out' | 'lost' | 'retired', MsgKey> = {
  on_board: 'keys.status.on_board',
  out: 'keys.status.out',
  lost: 'keys.status.lost',
  retired: 'keys.status.retired',
};
export const BORROWER: Record<BorrowerType, MsgKey> = {
  owner: 'lend.type.owner',
  contractor: 'lend.type.contractor',
  staff: 'lend.type.staff',
  agent: 'lend.type.agent',
};
export const PURPOSE: Record<KeyPurpose, MsgKey> = {
  renovation: 'lend.purpose.renovation',
  viewing: 'lend.purpose.viewing',
  repair: 'lend.purpose.repair',
  meter: 'lend.purpose.meter',
  cleaning: 'lend.purpose.cleaning',
  other: 'lend.purpose.other',
};
export const CONDITION: Record<KeyCondition, MsgKey> = { ok: 'ret.cond.ok', damaged: 'ret.cond.damaged', lost: 'ret.cond.lost' };
