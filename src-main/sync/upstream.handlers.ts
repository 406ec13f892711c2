import type { upstreamContract } from '@shared/contract/upstream';
import { actor, type HandlersOf } from '../ipc/handle';
import type { UpstreamService } from './upstream.service';

/** Upstream (head-office sending) channels → the upstream service. */
export function upstreamHandlers(upstream: UpstreamService): HandlersOf<typeof upstreamContract> {
  return {
    'upstream.settings.get': () => upstream.settings(),
    'upstream.settings.save': (i, ctx) => upstream.saveSettings(i, actor(ctx)),
    'upstream.sendNow': () => upstream.sendNow(),
    'upstream.history': (i) => upstream.history(i.limit),
  };
}
