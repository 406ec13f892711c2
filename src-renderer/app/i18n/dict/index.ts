import { admin } from './admin';
import { cash } from './cash';
import { core } from './core';
import { fees } from './fees';
import { keysCards } from './keys-cards';
import { parcels } from './parcels';
import { roster } from './roster';
import { upstream } from './upstream';
import { service } from './service';
import { handover } from './handover';
import { fields } from './fields';
import { visitors } from './visitors';
import { dues } from './dues';
import { arrears } from './arrears';
import { cases } from './cases';
import { rooms } from './rooms';

export const DICT = {
  ...core,
  ...roster,
  ...admin,
  ...fees,
  ...cash,
  ...keysCards,
  ...parcels,
  ...upstream,
  ...service,
  ...handover,
  ...visitors,
  ...dues,
  ...arrears,
  ...cases,
  ...rooms,
  ...fields,
} as const;
export type MsgKey = keyof typeof DICT;
