import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { CarrierDetection, CarrierMemoryEntry, ParcelSettings, ParcelView, ShelfView } from '@shared/contract/parcels';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import { CARRIER_NAMES, detectCarrier } from './carriers';
import { carrierMemoryView, forgetCarrierMemory, readCarrierMemory, writeParcelSettings } from './parcel-settings';
import { ParcelsBase, type ParcelPrintSink } from './parcels-common';
import { ParcelIntake, type IntakeInput, type UpdateInput } from './parcels-intake';
import { ParcelOverdue } from './parcels-overdue';
import { ParcelPickup, type PickupInput } from './parcels-pickup';
import { ParcelShelves } from './parcels-shelves';
import * as repo from './parcels.repo';
import { cryptoRandom, normalizePickupCode, type Random } from './pickup-code';
import { parcelSlipDoc, renderParcelSlip } from './slip';
import type { PropertyCalendar } from '@shared/calendar';
import type { ParsedInput } from '@shared/contract';
import type { Width } from '../../devices/printer/receipt';

export type { ParcelPrintSink } from './parcels-common';
export type { IntakeInput, SlotInput, UpdateInput } from './parcels-intake';
export type { PickupInput } from './parcels-pickup';

/**
 * Parcels: intake with pickup codes and shelf slots (parcels-intake), pickup (parcels-pickup), overdue, returns and
 * write-offs (parcels-overdue), shelves (parcels-shelves); here the settings, the carrier memory, lookups and slips.
 * One facade, so the handlers and the other features see one service.
 */
export class ParcelsService extends ParcelsBase {
  private readonly intakeDesk: ParcelIntake;
  private readonly pickupDesk: ParcelPickup;
  private readonly overdueDesk: ParcelOverdue;
  private readonly shelfDesk: ParcelShelves;

  constructor(sql: Sql, clock: Clock, operators: OperatorsService, print: ParcelPrintSink, calendar: PropertyCalendar, random: Random = cryptoRandom) {
    const d = { sql, clock, print, calendar };
    super(d);
    this.intakeDesk = new ParcelIntake(d, random);
    this.pickupDesk = new ParcelPickup(d);
    this.overdueDesk = new ParcelOverdue(d, operators);
    this.shelfDesk = new ParcelShelves(d);
  }

  saveSettings(s: ParcelSettings, actor: SessionOperator): ParcelSettings {
    this.sql.tx(() => {
      writeParcelSettings(this.sql, s, this.now());
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'settings.parcels', entity: 'settings', entityId: 'parcels', detail: s });
    });
    return this.settings();
  }

  carrierMemory(): CarrierMemoryEntry[] {
    return carrierMemoryView(this.sql);
  }

  /** Forgets one remembered carrier choice, or all; the next number of that shape is asked again. */
  clearCarrierMemory(key: string | undefined, actor: SessionOperator): { cleared: number; entries: CarrierMemoryEntry[] } {
    const cleared = this.sql.tx(() => {
      const before = carrierMemoryView(this.sql);
      const gone = forgetCarrierMemory(this.sql, key, this.now());
      if (key !== undefined && gone.length === 0) throw new AppError('NOT_FOUND', '这条记忆已经不在了：请刷新列表。');
      const forgotten = before.filter((e) => gone.includes(e.key)).map((e) => ({ key: e.key, carrier: e.carrier, byName: e.byName, example: e.example }));
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'parcel.carrier_memory_clear',
        entity: 'settings',
        entityId: 'parcel_carrier_memory',
        detail: { forgotten },
      });
      return gone.length;
    });
    return { cleared, entries: carrierMemoryView(this.sql) };
  }

  detect(waybill: string): CarrierDetection {
    const d = detectCarrier(waybill, readCarrierMemory(this.sql));
    const dup = d.kind === 'invalid' ? undefined : repo.inStockWaybill(this.sql, d.waybill);
    const dupView = dup ? this.get(dup.id) : null;
    return {
      waybill: d.waybill,
      kind: d.kind,
      carrier: d.kind === 'known' ? d.carrier : null,
      carrierName: d.kind === 'known' ? CARRIER_NAMES[d.carrier] : null,
      candidates: d.kind === 'ambiguous' || d.kind === 'unknown' ? d.candidates.map((c) => ({ code: c, name: CARRIER_NAMES[c] })) : [],
      remembered: d.kind === 'ambiguous' ? d.remembered : null,
      reason: d.kind === 'invalid' ? d.reason : null,
      duplicate: dupView
        ? { id: dupView.id, pickupCode: dupView.pickupCode, slot: dupView.slotLabel, roomCode: dupView.roomCode, intakeAt: dupView.intakeAt }
        : null,
    };
  }

  // ——— intake ———

  suggest(roomId: number | null): { shelfId: number; slot: number; label: string } | null {
    return this.intakeDesk.suggest(roomId);
  }

  /** 入库 of one scanned parcel. */
  intake(input: IntakeInput, actor: SessionOperator): ParcelView {
    return this.intakeDesk.intake(input, actor);
  }

  /** Batch intake: each parcel in its own savepoint, so one bad scan does not lose the rest. */
  intakeBatch(items: ParsedInput<'parcels.intakeBatch'>['items'], print: boolean | undefined, actor: SessionOperator) {
    return this.intakeDesk.intakeBatch(items, print, actor);
  }

  /** Fixes details while the parcel is in stock. Only the fields given change. */
  update(input: UpdateInput, actor: SessionOperator): ParcelView {
    return this.intakeDesk.update(input, actor);
  }

  // ——— pickup ———

  pickup(input: PickupInput, actor: SessionOperator): ParcelView[] {
    return this.pickupDesk.pickup(input, actor);
  }

  // ——— overdue, return, write-off ———

  overdue(limit = 200): ParcelView[] {
    return this.overdueDesk.overdue(limit);
  }

  remind(ids: number[] | undefined, actor: SessionOperator): { recorded: number } {
    return this.overdueDesk.remind(ids, actor);
  }

  returnToCourier(ids: number[], reason: string, actor: SessionOperator): ParcelView[] {
    return this.overdueDesk.returnToCourier(ids, reason, actor);
  }

  writeOff(id: number, approvalId: string, reason: string, actor: SessionOperator): ParcelView {
    return this.overdueDesk.writeOff(id, approvalId, reason, actor);
  }

  // ——— shelves ———

  shelves(): ShelfView[] {
    return this.shelfDesk.shelves();
  }

  saveShelf(input: ParsedInput<'parcels.shelves.save'>, actor: SessionOperator): ShelfView {
    return this.shelfDesk.saveShelf(input, actor);
  }

  // ——— lookups and slips ———

  byCode(raw: string): ParcelView[] {
    const code = normalizePickupCode(raw);
    return code ? this.views(repo.inStockByCode(this.sql, code)) : [];
  }

  byWaybill(raw: string): ParcelView[] {
    const d = detectCarrier(raw);
    return this.views(repo.inStockByWaybill(this.sql, d.waybill));
  }

  byRoom(roomId: number): ParcelView[] {
    return this.views(repo.inStockByRoom(this.sql, roomId));
  }

  /** The slip as it prints (preview), and its bytes (bench, tests). */
  slip(id: number) {
    if (!repo.byId(this.sql, id)) throw new AppError('NOT_FOUND', '找不到这个快递：请刷新。');
    const width = this.print.width();
    return { rendered: renderParcelSlip(parcelSlipDoc(this.sql, id, this.print.propertyName(), this.calendar.tz()), width), width };
  }

  /** The slip as it prints, for the screen. */
  slipPreview(id: number): { svg: string; width: Width } {
    const r = this.slip(id);
    return { svg: r.rendered.svg, width: r.width };
  }

  reprintSlip(id: number, actor: SessionOperator): ParcelView {
    this.sql.tx(() => {
      const r = repo.byId(this.sql, id);
      if (!r) throw new AppError('NOT_FOUND', '找不到这个快递：请刷新。');
      const copy = this.print.parcelInfo(id).copies + 1;
      if (!this.print.enqueueParcelSlip(id, copy))
        throw new AppError('CONFLICT', '没有设置打印机：请在「设置 → 打印机」中设置，或点「预览凭条」在屏幕上查看取件凭条。');
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'parcel.reprintSlip', entity: 'parcel', entityId: id, detail: { copy } });
    });
    return this.get(id);
  }
}
