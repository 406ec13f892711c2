import type { handoverContract } from '@shared/contract/handover';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { HandoverService } from './handover.service';

/** Shift-handover (交接班) channels → the handover service. */
export function handoverHandlers(handover: HandoverService): HandlersOf<typeof handoverContract> {
  return {
    'handover.summary': () => handover.summary(),
    'handover.create': (i, ctx) => handover.create(i, actor(ctx)),
    'handover.pending': () => handover.pending(),
    'handover.respond': (i, ctx) => handover.respond(i.itemId, i.status, i.response, actor(ctx)),
    'handover.acknowledge': (i, ctx) => handover.acknowledge(i.id, actor(ctx)),
    'handover.list': (i) => handover.list(i.q, i.unacknowledged, i.limit),
    'handover.myItems': (_i, ctx) => handover.myItems(actor(ctx)),
    'handover.itemDone': (i, ctx) => handover.itemDone(i.itemId, actor(ctx)),
    'handover.print': (i) => handover.print(i.id),
  };
}
