import type { roomsContract } from '@shared/contract/rooms';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { RoomsService } from './rooms.service';
import type { ResidentsService } from './residents.service';
import type { MoveInService } from './movein.service';
import type { DecorationService } from './decoration.service';
import type { DecorationLinksService } from './decoration-links.service';
import { occupancyXlsx } from './occupancy-export';

/** Room file, residents, move-in and decoration channels → their services. */
export function roomsHandlers(
  rooms: RoomsService,
  residents: ResidentsService,
  moveIn: MoveInService,
  decoration: DecorationService,
  links: DecorationLinksService,
): HandlersOf<typeof roomsContract> {
  return {
    'rooms.file': (i) => rooms.file(i.roomId),
    'rooms.buildings.update': (i, ctx) => rooms.updateBuilding(i.id, i.name, actor(ctx)),
    'rooms.units.list': (i) => rooms.units(i.buildingId),
    'rooms.units.create': (i, ctx) => rooms.createUnit(i.buildingId, i.code, actor(ctx)),
    'rooms.create': (i, ctx) => rooms.create(i, actor(ctx)),
    'rooms.update': (i, ctx) => rooms.update(i.id, i, actor(ctx)),
    'rooms.setState': (i, ctx) => rooms.setState(i.id, i.state, i.reason, actor(ctx)),
    'rooms.residents.add': (i, ctx) => residents.add(i, actor(ctx)),
    'rooms.residents.update': (i, ctx) => residents.update(i.id, i, actor(ctx)),
    'rooms.residents.end': (i, ctx) => residents.endTelling(i.id, i.moveOut, i.reason, actor(ctx)),
    'rooms.tenants.moveIn': (i, ctx) => residents.tenantMoveIn(i, actor(ctx)),
    'rooms.tenants.moveOut': (i, ctx) => residents.tenantMoveOutTelling(i.id, i.moveOut, actor(ctx)),
    'rooms.residents.transfer': (i, ctx) => residents.transfer(i, actor(ctx)),
    'rooms.residents.erase': (i, ctx) => residents.erase(i.id, i.reason, actor(ctx), i.approvalId),
    'rooms.moveIn.start': (i, ctx) => moveIn.start(i.roomId, actor(ctx)),
    'rooms.moveIn.get': (i) => moveIn.get(i.roomId),
    'rooms.moveIn.identity': (i, ctx) => moveIn.identity(i, actor(ctx)),
    'rooms.moveIn.documents': (i, ctx) => moveIn.documents(i.caseId, i.docs, actor(ctx)),
    'rooms.moveIn.meters': (i, ctx) => moveIn.meters(i.caseId, i.readings, actor(ctx)),
    'rooms.moveIn.keys': (i, ctx) => moveIn.handOverKeys(i.caseId, i.keyIds, i.signedBy, actor(ctx)),
    'rooms.moveIn.card': (i, ctx) => moveIn.issueCard(i, actor(ctx)),
    'rooms.moveIn.fees': (i, ctx) => moveIn.fees(i.caseId, i.receiptNo, actor(ctx)),
    'rooms.moveIn.cardsDone': (i, ctx) => moveIn.cardsDone(i.caseId, actor(ctx)),
    'rooms.moveIn.finish': (i, ctx) => moveIn.finish(i.caseId, i.state, i.issues, actor(ctx)),
    'rooms.moveIn.slip': (i) => moveIn.slip(i.caseId),
    'rooms.moveIn.print': (i, ctx) => moveIn.printSlip(i.caseId, actor(ctx)),
    'rooms.moveIn.day': (i) => moveIn.day(i.date),
    'rooms.decoration.apply': (i, ctx) => decoration.apply(i, actor(ctx)),
    'rooms.decoration.review': (i, ctx) => decoration.review(i.caseId, i.approve, i.remark, actor(ctx)),
    'rooms.decoration.deposit': (i, ctx) => decoration.linkDeposit(i.caseId, i.receiptNo, actor(ctx)),
    'rooms.decoration.start': (i, ctx) => decoration.start(i.caseId, actor(ctx)),
    'rooms.decoration.extend': (i, ctx) => decoration.extend(i.caseId, i.newEnd, i.reason, actor(ctx)),
    'rooms.decoration.patrol': (i, ctx) => decoration.patrol(i.caseId, i.violation, i.note, i.deductionFen, actor(ctx)),
    'rooms.decoration.finish': (i, ctx) => decoration.finish(i.caseId, actor(ctx)),
    'rooms.decoration.accept': (i, ctx) => decoration.accept(i.caseId, i.pass, i.opinion, actor(ctx)),
    'rooms.decoration.void': (i, ctx) => decoration.void(i.caseId, i.reason, actor(ctx)),
    'rooms.decoration.workerPass': (i, ctx) => links.workerPass(i.caseId, i.pass, actor(ctx)),
    'rooms.decoration.keyLoan': (i, ctx) => links.keyLoan(i.caseId, i.loan, actor(ctx)),
    'rooms.decoration.refund': (i, ctx) => links.refund(i.caseId, i.approvalId, i.method, i.reference, actor(ctx)),
    'rooms.decoration.get': (i) => decoration.get(i.caseId),
    'rooms.decoration.list': (i) => decoration.list(i.status),
    'rooms.occupancy': (i) => rooms.occupancy(i.month),
    'rooms.occupancy.export': (i) => occupancyXlsx(rooms.occupancy(i.month)),
  };
}
