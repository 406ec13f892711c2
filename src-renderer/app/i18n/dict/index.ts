import { admin } from './admin';
import { cash } from './cash';
import { core } from './core';
import { fees } from './fees';
import { roster } from './roster';

export const DICT = { ...core, ...roster, ...admin, ...fees, ...cash } as const;
export type MsgKey = keyof typeof DICT;
