import { contract } from '@shared/contract';
import { done, type Handlers } from './handle';
import type { Services } from '../services';
import type { SessionStore } from '../features/operators/sessions';
import { recoveryError, type SystemService } from '../features/system/system.service';
import { systemHandlers } from '../features/system/system.handlers';
import { operatorsHandlers, sessionHandlers } from '../features/operators/operators.handlers';
import { rosterHandlers } from '../features/roster/roster.handlers';
import { feesHandlers } from '../features/fees/fees.handlers';
import { cashHandlers } from '../features/cash/cash.handlers';
import { printingHandlers } from '../features/printing/printing.handlers';
import { parcelsHandlers } from '../features/parcels/parcels.handlers';
import { upstreamHandlers } from '../sync/upstream.handlers';
import { requestsHandlers } from '../features/requests/requests.handlers';
import { handoverHandlers } from '../features/handover/handover.handlers';
import { reportsHandlers } from '../features/reports/reports.handlers';
import { keysHandlers } from '../features/keys/keys.handlers';
import { cardsHandlers } from '../features/cards/cards.handlers';
import { cardReaderHandlers } from '../features/cards/card-reader.handlers';
import { visitorPassesHandlers, visitorsHandlers } from '../features/visitors/visitors.handlers';
import { roomsHandlers } from '../features/rooms/rooms.handlers';
import { receivablesHandlers } from '../features/receivables/receivables.handlers';
import { arrearsHandlers } from '../features/receivables/notices.handlers';

/**
 * Every channel while a store is open: the features' handler maps (each `<feature>.handlers.ts`: channel →
 * service call), merged. The type makes sure every channel of the contract has exactly one.
 */
export function storeHandlers(s: Services, system: SystemService, sessions: SessionStore): Handlers {
  return {
    ...systemHandlers(system),
    ...operatorsHandlers(s.operators, sessions),
    ...rosterHandlers(s.roster, s.rosterImport),
    ...feesHandlers(s.fees, s.print),
    ...cashHandlers(s.cash),
    ...printingHandlers(s.counter, s.print),
    ...parcelsHandlers(s.parcels, s.parcelsReport),
    ...upstreamHandlers(s.upstream),
    ...requestsHandlers(s.requests),
    ...handoverHandlers(s.handover),
    ...reportsHandlers(s.reports),
    ...keysHandlers(s.keys),
    ...cardsHandlers(s.cards),
    ...cardReaderHandlers(s.cardReader),
    ...visitorsHandlers(s.visitors),
    ...visitorPassesHandlers(s.visitors),
    ...roomsHandlers(s.rooms, s.residents, s.moveIn, s.decoration, s.decorationLinks),
    ...receivablesHandlers(s.receivables, s.collections, s.openingImport, s.lateFees),
    ...arrearsHandlers(s.notices, s.arrearsExports),
  };
}

/**
 * While the store needs recovery (no store is open): the system channels answer (status, backups, restore), a
 * session can still be locked or signed out (there is no store to record the sign-out in), and every other channel
 * is refused with DB_RECOVERY.
 */
export function recoveryHandlers(system: SystemService, sessions: SessionStore): Handlers {
  const refuse = () => {
    throw recoveryError();
  };
  const refused = Object.fromEntries(Object.keys(contract).map((channel) => [channel, refuse])) as unknown as Handlers;
  return { ...refused, ...systemHandlers(system), ...sessionHandlers(sessions), 'auth.logout': () => done };
}
