import type { parcelsContract } from '@shared/contract/parcels';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { ParcelsReport } from './parcels-report';
import type { ParcelsService } from './parcels.service';

/** Parcel channels → the parcels service; the day's figures, search and export → the parcels report. */
export function parcelsHandlers(parcels: ParcelsService, report: ParcelsReport): HandlersOf<typeof parcelsContract> {
  return {
    'parcels.detect': (i) => parcels.detect(i.waybill),
    'parcels.suggestSlot': (i) => parcels.suggest(i.roomId ?? null),
    'parcels.intake': (i, ctx) => parcels.intake(i, actor(ctx)),
    'parcels.intakeBatch': (i, ctx) => parcels.intakeBatch(i.items, i.print, actor(ctx)),
    'parcels.update': (i, ctx) => parcels.update(i, actor(ctx)),
    'parcels.get': (i) => parcels.get(i.id),
    'parcels.byCode': (i) => parcels.byCode(i.code),
    'parcels.byWaybill': (i) => parcels.byWaybill(i.waybill),
    'parcels.byRoom': (i) => parcels.byRoom(i.roomId),
    'parcels.pickup': (i, ctx) => parcels.pickup(i, actor(ctx)),
    'parcels.overdue': (i) => parcels.overdue(i.limit),
    'parcels.remind': (i, ctx) => parcels.remind(i.ids, actor(ctx)),
    'parcels.return': (i, ctx) => parcels.returnToCourier(i.ids, i.reason, actor(ctx)),
    'parcels.writeOff': (i, ctx) => parcels.writeOff(i.id, i.approvalId, i.reason, actor(ctx)),
    'parcels.stats': (i) => report.stats(i.date),
    'parcels.search': (i) => report.search(i),
    'parcels.export': (i, ctx) => report.exportXlsx(i.from, i.to, i.status, actor(ctx)),
    'parcels.slip': (i) => parcels.slipPreview(i.id),
    'parcels.reprintSlip': (i, ctx) => parcels.reprintSlip(i.id, actor(ctx)),
    'parcels.shelves.list': () => parcels.shelves(),
    'parcels.shelves.save': (i, ctx) => parcels.saveShelf(i, actor(ctx)),
    'parcels.settings.get': () => parcels.settings(),
    'parcels.settings.save': (i, ctx) => parcels.saveSettings(i, actor(ctx)),
    'parcels.carrierMemory.list': () => parcels.carrierMemory(),
    'parcels.carrierMemory.clear': (i, ctx) => parcels.clearCarrierMemory(i.key, actor(ctx)),
  };
}
