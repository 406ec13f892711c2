import type { keysContract } from '@shared/contract/keys';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { KeysService } from './keys.service';

/** Key-custody channels → the keys service. */
export function keysHandlers(keys: KeysService): HandlersOf<typeof keysContract> {
  return {
    'keys.list': (i) => keys.list(i),
    'keys.save': (i, ctx) => keys.save(i, actor(ctx)),
    'keys.lend': (i, ctx) => keys.lend(i, actor(ctx)),
    'keys.return': (i, ctx) => keys.returnKey(i.loanId, i.condition, i.note, actor(ctx)),
    'keys.loans': (i) => keys.loans(i),
    'keys.overdue': () => keys.overdue(),
    'keys.count': () => keys.count(),
    'keys.recordCount': (i, ctx) => keys.recordCount(i.counted, i.explanation, actor(ctx)),
  };
}
