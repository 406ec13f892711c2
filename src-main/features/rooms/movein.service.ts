import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { CardType, MeterKind } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName } from '@shared/mask';
import type { PropertyCalendar } from '@shared/calendar';
import type { MoveInCaseView } from '@shared/contract/rooms';
import type { SessionOperator } from '../operators/sessions';
import * as rooms from './rooms.repo';
import * as repo from './movein.repo';
import type { ResidentsService } from './residents.service';
import { METER_ZH, MOVE_IN_DOC_ZH, fromCenti, maskIdNote, toCenti } from './rules';
import { changeState, mustRoom } from './state';
import { receiptByNo } from './decoration.repo';

/** What the move-in needs of the keys area: the unit's vacant keys handed to the owner. */
export interface KeyHandover {
  handOverToOwner(keyIds: readonly number[], roomId: number, ownerName: string, actor: SessionOperator): unknown;
}
/** What the move-in needs of the cards area: a card issued to the new owner (blank stock and number rules apply). */
export interface CardIssuer {
  issue(
    input: { number: string; roomId: number; residentId?: number; holderName: string; type: CardType; depositFen?: number },
    actor: SessionOperator,
  ): { id: number };
}

type MoveInDoc = keyof typeof MOVE_IN_DOC_ZH;
const STEP_ZH = { identity: '核验业主身份', documents: '查验资料', meters: '抄表', keys: '交付钥匙', cards: '发放门禁卡' } as const;

/**
 * 交房 as a case: each step is written in its own transaction the moment it is done, so a case interrupted by a restart
 * or a killed process is resumed where it stopped (rooms.moveIn.get / start return the open case).
 */
export class MoveInService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly residents: ResidentsService,
    private readonly keys: KeyHandover,
    private readonly cards: CardIssuer,
    /** queues the 交房确认单 on the receipt printer; false when no printer is set up */
    private readonly queueSlip: (caseId: number) => boolean = () => false,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  view(c: repo.CaseRow): MoveInCaseView {
    const links = repo.linksOf(this.sql, c.id);
    return {
      id: c.id,
      roomId: c.room_id,
      status: c.status,
      startedAt: c.started_at,
      residentId: c.resident_id,
      steps: {
        identity: c.identity_checked_at,
        documents: c.docs_checked_at,
        meters: c.meters_read_at,
        keys: c.keys_handed_at,
        cards: c.cards_done_at,
        fees: c.fees_done_at,
      },
      feesReceiptNo: c.fees_receipt_no,
      docsSeen: JSON.parse(c.docs_seen) as MoveInDoc[],
      readings: repo.readingsOfCase(this.sql, c.id).map((r) => ({ meter: r.meter, reading: fromCenti(r.reading_centi) })),
      keyIds: links.filter((l) => l.kind === 'key').map((l) => l.ref_id),
      cardIds: links.filter((l) => l.kind === 'card').map((l) => l.ref_id),
      issues: c.issues,
      completedAt: c.completed_at,
    };
  }

  private open(caseId: number): repo.CaseRow {
    const c = repo.caseById(this.sql, caseId);
    if (!c) throw new AppError('NOT_FOUND', '找不到这张交房办理单：请从房屋档案重新打开。');
    if (c.status !== 'open')
      throw new AppError('CONFLICT', c.status === 'done' ? `这间房已于 ${c.completed_at ?? ''} 办完交房。` : '这张交房办理单已作废：请重新开始。');
    return c;
  }

  private step(caseId: number, action: string, detail: Record<string, unknown>, actor: SessionOperator, write: (c: repo.CaseRow) => void): MoveInCaseView {
    return this.sql.tx(() => {
      const c = this.open(caseId);
      write(c);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: `movein.${action}`,
        entity: 'movein_case',
        entityId: caseId,
        detail: { roomId: c.room_id, ...detail },
      });
      return this.view(repo.caseById(this.sql, caseId) as repo.CaseRow);
    });
  }

  private owner(c: repo.CaseRow): rooms.ResidentRow {
    const r = c.resident_id ? rooms.residentById(this.sql, c.resident_id) : undefined;
    if (!r) throw new AppError('CONFLICT', '请先核验业主身份（第一步），再交付钥匙或发卡。');
    return r;
  }

  /** Starts the move-in of a room not yet handed over, or returns the case already open for it. */
  start(roomId: number, actor: SessionOperator): MoveInCaseView {
    return this.sql.tx(() => {
      const room = mustRoom(this.sql, roomId);
      const open = repo.openCaseOfRoom(this.sql, roomId);
      if (open) return this.view(open);
      if (room.state !== 'undelivered')
        throw new AppError(
          'CONFLICT',
          `房间 ${room.code} 已交房（现为「${{ vacant: '空置', owner_occupied: '自住', rented: '出租', renovating: '装修中' }[room.state]}」），不能再办理交房。`,
        );
      const id = repo.insertCase(this.sql, roomId, this.now(), actor.id);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'movein.start',
        entity: 'movein_case',
        entityId: id,
        detail: { roomId, code: room.code },
      });
      return this.view(repo.caseById(this.sql, id) as repo.CaseRow);
    });
  }

  get(roomId: number): MoveInCaseView | null {
    const c = repo.openCaseOfRoom(this.sql, roomId);
    return c ? this.view(c) : null;
  }

  /** For the room file: the open case, else the last completed one. */
  latest(roomId: number): MoveInCaseView | null {
    const c = repo.latestCaseOfRoom(this.sql, roomId);
    return c ? this.view(c) : null;
  }

  /** The owner's identity checked: an owner already on the roster for this room, or a new owner record created now. */
  identity(
    input: { caseId: number; residentId?: number | undefined; name?: string | undefined; phone?: string | undefined; idNote: string },
    actor: SessionOperator,
  ): MoveInCaseView {
    return this.step(input.caseId, 'identity', { idNote: maskIdNote(input.idNote.trim()) }, actor, (c) => {
      let residentId: number;
      if (input.residentId) {
        const r = rooms.residentById(this.sql, input.residentId);
        if (!r || r.room_id !== c.room_id || r.kind !== 'owner' || r.move_out !== null || r.erased_at !== null)
          throw new AppError('BAD_INPUT', '选择的住户不是这个房间的现业主：请重新选择，或填写新业主姓名。');
        residentId = r.id;
      } else {
        if (!input.name?.trim()) throw new AppError('BAD_INPUT', '请选择这个房间的业主，或填写新业主的姓名。', { field: 'name' });
        residentId = this.residents.add({ roomId: c.room_id, kind: 'owner', name: input.name, phone: input.phone, moveIn: this.calendar.today() }, actor).id;
      }
      repo.updateCase(this.sql, c.id, { resident_id: residentId, identity_checked_at: this.now(), id_note: maskIdNote(input.idNote.trim()) });
    });
  }

  documents(caseId: number, docs: readonly MoveInDoc[], actor: SessionOperator): MoveInCaseView {
    const seen = [...new Set(docs)];
    return this.step(caseId, 'documents', { docs: seen }, actor, (c) =>
      repo.updateCase(this.sql, c.id, { docs_seen: JSON.stringify(seen), docs_checked_at: this.now() }),
    );
  }

  /** The first readings for the room's meters; a reading lower than the last one on file is refused and nothing is kept. */
  meters(caseId: number, readings: readonly { meter: MeterKind; reading: number }[], actor: SessionOperator): MoveInCaseView {
    const kinds = readings.map((r) => r.meter);
    if (new Set(kinds).size !== kinds.length) throw new AppError('BAD_INPUT', '同一块表只能填一个读数。', { field: 'readings' });
    return this.step(caseId, 'meters', { readings: readings.map((r) => ({ meter: r.meter, reading: r.reading })) }, actor, (c) => {
      const at = this.now();
      for (const r of readings) {
        const centi = toCenti(r.reading);
        const last = repo.lastReading(this.sql, c.room_id, r.meter);
        if (last && centi < last.reading_centi)
          throw new AppError(
            'BAD_INPUT',
            `${METER_ZH[r.meter]}读数 ${r.reading} 低于上次的 ${fromCenti(last.reading_centi)}（${this.calendar.dateOf(last.read_at)}）：请重新核对表上的数字。`,
            { field: 'reading' },
          );
        repo.insertReading(this.sql, { roomId: c.room_id, meter: r.meter, centi, at, caseId: c.id, operatorId: actor.id });
      }
      repo.updateCase(this.sql, c.id, { meters_read_at: at });
    });
  }

  /** The unit's keys move from the register's 空置房 custody to the owner, who signs for them. */
  handOverKeys(caseId: number, keyIds: readonly number[], signedBy: string, actor: SessionOperator): MoveInCaseView {
    return this.step(caseId, 'keys', { keys: keyIds.length, signedBy: maskName(signedBy.trim()) }, actor, (c) => {
      const owner = this.owner(c);
      this.keys.handOverToOwner(keyIds, c.room_id, owner.name, actor);
      for (const k of keyIds) repo.insertLink(this.sql, c.id, 'key', k);
      repo.updateCase(this.sql, c.id, { keys_handed_at: this.now(), keys_signed_by: signedBy.trim() });
    });
  }

  /** A card issued to the owner through the cards area, linked to the case by its id. */
  issueCard(input: { caseId: number; number: string; type?: CardType | undefined; depositFen?: number | undefined }, actor: SessionOperator): MoveInCaseView {
    return this.step(input.caseId, 'card', { type: input.type ?? 'access' }, actor, (c) => {
      const owner = this.owner(c);
      const card = this.cards.issue(
        {
          number: input.number,
          roomId: c.room_id,
          residentId: owner.id,
          holderName: owner.name,
          type: input.type ?? 'access',
          ...(input.depositFen !== undefined && { depositFen: input.depositFen }),
        },
        actor,
      );
      repo.insertLink(this.sql, c.id, 'card', card.id);
    });
  }

  /** The first fees, collected through 收费: the receipt must be for this room and not voided; none given: none due now. */
  fees(caseId: number, receiptNo: string | undefined, actor: SessionOperator): MoveInCaseView {
    const no = receiptNo?.trim() || null;
    return this.step(caseId, 'fees', { receiptNo: no }, actor, (c) => {
      if (no) {
        const r = receiptByNo(this.sql, no);
        if (!r || r.kind !== 'receipt') throw new AppError('NOT_FOUND', `找不到收据 ${no}：请核对收据号。`, { field: 'receiptNo' });
        if (r.voided) throw new AppError('CONFLICT', `收据 ${no} 已作废：请重新收费。`, { field: 'receiptNo' });
        if (r.room_id !== c.room_id) throw new AppError('BAD_INPUT', `收据 ${no} 不是这个房间的收据。`, { field: 'receiptNo' });
      }
      repo.updateCase(this.sql, c.id, { fees_receipt_no: no, fees_done_at: this.now() });
    });
  }

  cardsDone(caseId: number, actor: SessionOperator): MoveInCaseView {
    return this.step(caseId, 'cards_done', {}, actor, (c) => repo.updateCase(this.sql, c.id, { cards_done_at: this.now() }));
  }

  /** Every step done: the room leaves 未交房 (空置, or 自住 when the owner moves in now) and the case is closed. */
  finish(caseId: number, state: 'vacant' | 'owner_occupied', issues: string | undefined, actor: SessionOperator): MoveInCaseView {
    return this.step(caseId, 'finish', { state }, actor, (c) => {
      const todo = (
        [
          ['identity', c.identity_checked_at],
          ['documents', c.docs_checked_at],
          ['meters', c.meters_read_at],
          ['keys', c.keys_handed_at],
          ['cards', c.cards_done_at],
        ] as const
      )
        .filter(([, at]) => at === null)
        .map(([s]) => STEP_ZH[s]);
      if (todo.length) throw new AppError('CONFLICT', `还有步骤没有完成：${todo.join('、')}。完成后再确认交房。`);
      changeState(this.sql, this.clock, c.room_id, state, actor.id, '交房');
      repo.updateCase(this.sql, c.id, { status: 'done', issues: issues?.trim() ?? '', completed_at: this.now(), completed_by: actor.id });
    });
  }

  /** 交房确认单: the lines printed for the owner's signature (name and card numbers masked). */
  slip(caseId: number): { title: string; lines: string[] } {
    const c = repo.caseById(this.sql, caseId);
    if (!c) throw new AppError('NOT_FOUND', '找不到这张交房办理单：请从房屋档案重新打开。');
    const room = mustRoom(this.sql, c.room_id);
    const v = this.view(c);
    const owner = c.resident_id ? rooms.residentById(this.sql, c.resident_id) : undefined;
    const keys = repo.keyTags(this.sql, v.keyIds);
    const cards = repo.cardsBrief(this.sql, v.cardIds);
    return {
      title: '交房确认单',
      lines: [
        `房号：${room.code}（${room.building_name}）`,
        `业主：${maskName(owner?.name ?? null) ?? '（未核验）'}`,
        `身份核验：${c.identity_checked_at ? '已核验' : '未完成'}`,
        `查验资料：${v.docsSeen.map((d) => MOVE_IN_DOC_ZH[d]).join('、') || '未完成'}（只查看原件，不复印）`,
        ...v.readings.map((r) => `${METER_ZH[r.meter]}读数：${r.reading}`),
        `钥匙：${keys.length} 把 ${keys.map((k) => k.tag).join(' ')}`,
        `门禁卡：${cards.length} 张 ${cards.map((k) => `…${k.match_key.slice(-4)}`).join(' ')}`,
        `首期费用：${c.fees_receipt_no ? `收据 ${c.fees_receipt_no}` : c.fees_done_at ? '本次无应收' : '未办理'}`,
        ...(c.issues ? [`问题记录：${c.issues}`] : []),
        `交房日期：${c.completed_at ? this.calendar.dateOf(c.completed_at) : '（办理中）'}`,
        '业主签字：________________　　经办人：________________',
      ],
    };
  }

  /** The 交房确认单 sent to the receipt printer (short form); false when no printer is set up. */
  printSlip(caseId: number, actor: SessionOperator): { queued: boolean } {
    return this.sql.tx(() => {
      const c = repo.caseById(this.sql, caseId);
      if (!c) throw new AppError('NOT_FOUND', '找不到这张交房办理单：请从房屋档案重新打开。');
      const queued = this.queueSlip(caseId);
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'movein.print', entity: 'movein_case', entityId: caseId, detail: { queued } });
      return { queued };
    });
  }

  /** 当日收楼汇总: rooms handed over on a day, with their keys, cards and issues noted. */
  day(date: string) {
    const { from, to } = this.calendar.day(date);
    const roomsDone = repo.completedBetween(this.sql, from, to).map((r) => {
      const links = repo.linksOf(this.sql, r.id);
      return {
        caseId: r.id,
        roomCode: r.room_code,
        completedAt: r.completed_at as string,
        keys: links.filter((l) => l.kind === 'key').length,
        cards: links.filter((l) => l.kind === 'card').length,
        issues: r.issues,
        receiptNo: r.receipt_no,
        feesFen: r.fees_fen ?? 0,
      };
    });
    const sum = (f: (r: (typeof roomsDone)[number]) => number) => roomsDone.reduce((n, r) => n + f(r), 0);
    return { date, rooms: roomsDone, keys: sum((r) => r.keys), cards: sum((r) => r.cards), feesFen: sum((r) => r.feesFen) };
  }
}
