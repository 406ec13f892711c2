import { admin } from './admin';
import { core } from './core';
import { roster } from './roster';

export const DICT = { ...core, ...roster, ...admin } as const;
export type MsgKey = keyof typeof DICT;
