import type { z } from 'zod';
import type { ChannelDef } from './common';
import { systemContract } from './system';
import { authContract } from './auth';
import { rosterContract } from './roster';
import { feesContract } from './fees';
import { cashContract } from './cash';
import { printerContract } from './printer';
import { parcelsContract } from './parcels';
import { upstreamContract } from './upstream';
import { requestsContract } from './requests';
import { handoverContract } from './handover';
import { reportsContract } from './reports';
import { keysContract } from './keys';
import { cardsContract } from './cards';
import { cardReaderContract } from './card-reader';
import { visitorsContract } from './visitors';
import { visitorPassesContract } from './visitor-passes';
import { roomsContract } from './rooms';
import { receivablesContract } from './receivables';
import { arrearsContract } from './arrears';

/** Every IPC channel, declared once. Main parses against it; preload and renderer take their types from it. */
export const contract = {
  ...systemContract,
  ...authContract,
  ...rosterContract,
  ...feesContract,
  ...cashContract,
  ...printerContract,
  ...parcelsContract,
  ...upstreamContract,
  ...requestsContract,
  ...handoverContract,
  ...reportsContract,
  ...keysContract,
  ...cardsContract,
  ...cardReaderContract,
  ...visitorsContract,
  ...visitorPassesContract,
  ...roomsContract,
  ...receivablesContract,
  ...arrearsContract,
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export * from './common';
export * from './system';
export * from './auth';
export * from './roster';
export * from './fees';
export * from './cash';
export * from './printer';
export * from './parcels';
export * from './upstream';
export * from './requests';
export * from './handover';
export * from './reports';
export * from './summary';
export * from '../money';
export * from './keys';
export * from './cards';
export * from './card-reader';
export * from './visitor-fields';
export * from './visitors';
export * from './visitor-passes';
export * from '../plate';
export * from './rooms';
export * from './field-labels';
export * from './receivables';
export * from './arrears';
