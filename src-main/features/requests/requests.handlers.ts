import type { requestsContract } from '@shared/contract/requests';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { RequestsService } from './requests.service';

/** Service-request (报修投诉) channels → the requests service. */
export function requestsHandlers(requests: RequestsService): HandlersOf<typeof requestsContract> {
  return {
    'requests.settings.get': () => requests.settings(),
    'requests.settings.save': (i, ctx) => requests.saveSettings(i, actor(ctx)),
    'requests.log': (i, ctx) => requests.log(i, actor(ctx)),
    'requests.dispatch': (i, ctx) => requests.dispatch(i.id, i.department, i.note, actor(ctx)),
    'requests.start': (i, ctx) => requests.start(i.id, i.note, actor(ctx)),
    'requests.done': (i, ctx) => requests.done(i.id, i.note, actor(ctx)),
    'requests.callback': (i, ctx) => requests.callback(i.id, i.satisfaction, i.note, actor(ctx)),
    'requests.get': (i) => requests.get(i.id),
    'requests.list': (i) => requests.list(i.view, i.q, i.limit),
    'requests.stats': (i) => requests.stats(i.from, i.to),
  };
}
