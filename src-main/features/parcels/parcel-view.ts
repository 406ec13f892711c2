import type { ParcelView } from '@shared/contract/parcels';
import type { PrintInfo } from '../fees/receipt-view';
import { maskName } from '@shared/mask';
import { CARRIER_NAMES } from './carriers';
import type { ParcelRow } from './parcels.repo';
import { spokenCode } from './pickup-code';
import { slotLabel } from './shelves';

const DAY_MS = 86_400_000;

/** A parcel taken in before this instant is overdue. */
export function overdueCutoff(now: Date, overdueDays: number): string {
  return new Date(now.getTime() - overdueDays * DAY_MS).toISOString();
}

export const rowSlotLabel = (r: ParcelRow): string | null => (r.shelf_code && r.slot !== null ? slotLabel(r.shelf_code, r.slot, r.shelf_slots ?? 99) : null);

/** A parcel for the screen: names masked, codes and slot ready to show. */
export function parcelView(r: ParcelRow, now: Date, cutoff: string, print: PrintInfo): ParcelView {
  const inStock = r.status === 'in_stock';
  const end = inStock ? now.getTime() : Date.parse(r.closed_at ?? r.intake_at);
  return {
    id: r.id,
    waybill: r.waybill,
    carrier: r.carrier,
    carrierName: CARRIER_NAMES[r.carrier],
    status: r.status,
    pickupCode: r.pickup_code,
    pickupCodeSpoken: spokenCode(r.pickup_code),
    roomId: r.room_id,
    roomCode: r.room_code,
    residentId: r.resident_id,
    recipientMasked: maskName(r.recipient || null),
    phoneLast4: r.phone_last4,
    unlisted: r.unlisted === 1,
    needsDetails: r.room_id === null && r.recipient === '',
    shelfId: r.shelf_id,
    slot: r.slot,
    slotLabel: rowSlotLabel(r),
    note: r.note,
    intakeAt: r.intake_at,
    intakeByName: r.intake_by_name,
    daysInStock: Math.max(0, Math.floor((end - Date.parse(r.intake_at)) / DAY_MS)),
    overdue: inStock && r.intake_at < cutoff,
    closedAt: r.closed_at,
    closedByName: r.closed_by_name,
    pickup:
      r.status === 'picked_up' && r.picked_at && r.check_method
        ? {
            at: r.picked_at,
            collectorMasked: maskName(r.collector || null) ?? '',
            check: r.check_method,
            checkNote: r.check_note ?? '',
            proxy: r.proxy === 1,
            proxyNameMasked: maskName(r.proxy_name),
          }
        : null,
    returnReason: r.return_reason,
    writeOff: r.status === 'written_off' ? { reason: r.writeoff_reason ?? '', approverName: r.approver_name } : null,
    printState: print.state,
  };
}
