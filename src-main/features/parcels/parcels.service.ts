import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName, maskText } from '@shared/mask';
import type { CarrierDetection, CarrierMemoryEntry, ParcelSettings, ParcelView, ShelfView } from '@shared/contract/parcels';
import type { Width } from '../../devices/printer/receipt';
import type { PrintInfo } from '../fees/receipt-view';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import * as roster from '../roster/roster.repo';
import { CARRIER_NAMES, detectCarrier, type Carrier, type Detection } from './carriers';
import { carrierMemoryView, forgetCarrierMemory, readCarrierMemory, readParcelSettings, rememberChoice, writeParcelSettings } from './parcel-settings';
import { overdueCutoff, parcelView } from './parcel-view';
import * as repo from './parcels.repo';
import { allocatePickupCode, CodeSpaceFull, COOLDOWN_DAYS, cryptoRandom, normalizePickupCode, type Random } from './pickup-code';
import { parseSlot, slotLabel, suggestSlot, type SlotRef } from './shelves';
import { parcelSlipDoc, renderParcelSlip } from './slip';
import type { PropertyCalendar } from '@shared/calendar';
import type { ParsedInput } from '@shared/contract';

/** The print queue as parcels see it: slips are queued inside the intake transaction. */
export interface ParcelPrintSink {
  enqueueParcelSlip(parcelId: number, copy: number): boolean;
  parcelInfo(parcelId: number): PrintInfo;
  width(): Width;
  propertyName(): string;
}

export type IntakeInput = ParsedInput<'parcels.intake'>;
export type UpdateInput = ParsedInput<'parcels.update'>;
export type PickupInput = ParsedInput<'parcels.pickup'>;
export type SlotInput = IntakeInput['slot'];

const STATUS_ZH = { in_stock: '在库', picked_up: '已取件', returned: '已退回', written_off: '已核销' } as const;
const COOLDOWN_MS = COOLDOWN_DAYS * 86_400_000;

/** Parcels: intake with pickup codes and shelf slots, pickup, overdue, returns, write-offs. */
export class ParcelsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly operators: OperatorsService,
    private readonly print: ParcelPrintSink,
    private readonly calendar: PropertyCalendar,
    private readonly random: Random = cryptoRandom,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  settings(): ParcelSettings {
    return readParcelSettings(this.sql);
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
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'parcel.carrier_memory_clear', entity: 'settings', entityId: 'parcel_carrier_memory', detail: { forgotten } });
      return gone.length;
    });
    return { cleared, entries: carrierMemoryView(this.sql) };
  }

  /** Views of rows, with the overdue cutoff as of now. */
  views(rows: repo.ParcelRow[]): ParcelView[] {
    const now = this.clock.now();
    const cutoff = overdueCutoff(now, this.settings().overdueDays);
    return rows.map((r) => parcelView(r, now, cutoff, this.print.parcelInfo(r.id)));
  }

  get(id: number): ParcelView {
    const r = repo.byId(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这个快递：请刷新。');
    return this.views([r])[0] as ParcelView;
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
      duplicate: dupView ? { id: dupView.id, pickupCode: dupView.pickupCode, slot: dupView.slotLabel, roomCode: dupView.roomCode, intakeAt: dupView.intakeAt } : null,
    };
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
      detail: { waybill: d.waybill, carrier, roomCode: who.room_code, recipient: maskName(who.recipient || null), unlisted: who.unlisted === 1, slot: slot ? `${slot.shelfId}:${slot.slot}` : null, batch },
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
    const views = new Map(this.views(repo.byIds(this.sql, outcomes.flatMap((o) => (o.id ? [o.id] : [])))).map((v) => [v.id, v]));
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
        detail: { ...changed, ...(changed.recipient !== undefined ? { recipient: maskName(changed.recipient || null) } : {}), ...(changed.note ? { note: maskText(changed.note) } : {}) },
      });
      const roomNow = patch.room_id !== undefined ? patch.room_id : r.room_id;
      if (roomNow !== null && !repo.hasNotice(this.sql, r.id, 'arrival'))
        repo.insertNotice(this.sql, { parcel_id: r.id, kind: 'arrival', day: this.calendar.today(), at: this.now(), by: actor.id });
    });
    return this.get(input.id);
  }

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

  /** Rows for a state change: all must exist and still be in stock (all or nothing). */
  private inStockRows(ids: number[], verb: string): repo.ParcelRow[] {
    const unique = [...new Set(ids)];
    const rows = repo.byIds(this.sql, unique);
    if (rows.length !== unique.length) throw new AppError('NOT_FOUND', '有快递找不到了：请刷新后重新选择。');
    const gone = rows.find((r) => r.status !== 'in_stock');
    if (gone) throw new AppError('CONFLICT', `单号 ${gone.waybill} ${STATUS_ZH[gone.status]}，不能${verb}：请刷新后重新选择。`, { parcelId: gone.id });
    return rows;
  }

  /** 出库: the parcels are handed over, with who collected them and how they were checked. */
  pickup(input: PickupInput, actor: SessionOperator): ParcelView[] {
    const proxyName = input.proxyName?.trim() ?? '';
    if (input.proxy && proxyName.length === 0) throw new AppError('BAD_INPUT', '代取需要填写代取人姓名。');
    this.sql.tx(() => {
      const rows = this.inStockRows(input.ids, '取件');
      const at = this.now();
      for (const r of rows) {
        const collector = input.proxy ? proxyName : input.collector?.trim() || r.recipient;
        const changed = repo.updateInStock(this.sql, r.id, {
          status: 'picked_up',
          closed_at: at,
          closed_by: actor.id,
          picked_at: at,
          collector,
          check_method: input.check,
          check_note: input.checkNote?.trim() ?? '',
          proxy: input.proxy ? 1 : 0,
          proxy_name: input.proxy ? proxyName : null,
          updated_at: at,
        });
        if (changed !== 1) throw new AppError('CONFLICT', `单号 ${r.waybill} 刚刚已出库：请刷新。`);
        appendAudit(this.sql, this.clock, {
          operatorId: actor.id,
          action: 'parcel.pickup',
          entity: 'parcel',
          entityId: r.id,
          detail: { waybill: r.waybill, collector: maskName(collector || null), check: input.check, proxy: input.proxy, batch: rows.length > 1 ? rows.length : undefined },
        });
      }
    });
    return this.views(repo.byIds(this.sql, input.ids));
  }

  /** 退回快递员 with a reason. */
  returnToCourier(ids: number[], reason: string, actor: SessionOperator): ParcelView[] {
    this.sql.tx(() => {
      const rows = this.inStockRows(ids, '退回');
      const at = this.now();
      for (const r of rows) {
        if (repo.updateInStock(this.sql, r.id, { status: 'returned', closed_at: at, closed_by: actor.id, return_reason: reason.trim(), updated_at: at }) !== 1)
          throw new AppError('CONFLICT', `单号 ${r.waybill} 刚刚已出库：请刷新。`);
        appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'parcel.return', entity: 'parcel', entityId: r.id, detail: { waybill: r.waybill, reason: maskText(reason.trim()) } });
      }
    });
    return this.views(repo.byIds(this.sql, ids));
  }

  /** 核销 (lost, damaged, unclaimable): a supervisor's single-use approval for this waybill, two-person. */
  writeOff(id: number, approvalId: string, reason: string, actor: SessionOperator): ParcelView {
    this.sql.tx(() => {
      const [r] = this.inStockRows([id], '核销');
      const row = r as repo.ParcelRow;
      const approval = this.operators.consumeApproval(approvalId, 'parcel.writeOff', row.waybill, { by: actor, originalActorId: row.intake_by });
      const at = this.now();
      repo.updateInStock(this.sql, row.id, { status: 'written_off', closed_at: at, closed_by: actor.id, writeoff_reason: reason.trim(), approval_id: approvalId, updated_at: at });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'parcel.writeOff',
        entity: 'parcel',
        entityId: row.id,
        detail: { waybill: row.waybill, approvedBy: approval.approverId, reason: maskText(reason.trim()) },
      });
    });
    return this.get(id);
  }

  overdue(limit = 200): ParcelView[] {
    const cutoff = overdueCutoff(this.clock.now(), this.settings().overdueDays);
    return this.views(repo.overdue(this.sql, cutoff, limit));
  }

  /** Records overdue reminder notices (one per parcel per day) for the upstream outbox to send. */
  remind(ids: number[] | undefined, actor: SessionOperator): { recorded: number } {
    return this.sql.tx(() => {
      const targets = ids ? this.inStockRows(ids, '提醒').map((r) => r.id) : repo.overdueIds(this.sql, overdueCutoff(this.clock.now(), this.settings().overdueDays));
      const day = this.calendar.today();
      let recorded = 0;
      for (const pid of targets) recorded += repo.insertNotice(this.sql, { parcel_id: pid, kind: 'overdue', day, at: this.now(), by: actor.id });
      if (recorded > 0) appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'parcel.remind', entity: 'parcel', entityId: ids?.length === 1 ? String(ids[0]) : '*', detail: { recorded, day } });
      return { recorded };
    });
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
      if (!this.print.enqueueParcelSlip(id, copy)) throw new AppError('CONFLICT', '没有设置打印机：请在「设置 → 打印机」中设置，或点「预览凭条」在屏幕上查看取件凭条。');
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'parcel.reprintSlip', entity: 'parcel', entityId: id, detail: { copy } });
    });
    return this.get(id);
  }

  shelves(): ShelfView[] {
    return repo.shelves(this.sql).map((s) => ({ id: s.id, code: s.code, name: s.name, slots: s.slots, active: s.active === 1, sort: s.sort, inStock: Number(s.in_stock ?? 0) }));
  }

  saveShelf(input: ParsedInput<'parcels.shelves.save'>, actor: SessionOperator): ShelfView {
    const id = this.sql.tx(() => {
      const w = { code: input.code.toUpperCase(), name: input.name.trim(), slots: input.slots, active: input.active ? 1 : 0, sort: input.sort };
      const clash = repo.shelfByCode(this.sql, w.code);
      if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `已经有 ${w.code} 号货架了：请换一个编号。`);
      let sid = input.id;
      if (sid) {
        if (!repo.shelfById(this.sql, sid)) throw new AppError('NOT_FOUND', '找不到这个货架：请刷新。');
        const used = repo.maxSlotInUse(this.sql, sid);
        if (used > w.slots) throw new AppError('CONFLICT', `第 ${used} 格还有快递在库：格数不能少于 ${used}。`);
        repo.updateShelf(this.sql, sid, w, this.now());
      } else sid = repo.insertShelf(this.sql, w, this.now());
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: input.id ? 'parcel_shelf.update' : 'parcel_shelf.create', entity: 'parcel_shelf', entityId: sid, detail: w });
      return sid;
    });
    return this.shelves().find((s) => s.id === id) as ShelfView;
  }
}
