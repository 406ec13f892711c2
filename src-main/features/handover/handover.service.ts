import type { z } from 'zod';
import type { Sql } from '../../db/sql';
import { appendAudit } from '../../db/audit';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskText } from '@shared/mask';
import { handoverSummary, type HandoverClosedSession, type HandoverSummary, type HandoverView, type handoverItemInput } from '@shared/contract/handover';
import type { SessionOperator } from '../operators/sessions';
import { roomByCode, roomById } from '../roster/roster.repo';
import type { VisitorHandoverCounts } from '../visitors/figures';
import { isActive } from '../operators/operators.repo';
import * as repo from './handover.repo';

type ItemInput = z.output<typeof handoverItemInput>;

/** Where each part of the summary comes from; a part that fails or does not exist yet says so instead. */
export interface SummarySources {
  /** the open session of this terminal, and the sessions closed after `since` (the shift's cash result) */
  cash: (since: string) => {
    open: boolean;
    operatorName: string | null;
    floatFen: number | null;
    receipts: number;
    openedAt: string | null;
    closed: HandoverClosedSession[];
  };
  keys: () => { out: number; overdue: number; onBoard: number };
  /** blank cards on hand; null = the record needs a stock count */
  cards: () => { blankAccess: number | null; blankFunction: number | null };
  parcels: () => { inStock: number; overdue: number; overdueDays: number };
  requests: () => { open: number; late: number; toCallBack: number };
  /** visitors and passes now, and removal passes issued and verified since `since` (the shift's start) */
  visitors: (since: string) => VisitorHandoverCounts;
  /** today's collections of monthly fees, and of that what settled earlier months */
  receivables: () => { settledFen: number; earlierMonthsFen: number };
  /** move-ins completed since `since`, decoration cases to review and to accept, sites to patrol today */
  rooms: (since: string) => { moveIns: string[]; toReview: number; toAccept: number; patrolsDue: string[] };
}

/** A shift is never longer than this: the window of "this shift" starts at the previous handover, at most this far back. */
export const SHIFT_MAX_MS = 24 * 3600_000;

/**
 * A handover's summary as stored, read through the contract: parts added later get their empty default, and a
 * blank-card count frozen below zero (written before issuing checked the stock) reads as "needs a count".
 */
function frozenSummary(text: string): HandoverSummary {
  const raw = JSON.parse(text) as { cards?: Record<string, unknown> };
  const cards = raw.cards;
  if (cards?.available === true) for (const k of ['blankAccess', 'blankFunction']) if (typeof cards[k] === 'number' && cards[k] < 0) cards[k] = null;
  const r = handoverSummary.safeParse(raw);
  return r.success ? r.data : (raw as HandoverSummary);
}

function part<T extends object>(f: () => T): ({ available: true } & T) | { available: false; reason: string } {
  try {
    return { available: true, ...f() };
  } catch (e) {
    return { available: false, reason: e instanceof AppError ? e.message : '这部分暂时取不到数据' };
  }
}

/**
 * 交接班: the outgoing operator hands over with a generated summary (frozen as it was), notes and carry-over
 * items; the incoming operator reads it, accepts or queries each item (an accepted item becomes theirs) and
 * acknowledges. Until then it stays pending for everyone, supervisors included.
 */
export class HandoverService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly sources: SummarySources,
    /** queues the 交接单 on the receipt printer (false when there is none) */
    private readonly printSlip: (handoverId: number) => boolean = () => false,
  ) {}

  /**
   * Where this shift began, for the cash result: the previous handover (whoever made it), but never more than
   * SHIFT_MAX_MS back (the first handover on a terminal, or one after a long gap).
   */
  shiftStart(now: Date): string {
    const floor = new Date(now.getTime() - SHIFT_MAX_MS).toISOString();
    const prev = repo.lastHandoverAt(this.sql);
    return prev !== null && prev > floor ? prev : floor;
  }

  summary(): HandoverSummary {
    const now = this.clock.now();
    const since = this.shiftStart(now);
    return {
      at: now.toISOString(),
      cash: part(() => ({ ...this.sources.cash(since), since })),
      keys: part(this.sources.keys),
      cards: part(this.sources.cards),
      parcels: part(this.sources.parcels),
      requests: part(this.sources.requests),
      visitors: part(() => this.sources.visitors(since)),
      receivables: part(this.sources.receivables),
      rooms: part(() => this.sources.rooms(since)),
    };
  }

  create(input: { requestId?: string | undefined; notes: string; items: ItemInput[] }, actor: SessionOperator): HandoverView {
    if (input.requestId) {
      const seen = repo.handoverByRequest(this.sql, input.requestId);
      if (seen) return this.get(seen.id);
    }
    const summary = this.summary();
    const at = this.clock.now().toISOString();
    const id = this.sql.tx(() => {
      const hid = repo.insertHandover(this.sql, {
        from_operator_id: actor.id,
        created_at: at,
        summary: JSON.stringify(summary),
        notes: input.notes,
        request_id: input.requestId ?? null,
      });
      for (const it of input.items) {
        const room = it.roomId !== null ? roomById(this.sql, it.roomId) : it.roomCode ? roomByCode(this.sql, it.roomCode.replace(/\s+/g, '')) : null;
        if ((it.roomId !== null || it.roomCode) && !room)
          throw new AppError('NOT_FOUND', `交接事项里的房号「${it.roomCode ?? it.roomId ?? ''}」找不到：请按 3-2-501 的格式填写。`);
        if (it.ownerId !== null && !isActive(this.sql, it.ownerId)) throw new AppError('NOT_FOUND', '交接事项的负责人不存在或已停用。');
        if (it.dueAt !== null && !Number.isFinite(Date.parse(it.dueAt))) throw new AppError('BAD_INPUT', '交接事项的期限格式不对。');
        const carry = it.kind === 'carry';
        repo.insertItem(this.sql, {
          handover_id: hid,
          kind: it.kind,
          text: it.text,
          room_id: room?.id ?? null,
          room_code: room?.code ?? null,
          owner_operator_id: carry ? it.ownerId : null,
          due_at: carry && it.dueAt ? new Date(it.dueAt).toISOString() : null,
          priority: it.priority,
          status: carry ? 'open' : 'accepted',
        });
      }
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'handover.create',
        entity: 'handover',
        entityId: String(hid),
        detail: { items: input.items.length, notes: maskText(input.notes).slice(0, 200) },
      });
      return hid;
    });
    return this.get(id);
  }

  get(id: number): HandoverView {
    const h = repo.handoverById(this.sql, id);
    if (!h) throw new AppError('NOT_FOUND', '找不到这次交接班记录。');
    return this.view(h);
  }

  /** Prints a handover's slip: queued when there is a receipt printer (else the screen prints the page). */
  print(id: number): { queued: boolean } {
    this.get(id);
    return { queued: this.printSlip(id) };
  }

  pending(): HandoverView | null {
    const h = repo.latestPending(this.sql);
    return h ? this.view(h) : null;
  }

  private openFor(itemOrHandover: { handoverId: number }, actor: SessionOperator): repo.HandoverRow {
    const h = repo.handoverById(this.sql, itemOrHandover.handoverId);
    if (!h) throw new AppError('NOT_FOUND', '找不到这次交接班记录。');
    if (h.acknowledged_at) throw new AppError('CONFLICT', '这次交接班已经确认过了。');
    if (h.from_operator_id === actor.id) throw new AppError('CONFLICT', '交班人不能自己确认接班：请接班的同事登录后确认。');
    return h;
  }

  respond(itemId: number, status: 'accepted' | 'queried', response: string | undefined, actor: SessionOperator): HandoverView {
    const item = repo.itemState(this.sql, itemId);
    if (!item) throw new AppError('NOT_FOUND', '找不到这项交接事项。');
    if (item.kind !== 'carry') throw new AppError('BAD_INPUT', '备注不需要逐项确认。');
    if (!(item.status === 'open' || (item.status === 'queried' && status === 'accepted'))) throw new AppError('CONFLICT', '这项交接事项已经确认过了。');
    this.openFor({ handoverId: item.handover_id }, actor);
    if (status === 'queried' && !response?.trim()) throw new AppError('BAD_INPUT', '有疑问时请写明疑问（至少 2 个字）。');
    const at = this.clock.now().toISOString();
    this.sql.tx(() => {
      // accepted: the item is now the incoming operator's
      repo.respondToItem(this.sql, itemId, { status, response: response ?? null, at, by: actor.id });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: `handover.${status === 'accepted' ? 'accept' : 'query'}`,
        entity: 'handover_item',
        entityId: String(itemId),
        detail: { response: maskText(response ?? '') },
      });
    });
    return this.get(item.handover_id);
  }

  acknowledge(id: number, actor: SessionOperator): HandoverView {
    this.openFor({ handoverId: id }, actor);
    const open = repo.openItemCount(this.sql, id);
    if (open > 0) throw new AppError('CONFLICT', `还有 ${open} 项交接事项没有确认：请逐项点「接受」或「有疑问」后再确认接班。`);
    this.sql.tx(() => {
      repo.acknowledgeHandover(this.sql, id, this.clock.now().toISOString(), actor.id);
      // a queried item is not dropped: it goes to the one who took over, to clear up (listed under 我的交接事项)
      repo.assignQueried(this.sql, id, actor.id);
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'handover.acknowledge', entity: 'handover', entityId: String(id), detail: {} });
    });
    return this.get(id);
  }

  list(q: string | undefined, unacknowledged = false, limit = 50): HandoverView[] {
    return repo.listHandovers(this.sql, { term: q?.trim(), unacknowledged, limit }).map((h) => this.view(h));
  }

  myItems(actor: SessionOperator): HandoverView['items'] {
    return repo.ownedItems(this.sql, actor.id).map(itemView);
  }

  /** The owner has done a carry-over item: it leaves their list (the handover keeps it, marked done). */
  itemDone(itemId: number, actor: SessionOperator): HandoverView['items'] {
    const item = repo.itemState(this.sql, itemId);
    if (!item || item.kind !== 'carry') throw new AppError('NOT_FOUND', '找不到这项交接事项。');
    if (item.owner_operator_id !== actor.id) throw new AppError('CONFLICT', '这项交接事项不在你的名下：请由负责人登记完成。');
    if (item.status !== 'accepted' && item.status !== 'queried') throw new AppError('CONFLICT', '这项交接事项已经完成或尚未接班。');
    this.sql.tx(() => {
      repo.markItemDone(this.sql, itemId, this.clock.now().toISOString());
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'handover.itemDone', entity: 'handover_item', entityId: String(itemId), detail: {} });
    });
    return this.myItems(actor);
  }

  private view(h: repo.HandoverRow): HandoverView {
    const items = repo.itemsOf(this.sql, h.id).map(itemView);
    return {
      id: h.id,
      fromId: h.from_operator_id,
      fromName: h.from_name,
      createdAt: h.created_at,
      summary: frozenSummary(h.summary),
      notes: maskText(h.notes),
      items,
      acknowledgedAt: h.acknowledged_at,
      acknowledgedByName: h.ack_name,
    };
  }
}

function itemView(i: repo.ItemRow): HandoverView['items'][number] {
  return {
    id: i.id,
    kind: i.kind,
    text: maskText(i.text),
    roomCode: i.room_code,
    ownerName: i.owner_name,
    dueAt: i.due_at,
    priority: i.priority,
    status: i.status,
    response: i.response === null ? null : maskText(i.response),
    respondedByName: i.responder_name,
  };
}
