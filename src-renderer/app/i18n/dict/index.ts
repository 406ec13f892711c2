import { admin } from './admin';
import { cash } from './cash';
import { core } from './core';
import { fees } from './fees';
import { roster } from './roster';
import { upstream } from './upstream';

export const DICT = { ...core, ...roster, ...admin, ...fees, ...cash, ...upstream } as const;
export type MsgKey = keyof typeof DICT;
