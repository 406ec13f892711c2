import type { cashContract } from '@shared/contract/cash';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { CashService } from './cash.service';

/** Cash-session channels → the cash service. */
export function cashHandlers(cash: CashService): HandlersOf<typeof cashContract> {
  return {
    'cash.current': (_i, ctx) => cash.current(actor(ctx)),
    'cash.open': (i, ctx) => cash.open(i.count, actor(ctx)),
    'cash.move': (i, ctx) => cash.move(i.kind, i.amountFen, i.reason, actor(ctx)),
    'cash.close': (i, ctx) => cash.close(i.count, i.approvalId, actor(ctx)),
    'cash.handover': (i, ctx) => cash.handover(i.sessionId, i.financeName, i.note, actor(ctx)),
    'cash.sessions.list': (i) => cash.list(i.limit),
    'cash.slip': (i) => cash.slip(i.sessionId),
  };
}
