import type { visitorsContract } from '@shared/contract/visitors';
import type { visitorPassesContract } from '@shared/contract/visitor-passes';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { AppointmentsService } from './appointments.service';
import type { PassesService } from './passes.service';
import type { RemovalService } from './removal.service';
import type { VisitorRetention } from './retention';
import type { VisitorSettingsStore } from './settings';
import type { VisitsService } from './visits.service';
import type { WorkersService } from './workers.service';

/** The services of the visitor area (访客与放行), as its handlers use them. */
export interface VisitorServices {
  settings: VisitorSettingsStore;
  visits: VisitsService;
  appointments: AppointmentsService;
  passes: PassesService;
  workers: WorkersService;
  removal: RemovalService;
  retention: VisitorRetention;
}

/** Visitor register, appointments, refusal list and settings channels → the visitor services. */
export function visitorsHandlers(v: VisitorServices): HandlersOf<typeof visitorsContract> {
  return {
    'visitors.settings.get': () => v.settings.view(),
    'visitors.settings.save': (i, ctx) => v.settings.save(i, actor(ctx)),
    'visitors.checkIn': (i, ctx) => v.visits.checkIn(i, actor(ctx)),
    'visitors.returning': (i) => v.visits.returning(i.name, i.phoneLast4),
    'visitors.checkOut': (i, ctx) => v.visits.checkOut(i, actor(ctx)),
    'visitors.checkOutBulk': (i, ctx) => v.visits.checkOutBulk(i.reason, i.checkedInBefore, actor(ctx)),
    'visitors.onSite': () => v.visits.onSite(),
    'visitors.search': (i) => v.visits.search(i),
    'visitors.reveal': (i, ctx) => v.visits.reveal(i.visitId, i.field, i.reason, actor(ctx)),
    'visitors.appointments.create': (i, ctx) => v.appointments.create(i, actor(ctx)),
    'visitors.appointments.list': (i) => v.appointments.list(i.date, i.status),
    'visitors.appointments.cancel': (i, ctx) => v.appointments.cancel(i.id, i.reason, actor(ctx)),
    'visitors.refusals.list': (i) => v.appointments.refusals(i.includeEnded ?? false),
    'visitors.refusals.save': (i, ctx) => v.appointments.addRefusal(i, actor(ctx)),
    'visitors.refusals.end': (i, ctx) => v.appointments.endRefusal(i.id, i.reason, actor(ctx)),
    'visitors.retention.run': () => v.retention.run(),
  };
}

/** Pass, temporary pass, form register and removal pass channels → the visitor services. */
export function visitorPassesHandlers(v: VisitorServices): HandlersOf<typeof visitorPassesContract> {
  return {
    'visitors.passes.get': (i) => v.passes.get(i.passNo),
    'visitors.passes.reprint': (i, ctx) => v.passes.reprint(i.passNo, actor(ctx)),
    'visitors.passes.void': (i, ctx) => v.passes.void(i.passNo, i.reason, actor(ctx)),
    'visitors.passes.preview': (i) => v.passes.preview(i.passNo),
    'visitors.workers.issue': (i, ctx) => v.workers.issue(i, actor(ctx)),
    'visitors.workers.list': (i) => v.workers.list(i.status ?? 'out', i.q, i.limit ?? 200),
    'visitors.workers.return': (i, ctx) => v.workers.returnPass(i.passNo, actor(ctx)),
    'visitors.workers.lost': (i, ctx) => v.workers.lost(i.passNo, i.reason, actor(ctx)),
    'visitors.forms.receive': (i, ctx) => v.workers.receive(i, actor(ctx)),
    'visitors.forms.register': () => v.workers.register(),
    'visitors.forms.writeOff': (i, ctx) => v.workers.writeOff(i.formNo, i.state, i.reason, actor(ctx)),
    'visitors.forms.count': (i, ctx) => v.workers.count(i.counted, i.explanation, actor(ctx)),
    'visitors.removal.openIssues': (i) => v.removal.openIssues(i.roomId),
    'visitors.removal.issue': (i, ctx) => v.removal.issue(i, actor(ctx)),
    'visitors.removal.list': (i) => v.removal.list(i),
    'visitors.removal.verify': (i, ctx) => v.removal.verify(i.passNo, actor(ctx)),
  };
}
