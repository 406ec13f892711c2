import type { ResidentHit } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export const KIND_LABEL: Record<ResidentHit['kind'], MsgKey> = {
  owner: 'kind.owner',
  tenant: 'kind.tenant',
  family: 'kind.family',
};

export const SEARCH_KIND_LABEL: Record<string, MsgKey> = {
  room: 'searchKind.room',
  phone: 'searchKind.phone',
  initials: 'searchKind.initials',
  name: 'searchKind.name',
  digits: 'searchKind.digits',
};
