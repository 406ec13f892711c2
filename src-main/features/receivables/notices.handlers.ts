import type { arrearsContract } from '@shared/contract/arrears';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { ArrearsExports } from './arrears-export';
import type { NoticesService } from './notices.service';

/** Notice and export channels → the notices service and the 欠费催缴 exports. */
export function arrearsHandlers(n: NoticesService, x: ArrearsExports): HandlersOf<typeof arrearsContract> {
  return {
    'receivables.notices.settings.get': () => n.settings(),
    'receivables.notices.settings.save': (i, ctx) => n.saveSettings(i, actor(ctx)),
    'receivables.notices.issue': (i, ctx) => n.issue(i, actor(ctx)),
    'receivables.notices.get': (i) => n.get(i),
    'receivables.notices.print': (i) => n.print(i.ids),
    'receivables.notices.export': (i) => x.notices(i.ids),
    'receivables.arrears.export': (i) => x.arrears(i),
    'receivables.figures.export': (i) => x.figures(i),
  };
}
