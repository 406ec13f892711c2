import { appendAudit } from '../../db/audit';
import { AppError } from '../../lib/errors';
import { maskName, maskText } from '@shared/mask';
import type { ParcelView } from '@shared/contract/parcels';
import type { ParsedInput } from '@shared/contract';
import type { SessionOperator } from '../operators/sessions';
import * as roster from '../roster/roster.repo';
import { CARRIER_NAMES, detectCarrier, type Carrier, type Detection } from './carriers';
import { readCarrierMemory, rememberChoice } from './parcel-settings';
import { ParcelsBase, STATUS_ZH, type ParcelsDeps } from './parcels-common';
import * as repo from './parcels.repo';
import { allocatePickupCode, CodeSpaceFull, COOLDOWN_DAYS, type Random } from './pickup-code';
import { parseSlot, slotLabel, suggestSlot, type SlotRef } from './shelves';

export type IntakeInput = ParsedInput<'parcels.intake'>;
export type UpdateInput = ParsedInput<'parcels.update'>;
export type SlotInput = IntakeInput['slot'];

const COOLDOWN_MS = COOLDOWN_DAYS * 86_400_000;

/**
 * 入库: a scanned parcel gets its carrier (detected, remembered or chosen), its recipient from the roster, a shelf
 * slot (the room's own, else the first free) and a pickup code; and fixing a parcel's details while it is in stock.
 */
export class ParcelIntake extends ParcelsBase {
  constructor(
    d: ParcelsDeps,
    private readonly random: Random,
  ) {
    super(d);
  }

  suggest(roomId: number | null): { shelfId: number; slot: number; label: string } | null {
    const shelves = repo.shelfList(this.sql).map((x) => ({ id: x.id, code: x.code, slots: x.slots, active: x.active === 1, sort: x.sort }));
    const same = roomId ? repo.roomSlot(this.sql, roomId) : undefined;
    const sameRef = same && same.shelf_id !== null && same.slot !== null ? { shelfId: same.shelf_id, slot: same.slot } : null;
    // the room's own slot needs no occupancy count (the count is the costly part: every parcel in stock)
    const s = sameRef && suggestSlot(shelves, new Map(), sameRef) === sameRef ? sameRef : suggestSlot(shelves, repo.occupancy(this.sql));
    if (!s) return null;
    const shelf = shelves.find((x) => x.id === s.shelfId);
    return { ...s, label: slotLabel(shelf?.code ?? '?', s.slot, shelf?.slots ?? 99) };
  }

  private resolveSlot(input: SlotInput, roomId: number | null): SlotRef | null {
    if (input === undefined) return this.suggest(roomId);
    if (input === null) return null;
    let shelf;
    let slot: number;
    if (typeof input === 'string') {
      const p = parseSlot(input);
      if (!p) throw new AppError('BAD_INPUT', `货架格位「${input}」看不懂：请写成 A-07 这样。`);
      shelf = repo.shelfByCode(this.sql, p.code);
      slot = p.slot;
      if (!shelf) throw new AppError('NOT_FOUND', `没有 ${p.code} 号货架：请在「快递 → 货架」中设置。`);
    } else {
      shelf = repo.shelfById(this.sql, input.shelfId);
      slot = input.slot;
      if (!shelf) throw new AppError('NOT_FOUND', '找不到这个货架：请刷新。');
    }
    if (shelf.active !== 1) throw new AppError('CONFLICT', `${shelf.code} 号货架已停用：请换一个货架。`);
    if (slot > shelf.slots) throw new AppError('BAD_INPUT', `${shelf.code} 号货架只有 ${shelf.slots} 格：请重新选择格位。`);
    return { shelfId: shelf.id, slot };
  }

  /** Room, resident and recipient name as stored; a name not found in the roster is flagged `unlisted`. */
  private resolveRecipient(input: { roomId?: number | null; residentId?: number | null; recipient?: string }) {
    const typed = input.recipient?.trim() ?? '';
    if (input.residentId) {
      const res = roster.residentById(this.sql, input.residentId);
      if (!res) throw new AppError('NOT_FOUND', '找不到这位住户：请重新选择。');
      if (input.roomId && input.roomId !== res.room_id) throw new AppError('BAD_INPUT', `住户不在所选房号（${res.room_code}）：请重新选择。`);
      return { room_id: res.room_id, room_code: res.room_code, resident_id: res.id, recipient: res.name, unlisted: 0 };
    }
    let room: { id: number; code: string } | null = null;
    if (input.roomId) {
      const r = roster.roomById(this.sql, input.roomId);
      if (!r) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
      room = { id: r.id, code: r.code };
    }
    const match = room && typed ? roster.residentsOfRoom(this.sql, room.id).find((h) => h.name === typed) : undefined;
    return {
      room_id: room?.id ?? null,
      room_code: room?.code ?? null,
      resident_id: match?.id ?? null,
      recipient: typed,
      unlisted: typed && !match ? 1 : 0,
    };
  }

  private carrierFor(d: Exclude<Detection, { kind: 'invalid' }>, explicit: Carrier | undefined, batch: boolean, actor: SessionOperator): Carrier {
    if (explicit) {
      rememberChoice(this.sql, d, explicit, actor.displayName, this.now());
      return explicit;
    }
    if (d.kind === 'known') return d.carrier;
    if (d.kind === 'ambiguous' && d.remembered) return d.remembered;
    if (batch) return 'UNKNOWN';
    const names = d.candidates.map((c) => CARRIER_NAMES[c]).join('/');
    throw new AppError('BAD_INPUT', `单号 ${d.waybill} 看不出是哪家快递（可能是${names}）：请选择快递公司，之后同样的单号会记住这次的选择。`, {
      candidates: d.candidates.join(','),
    });
  }

  private duplicateMessage(waybill: string, dupId: number): string {
    const v = this.get(dupId);
    const where = [v.slotLabel ? `货架 ${v.slotLabel}` : null, v.roomCode ? `房号 ${v.roomCode}` : null].filter(Boolean).join('，');
    return `单号 ${waybill} 已经入库（取件码 ${v.pickupCodeSpoken}${where ? `，${where}` : ''}，${this.calendar.dateTime(v.intakeAt)} 入库）：重复扫描，无需再次入库。`;
  }

  private intakeOne(input: IntakeInput, actor: SessionOperator, batch: boolean): number {
    if (input.requestId) {
      const seen = repo.byRequest(this.sql, input.requestId);
      if (seen) return seen.id; // a retried scan returns the parcel already saved
    }
    const d = detectCarrier(input.waybill, readCarrierMemory(this.sql));
    if (d.kind === 'invalid') throw new AppError('BAD_INPUT', d.reason);
    const dup = repo.inStockWaybill(this.sql, d.waybill);
    if (dup) throw new AppError('CONFLICT', this.duplicateMessage(d.waybill, dup.id), { parcelId: dup.id });
    const carrier = this.carrierFor(d, input.carrier, batch, actor);
    const who = this.resolveRecipient(input);
    const slot = this.resolveSlot(input.slot, who.room_id);
    const at = this.now();
    const since = new Date(this.clock.now().getTime() - COOLDOWN_MS).toISOString();
    let code: string;
    try {
      code = allocatePickupCode((c) => repo.codeTaken(this.sql, c, since), this.random);
    } catch (e) {
      if (e instanceof CodeSpaceFull) throw new AppError('CONFLICT', '取件码已用尽：请联系技术支持。');
      throw e;
    }
    const id = repo.insertParcel(this.sql, {
      waybill: d.waybill,
      carrier,
      ...who,
      phone_last4: input.phoneLast4 ?? null,
      shelf_id: slot?.shelfId ?? null,
      slot: slot?.slot ?? null,
      pickup_code: code,
      status: 'in_stock',
      note: input.note?.trim() ?? '',
      request_id: input.requestId ?? null,
      intake_at: at,
      intake_by: actor.id,
      updated_at: at,
    });
    appendAudit(this.sql, this.clock, {
      operatorId: actor.id,
      action: 'parcel.intake',
      entity: 'parcel',
      entityId: id,
      detail: {
        waybill: d.waybill,
        carrier,
        roomCode: who.room_code,
        recipient: maskName(who.recipient || null),
        unlisted: who.unlisted === 1,
        slot: slot ? `${slot.shelfId}:${slot.slot}` : null,
        batch,
      },
    });
    if (who.room_id !== null || who.recipient) repo.insertNotice(this.sql, { parcel_id: id, kind: 'arrival', day: this.calendar.today(), at, by: actor.id });
    if (input.print ?? this.settings().printSlip) this.print.enqueueParcelSlip(id, 0);
    return id;
  }

  /** 入库 of one scanned parcel. */
  intake(input: IntakeInput, actor: SessionOperator): ParcelView {
    const id = this.sql.tx(() => this.intakeOne(input, actor, false));
    return this.get(id);
  }

  /** Batch intake: one transaction, each parcel in its own savepoint, so one bad scan does not lose the rest. */
  intakeBatch(items: ParsedInput<'parcels.intakeBatch'>['items'], print: boolean | undefined, actor: SessionOperator) {
    const outcomes = this.sql.tx(() =>
      items.map((it) => {
        try {
          return { waybill: it.waybill, id: this.sql.tx(() => this.intakeOne({ ...it, ...(print !== undefined ? { print } : {}) }, actor, true)), error: null };
        } catch (e) {
          if (e instanceof AppError) return { waybill: it.waybill, id: null, error: { code: e.code, message: e.message } };
          throw e;
        }
      }),
    );
    const views = new Map(
      this.views(
        repo.byIds(
          this.sql,
          outcomes.flatMap((o) => (o.id ? [o.id] : [])),
        ),
      ).map((v) => [v.id, v]),
    );
    return outcomes.map((o) => ({ waybill: o.waybill, ok: o.id !== null, parcel: o.id ? (views.get(o.id) ?? null) : null, error: o.error }));
  }

  /** Fixes details while the parcel is in stock. Only the fields given change. */
  update(input: UpdateInput, actor: SessionOperator): ParcelView {
    this.sql.tx(() => {
      const r = repo.byId(this.sql, input.id);
      if (!r) throw new AppError('NOT_FOUND', '找不到这个快递：请刷新。');
      if (r.status !== 'in_stock') throw new AppError('CONFLICT', `这个快递${STATUS_ZH[r.status]}，不能再修改。`);
      const patch: repo.ParcelPatch = { updated_at: this.now() };
      if (input.carrier) {
        patch.carrier = input.carrier;
        rememberChoice(this.sql, detectCarrier(r.waybill), input.carrier, actor.displayName, this.now());
      }
      if (input.roomId !== undefined || input.residentId !== undefined || input.recipient !== undefined) {
        const who = this.resolveRecipient({
          roomId: input.roomId !== undefined ? input.roomId : input.residentId ? null : r.room_id,
          residentId: input.residentId !== undefined ? input.residentId : input.roomId !== undefined || input.recipient !== undefined ? null : r.resident_id,
          recipient: input.recipient ?? (input.residentId ? '' : r.recipient),
        });
        Object.assign(patch, who);
      }
      if (input.phoneLast4 !== undefined) patch.phone_last4 = input.phoneLast4;
      if (input.slot !== undefined) {
        const s = this.resolveSlot(input.slot, null);
        patch.shelf_id = s?.shelfId ?? null;
        patch.slot = s?.slot ?? null;
      }
      if (input.note !== undefined) patch.note = input.note.trim();
      if (repo.updateInStock(this.sql, r.id, patch) !== 1) throw new AppError('CONFLICT', '这个快递刚刚已出库：请刷新。');
      const { updated_at: _u, ...changed } = patch;
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'parcel.update',
        entity: 'parcel',
        entityId: r.id,
        detail: {
          ...changed,
          ...(changed.recipient !== undefined ? { recipient: maskName(changed.recipient || null) } : {}),
          ...(changed.note ? { note: maskText(changed.note) } : {}),
        },
      });
      const roomNow = patch.room_id !== undefined ? patch.room_id : r.room_id;
      if (roomNow !== null && !repo.hasNotice(this.sql, r.id, 'arrival'))
        repo.insertNotice(this.sql, { parcel_id: r.id, kind: 'arrival', day: this.calendar.today(), at: this.now(), by: actor.id });
    });
    return this.get(input.id);
  }
}
