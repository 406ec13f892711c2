import type { receivablesContract } from '@shared/contract/receivables';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { CollectionsService } from './collections.service';
import type { LateFees } from './late-fees';
import type { OpeningImport } from './opening';
import type { ReceivablesService } from './receivables.service';

/** Receivables channels → the receivables, collections and opening-balance services. */
export function receivablesHandlers(
  r: ReceivablesService,
  c: CollectionsService,
  opening: OpeningImport,
  late: LateFees,
): HandlersOf<typeof receivablesContract> {
  return {
    'receivables.settings.get': () => r.settings(),
    'receivables.settings.save': (i, ctx) => r.saveSettings(i, actor(ctx)),
    'receivables.items.list': () => r.items(),
    'receivables.items.save': (i, ctx) => r.saveItem(i, actor(ctx)),
    'receivables.rates.add': (i, ctx) => r.addRate(i, actor(ctx)),
    'receivables.plan.get': (i) => r.plans(i.roomId),
    'receivables.plan.save': (i, ctx) => r.savePlan(i, actor(ctx)),
    'receivables.vacancy.add': (i, ctx) => r.addVacancy(i, actor(ctx)),
    'receivables.adjust': (i, ctx) => r.adjust(i, actor(ctx)),
    'receivables.lateFee.waive': (i, ctx) => late.waive(i, actor(ctx)),
    'receivables.dues': (i) => r.dues(i.roomId),
    'receivables.owed': (i) => r.owed(i.roomId),
    'receivables.arrears': (i) => c.arrears(i),
    'receivables.contacts.add': (i, ctx) => c.addContact(i, actor(ctx)),
    'receivables.contacts.list': (i) => c.contacts(i.roomId),
    'receivables.queue': (i) => c.queue(i.days, i.limit),
    'receivables.figures': (i) => c.figures(i),
    'receivables.opening.preview': (i, ctx) => opening.preview(i.fileName, i.data, actor(ctx)),
    'receivables.opening.confirm': (i, ctx) => opening.confirm(i.previewId, i.skipErrors, actor(ctx)),
  };
}
