import type { Sql } from '../../db/sql';
import { renderSlip, printedTime, type Rendered, type SlipLine, type Width } from '../../devices/printer/receipt';
import { maskName } from '@shared/mask';
import * as repo from './parcels.repo';
import { readParcelSettings } from './parcel-settings';
import { slotLabel } from './shelves';
import { CARRIER_NAMES, type Carrier } from './carriers';
import { spokenCode } from './pickup-code';

/** What the intake slip/label shows. Personal data already masked by the caller. */
export interface ParcelSlipDoc {
  propertyName: string;
  pickupCode: string;
  slotLabel: string | null;
  roomCode: string | null;
  recipientMasked: string | null;
  phoneLast4: string | null;
  carrier: Carrier;
  waybill: string;
  intakeAt: string;
  operatorName: string;
  overdueDays: number;
  /** the property's time zone */
  timeZone: string;
}

/**
 * The intake slip (快递入库单 / 取件凭条): the pickup code big, the slot, room and masked recipient, carrier and
 * waybill, and the pickup code as CODE128 so scanning the slip at pickup finds the parcel (parcels.byCode).
 */
export function renderParcelSlip(doc: ParcelSlipDoc, width: Width): Rendered {
  const lines: SlipLine[] = [
    ...(doc.propertyName ? [{ heading: doc.propertyName }] : []),
    ['取件码', spokenCode(doc.pickupCode)],
    ['货架', doc.slotLabel ?? '未分配'],
    ['房号', doc.roomCode ?? '—'],
    ['收件人', doc.recipientMasked ?? '—'],
    ...(doc.phoneLast4 ? [['手机尾号', doc.phoneLast4] as const] : []),
    { rule: true },
    ['快递', CARRIER_NAMES[doc.carrier]],
    ['单号', doc.waybill],
    ['入库', printedTime(doc.intakeAt, doc.timeZone)],
    ['经办', doc.operatorName],
    { rule: true },
    `请凭取件码到前台领取，超过 ${doc.overdueDays} 天未取将列为滞留件。`,
  ];
  return renderSlip(`取件码 ${spokenCode(doc.pickupCode)}`, lines, { width, barcode: doc.pickupCode });
}

/** A parcel row as the slip document: names masked, the overdue setting as it is now. */
export function parcelSlipDoc(sql: Sql, parcelId: number, propertyName: string, timeZone: string): ParcelSlipDoc {
  const r = repo.byId(sql, parcelId);
  if (!r) throw new Error(`parcel ${parcelId} not found`);
  return {
    propertyName,
    pickupCode: r.pickup_code,
    slotLabel: r.shelf_code && r.slot !== null ? slotLabel(r.shelf_code, r.slot, r.shelf_slots ?? 99) : null,
    roomCode: r.room_code,
    recipientMasked: maskName(r.recipient || null),
    phoneLast4: r.phone_last4,
    carrier: r.carrier,
    waybill: r.waybill,
    intakeAt: r.intake_at,
    operatorName: r.intake_by_name,
    overdueDays: readParcelSettings(sql).overdueDays,
    timeZone,
  };
}
