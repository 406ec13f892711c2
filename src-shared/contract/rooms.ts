import { z } from 'zod';
import { def, id, isoDate, isoMonth, line, reason } from './common';
import { roomOwedView } from './receivables';
import { payMethod } from './fees';
import { keyLoanView, keysContract } from './keys';
import { issuedPass, visitorPassesContract } from './visitor-passes';

/** 未交房 / 空置 / 自住 / 出租 / 装修中 */
export const roomState = z.enum(['undelivered', 'vacant', 'owner_occupied', 'rented', 'renovating']);
export type RoomState = z.infer<typeof roomState>;
export const ROOM_STATE_ZH: Record<RoomState, string> = { undelivered: '未交房', vacant: '空置', owner_occupied: '自住', rented: '出租', renovating: '装修中' };

export const meterKind = z.enum(['water', 'electricity', 'gas']);
export type MeterKind = z.infer<typeof meterKind>;
/** 交房 documents the counter ticks as seen (never copied) */
export const moveInDoc = z.enum(['purchase_contract', 'title_deed', 'id_card', 'movein_notice']);
export const decorationScope = z.enum(['plumbing_electric', 'walls', 'waterproofing', 'doors_windows', 'other']);
export const decorationDoc = z.enum(['drawings', 'contractor_licence', 'contractor_id', 'owner_consent']);
export const decorationStatus = z.enum(['applied', 'approved', 'in_progress', 'awaiting_acceptance', 'accepted', 'refunded', 'rejected', 'void']);
export type DecorationStatus = z.infer<typeof decorationStatus>;

const personName = line().trim().min(1, { message: '请输入姓名' }).max(40, { message: '姓名最多 40 个字' });
const phone = line().trim().max(20).optional();
const note = line().trim().max(200).optional();
const roomCodePart = line()
  .trim()
  .regex(/^[0-9A-Za-z]{1,8}$/, { message: '只能是 1–8 位数字或字母' });
/** 0.01 m² steps, up to 100,000 m² */
const areaM2 = z.number().min(0).max(100000).multipleOf(0.01).nullable().optional();
const fen = z.number().int().min(0).max(9999999999);

export const roomLink = z.object({ area: z.string(), refId: z.number().int().nullable(), label: z.string(), detail: z.string() });
export type RoomLink = z.infer<typeof roomLink>;

export const roomResidentView = z.object({
  id,
  kind: z.enum(['owner', 'tenant', 'family']),
  name: z.string(),
  phoneMasked: z.string(),
  moveIn: z.string().nullable(),
  moveOut: z.string().nullable(),
  /** the current (or last) lease's planned end, for a tenant */
  leaseEnd: z.string().nullable(),
  current: z.boolean(),
  erased: z.boolean(),
});
export type RoomResidentView = z.infer<typeof roomResidentView>;

export const roomView = z.object({
  id,
  code: z.string(),
  number: z.string(),
  buildingId: id,
  buildingCode: z.string(),
  buildingName: z.string(),
  unitId: id,
  unitCode: z.string(),
  floor: z.number().int().nullable(),
  areaM2: z.string().nullable(),
  roomType: z.string(),
  state: roomState,
});
export type RoomView = z.infer<typeof roomView>;

export const moveInCaseView = z.object({
  id,
  roomId: id,
  status: z.enum(['open', 'done', 'cancelled']),
  startedAt: z.string(),
  residentId: z.number().int().nullable(),
  steps: z.object({
    identity: z.string().nullable(),
    documents: z.string().nullable(),
    meters: z.string().nullable(),
    keys: z.string().nullable(),
    cards: z.string().nullable(),
    /** first fees collected (or none due) */
    fees: z.string().nullable(),
  }),
  /** the first fees' receipt, collected through 收费 */
  feesReceiptNo: z.string().nullable(),
  docsSeen: z.array(moveInDoc),
  readings: z.array(z.object({ meter: meterKind, reading: z.number() })),
  keyIds: z.array(z.number().int()),
  cardIds: z.array(z.number().int()),
  issues: z.string(),
  completedAt: z.string().nullable(),
});
export type MoveInCaseView = z.infer<typeof moveInCaseView>;

export const decorationLink = z.object({
  kind: z.enum(['worker_pass', 'key_loan', 'refund']),
  refId: id,
  /** the pass number, the key's tag or the receipt number */
  label: z.string(),
  /** a pass's company, a loan's borrower (masked); '' for the refund */
  who: z.string(),
  /** a pass's last moment of validity, a loan's due time */
  until: z.string().nullable(),
  /** the refund's amount (positive) */
  amountFen: z.number().int().nullable(),
  /** a pass still valid, a loan not returned */
  open: z.boolean(),
});
export type DecorationLink = z.infer<typeof decorationLink>;

export const decorationCaseView = z.object({
  id,
  roomId: id,
  roomCode: z.string(),
  status: decorationStatus,
  contractor: z.string(),
  personInCharge: z.string(),
  phoneMasked: z.string(),
  startDate: z.string(),
  plannedEnd: z.string(),
  scope: z.array(decorationScope),
  docsSeen: z.array(decorationDoc),
  depositFen: z.number().int(),
  depositReceiptNo: z.string().nullable(),
  deductedFen: z.number().int(),
  reviewRemark: z.string().nullable(),
  /** works past the planned end */
  overdue: z.boolean(),
  /** accepted more than 30 days ago and the deposit not refunded */
  refundOverdue: z.boolean(),
  events: z.array(z.object({ kind: z.string(), at: z.string(), note: z.string(), amountFen: z.number().int().nullable(), newEnd: z.string().nullable() })),
  /** what may be refunded: the deposit less the deductions recorded */
  refundableFen: z.number().int(),
  /** workers' passes issued under the case, the contractor's key loans and the refund receipt, each linking to its area */
  links: z.array(decorationLink),
});
export type DecorationCaseView = z.infer<typeof decorationCaseView>;

export const roomFile = z.object({
  room: roomView,
  residents: z.array(roomResidentView),
  stateHistory: z.array(z.object({ from: roomState.nullable(), to: roomState, at: z.string(), reason: z.string() })),
  transfers: z.array(z.object({ date: z.string(), fromName: z.string(), toName: z.string(), docs: z.array(z.string()) })),
  keys: z.array(roomLink),
  cards: z.array(roomLink),
  parcelsInStock: z.array(roomLink),
  openRequests: z.array(roomLink),
  moveIn: moveInCaseView.nullable(),
  decoration: decorationCaseView.nullable(),
  /** sections other areas add (visitors today, what the room owes), each a list of lines linking to the area */
  more: z.array(z.object({ area: z.string(), title: z.string(), lines: z.array(roomLink) })),
});
export type RoomFile = z.infer<typeof roomFile>;

export const occupancyCounts = z.object({
  undelivered: z.number().int(),
  vacant: z.number().int(),
  owner_occupied: z.number().int(),
  rented: z.number().int(),
  renovating: z.number().int(),
  total: z.number().int(),
});
export type OccupancyCounts = z.infer<typeof occupancyCounts>;
export const occupancyView = z.object({
  month: z.string(),
  property: occupancyCounts,
  /** per state: rooms that entered it minus rooms that left it during the month */
  monthChange: occupancyCounts,
  buildings: z.array(z.object({ buildingId: id, code: z.string(), name: z.string(), counts: occupancyCounts })),
});
export type OccupancyView = z.infer<typeof occupancyView>;

const caseId = id;
const roomInput = {
  floor: z.number().int().min(-10).max(300).nullable().optional(),
  areaM2,
  roomType: line().trim().max(20).optional(),
};

/** A resident ended or a tenant moved out, with what the room still owes (receivables.owed gives the same before). */
const movedOutView = roomResidentView.extend({ owed: roomOwedView.nullable() });
export type MovedOutView = z.infer<typeof movedOutView>;

export const roomsContract = {
  'rooms.file': def({ input: z.object({ roomId: id }), output: roomFile, access: 'receptionist' }),
  'rooms.buildings.update': def({
    input: z.object({ id, name: line().trim().min(1).max(40) }),
    output: z.object({ id, code: z.string(), name: z.string() }),
    access: 'supervisor',
  }),
  /** a building's units with their room counts (the pick list when adding a room) */
  'rooms.units.list': def({
    input: z.object({ buildingId: id }),
    output: z.array(z.object({ id, code: z.string(), rooms: z.number().int() })),
    access: 'receptionist',
  }),
  'rooms.units.create': def({
    input: z.object({ buildingId: id, code: roomCodePart }),
    output: z.object({ id, buildingId: id, code: z.string() }),
    access: 'supervisor',
  }),
  'rooms.create': def({
    input: z.object({ unitId: id, number: roomCodePart, state: roomState.optional(), ...roomInput }),
    output: roomView,
    access: 'supervisor',
  }),
  'rooms.update': def({ input: z.object({ id, ...roomInput }), output: roomView, access: 'supervisor' }),
  'rooms.setState': def({ input: z.object({ id, state: roomState, reason }), output: roomView, access: 'supervisor' }),
  'rooms.residents.add': def({
    input: z.object({ roomId: id, kind: z.enum(['owner', 'family']), name: personName, phone, moveIn: isoDate.optional(), note }),
    output: roomResidentView,
    access: 'receptionist',
  }),
  'rooms.residents.update': def({
    input: z.object({ id, name: personName.optional(), phone: phone.nullable(), note }),
    output: roomResidentView,
    access: 'receptionist',
  }),
  /** ends a resident (a tenant: closes the lease); `owed` is what the room still owes afterwards (null without receivables) */
  'rooms.residents.end': def({ input: z.object({ id, moveOut: isoDate, reason: reason.optional() }), output: movedOutView, access: 'receptionist' }),
  'rooms.tenants.moveIn': def({
    input: z.object({ roomId: id, name: personName, phone, startDate: isoDate, endDate: isoDate, note }),
    output: roomResidentView,
    access: 'receptionist',
  }),
  'rooms.tenants.moveOut': def({ input: z.object({ id, moveOut: isoDate }), output: movedOutView, access: 'receptionist' }),
  'rooms.residents.transfer': def({
    input: z.object({
      fromResidentId: id,
      date: isoDate,
      newOwner: z.object({ name: personName, phone, note }),
      docs: z.object({ titleDeed: z.boolean(), contract: z.boolean(), idCard: z.boolean() }),
    }),
    output: z.object({ ended: roomResidentView, added: roomResidentView }),
    access: 'receptionist',
  }),
  /**
   * An erasure request (PIPL): the person's details are erased; the history keeps that a resident lived there. A
   * supervisor erases directly; a receptionist brings a supervisor's approval (action resident.erase, subject `resident-<id>`).
   */
  'rooms.residents.erase': def({
    input: z.object({ id, reason, approvalId: line().max(100).optional() }),
    output: roomResidentView,
    access: 'receptionist',
  }),
  'rooms.moveIn.start': def({ input: z.object({ roomId: id }), output: moveInCaseView, access: 'receptionist' }),
  'rooms.moveIn.get': def({ input: z.object({ roomId: id }), output: moveInCaseView.nullable(), access: 'receptionist' }),
  'rooms.moveIn.identity': def({
    input: z.object({ caseId, residentId: id.optional(), name: personName.optional(), phone, idNote: line().trim().min(2).max(60) }),
    output: moveInCaseView,
    access: 'receptionist',
  }),
  'rooms.moveIn.documents': def({ input: z.object({ caseId, docs: z.array(moveInDoc).min(1).max(4) }), output: moveInCaseView, access: 'receptionist' }),
  'rooms.moveIn.meters': def({
    input: z.object({
      caseId,
      readings: z
        .array(z.object({ meter: meterKind, reading: z.number().min(0).max(999999999).multipleOf(0.01) }))
        .min(1)
        .max(3),
    }),
    output: moveInCaseView,
    access: 'receptionist',
  }),
  'rooms.moveIn.keys': def({ input: z.object({ caseId, keyIds: z.array(id).max(20), signedBy: personName }), output: moveInCaseView, access: 'receptionist' }),
  'rooms.moveIn.card': def({
    input: z.object({ caseId, number: line().trim().min(1).max(32), type: z.enum(['access', 'function']).optional(), depositFen: fen.optional() }),
    output: moveInCaseView,
    access: 'receptionist',
  }),
  /** The first fees: the receipt collected through 收费 for the room (left out: none due at the handover). */
  'rooms.moveIn.fees': def({ input: z.object({ caseId, receiptNo: line().trim().min(1).max(40).optional() }), output: moveInCaseView, access: 'receptionist' }),
  'rooms.moveIn.cardsDone': def({ input: z.object({ caseId }), output: moveInCaseView, access: 'receptionist' }),
  'rooms.moveIn.finish': def({
    input: z.object({ caseId, state: z.enum(['vacant', 'owner_occupied']), issues: note }),
    output: moveInCaseView,
    access: 'receptionist',
  }),
  /** 交房确认单: the lines to print for signature */
  'rooms.moveIn.slip': def({ input: z.object({ caseId }), output: z.object({ title: z.string(), lines: z.array(z.string()) }), access: 'receptionist' }),
  /** 交房确认单 on the receipt printer (short form); queued: false when no printer is set up (print it on A4). */
  'rooms.moveIn.print': def({ input: z.object({ caseId }), output: z.object({ queued: z.boolean() }), access: 'receptionist' }),
  /** 当日收楼汇总 */
  'rooms.moveIn.day': def({
    input: z.object({ date: isoDate }),
    output: z.object({
      date: z.string(),
      rooms: z.array(
        z.object({
          caseId: id,
          roomCode: z.string(),
          completedAt: z.string(),
          keys: z.number().int(),
          cards: z.number().int(),
          issues: z.string(),
          receiptNo: z.string().nullable(),
          feesFen: z.number().int(),
        }),
      ),
      keys: z.number().int(),
      cards: z.number().int(),
      feesFen: z.number().int(),
    }),
    access: 'receptionist',
  }),
  'rooms.decoration.apply': def({
    input: z.object({
      roomId: id,
      applicantId: id.optional(),
      contractor: line().trim().min(1).max(60),
      personInCharge: personName,
      contractorPhone: line().trim().min(7).max(20),
      startDate: isoDate,
      plannedEnd: isoDate,
      scope: z.array(decorationScope).min(1).max(5),
      docs: z.array(decorationDoc).max(4),
      depositFen: fen,
    }),
    output: decorationCaseView,
    access: 'receptionist',
  }),
  'rooms.decoration.review': def({
    input: z.object({ caseId, approve: z.boolean(), remark: line().trim().max(200).optional() }),
    output: decorationCaseView,
    access: 'supervisor',
  }),
  'rooms.decoration.deposit': def({ input: z.object({ caseId, receiptNo: line().trim().min(1).max(40) }), output: decorationCaseView, access: 'receptionist' }),
  'rooms.decoration.start': def({ input: z.object({ caseId }), output: decorationCaseView, access: 'receptionist' }),
  'rooms.decoration.extend': def({ input: z.object({ caseId, newEnd: isoDate, reason }), output: decorationCaseView, access: 'receptionist' }),
  'rooms.decoration.patrol': def({
    input: z.object({ caseId, violation: z.boolean(), note: line().trim().max(200).optional(), deductionFen: fen.optional() }),
    output: decorationCaseView,
    access: 'receptionist',
  }),
  'rooms.decoration.finish': def({ input: z.object({ caseId }), output: decorationCaseView, access: 'receptionist' }),
  'rooms.decoration.accept': def({
    input: z.object({ caseId, pass: z.boolean(), opinion: line().trim().min(2).max(200) }),
    output: decorationCaseView,
    access: 'supervisor',
  }),
  'rooms.decoration.void': def({ input: z.object({ caseId, reason }), output: decorationCaseView, access: 'receptionist' }),
  /** A worker's temporary pass issued under the case (the visitors area's pass, for the case's room). */
  'rooms.decoration.workerPass': def({
    input: z.object({ caseId, pass: visitorPassesContract['visitors.workers.issue'].input.omit({ roomId: true, commonAreaReason: true }) }),
    output: issuedPass,
    access: 'receptionist',
  }),
  /** The contractor borrows a key of the room (the keys area's loan, purpose 装修). */
  'rooms.decoration.keyLoan': def({
    input: z.object({ caseId, loan: keysContract['keys.lend'].input.omit({ purpose: true, borrowerType: true }) }),
    output: keyLoanView,
    access: 'receptionist',
  }),
  /**
   * The deposit refunded through 收费's refund (supervisor approval 'deposit.refund' bound to the deposit receipt):
   * the deposit less the deductions recorded, never more; the case becomes 押金已退.
   */
  'rooms.decoration.refund': def({
    input: z.object({ caseId, approvalId: line().max(100), method: payMethod, reference: line().trim().max(64).optional() }),
    output: decorationCaseView,
    access: 'receptionist',
  }),
  'rooms.decoration.get': def({ input: z.object({ caseId }), output: decorationCaseView, access: 'receptionist' }),
  'rooms.decoration.list': def({ input: z.object({ status: decorationStatus.optional() }), output: z.array(decorationCaseView), access: 'receptionist' }),
  'rooms.occupancy': def({ input: z.object({ month: isoMonth.optional() }), output: occupancyView, access: 'receptionist' }),
  /** the occupancy statistics of a month as an XLSX (no personal data in it) */
  'rooms.occupancy.export': def({
    input: z.object({ month: isoMonth.optional() }),
    output: z.object({ fileName: z.string(), data: z.string() }),
    access: 'receptionist',
    maxBytes: 1024,
  }),
} as const;
