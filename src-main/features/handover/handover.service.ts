import type { z } from 'zod';
import type { Db } from '../../db/open';
import type { Sql } from '../../db/sql';
import { appendAudit } from '../../db/audit';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskText } from '@shared/mask';
import { handoverSummary, type HandoverClosedSession, type HandoverSummary, type HandoverView, type handoverItemInput } from '@shared/contract/handover';
import type { SessionOperator } from '../operators/sessions';
import { roomByCode, roomById } from '../roster/roster.repo';
import type { VisitorHandoverCounts } from '../visitors/figures';

type ItemInput = z.output<typeof handoverItemInput>;

/** Where each part of the summary comes from; a part that fails or does not exist yet says so instead. */
export interface SummarySources {
  /** the open session of this terminal, and the sessions closed after `since` (the shift's cash result) */
  cash: (since: string) => { open: boolean; operatorName: string | null; floatFen: number | null; receipts: number; openedAt: string | null; closed: HandoverClosedSession[] };
  keys: () => { out: number; overdue: number; onBoard: number };
  /** blank cards on hand; null = the record needs a stock count */
  cards: () => { blankAccess: number | null; blankFunction: number | null };
  parcels: () => { inStock: number; overdue: number; overdueDays: number };
  requests: () => { open: number; late: number; toCallBack: number };
  /** visitors and passes now, and removal passes issued and verified since `since` (the shift's start) */
  visitors: (since: string) => VisitorHandoverCounts;
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

interface HandoverRow {
  id: number;
  from_name: string;
  from_operator_id: number;
  created_at: string;
  summary: string;
  notes: string;
  acknowledged_at: string | null;
  ack_name: string | null;
}

interface ItemRow {
  id: number;
  handover_id: number;
  kind: 'carry' | 'note';
  text: string;
  room_code: string | null;
  owner_name: string | null;
  due_at: string | null;
  priority: 'low' | 'normal' | 'high';
  status: 'open' | 'accepted' | 'queried' | 'done';
  response: string | null;
  responder_name: string | null;
}

const H_SELECT = `SELECT h.*, f.display_name AS from_name, a.display_name AS ack_name FROM handovers h
  JOIN operators f ON f.id = h.from_operator_id LEFT JOIN operators a ON a.id = h.acknowledged_by`;
const I_SELECT = `SELECT i.*, o.display_name AS owner_name, r.display_name AS responder_name FROM handover_items i
  LEFT JOIN operators o ON o.id = i.owner_operator_id LEFT JOIN operators r ON r.id = i.responded_by`;

/**
 * 交接班: the outgoing operator hands over with a generated summary (frozen as it was), notes and carry-over
 * items; the incoming operator reads it, accepts or queries each item (an accepted item becomes theirs) and
 * acknowledges. Until then it stays pending for everyone, supervisors included.
 */
export class HandoverService {
  constructor(
    private readonly db: Db,
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
    const prev = (this.db.prepare('SELECT max(created_at) AS at FROM handovers').get() as { at: string | null }).at;
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
    };
  }

  create(input: { requestId?: string | undefined; notes: string; items: ItemInput[] }, actor: SessionOperator): HandoverView {
    if (input.requestId) {
      const seen = this.db.prepare('SELECT id FROM handovers WHERE request_id = ?').get(input.requestId) as { id: number } | undefined;
      if (seen) return this.get(seen.id);
    }
    const summary = this.summary();
    const at = this.clock.now().toISOString();
    const id = this.sql.tx(() => {
      const hid = Number(
        this.db.prepare('INSERT INTO handovers (from_operator_id, created_at, summary, notes, request_id) VALUES (?, ?, ?, ?, ?)').run(actor.id, at, JSON.stringify(summary), input.notes, input.requestId ?? null).lastInsertRowid,
      );
      const ins = this.db.prepare('INSERT INTO handover_items (handover_id, kind, text, room_id, room_code, owner_operator_id, due_at, priority, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const it of input.items) {
        const room = it.roomId !== null ? roomById(this.sql, it.roomId) : it.roomCode ? roomByCode(this.sql, it.roomCode.replace(/\s+/g, '')) : null;
        if ((it.roomId !== null || it.roomCode) && !room) throw new AppError('NOT_FOUND', `交接事项里的房号「${it.roomCode ?? it.roomId ?? ''}」找不到：请按 3-2-501 的格式填写。`);
        if (it.ownerId !== null && !this.db.prepare('SELECT 1 FROM operators WHERE id = ? AND active = 1').get(it.ownerId)) throw new AppError('NOT_FOUND', '交接事项的负责人不存在或已停用。');
        if (it.dueAt !== null && !Number.isFinite(Date.parse(it.dueAt))) throw new AppError('BAD_INPUT', '交接事项的期限格式不对。');
        const carry = it.kind === 'carry';
        ins.run(hid, it.kind, it.text, room?.id ?? null, room?.code ?? null, carry ? it.ownerId : null, carry && it.dueAt ? new Date(it.dueAt).toISOString() : null, it.priority, carry ? 'open' : 'accepted');
      }
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'handover.create', entity: 'handover', entityId: String(hid), detail: { items: input.items.length, notes: maskText(input.notes).slice(0, 200) } });
      return hid;
    });
    return this.get(id);
  }

  get(id: number): HandoverView {
    const h = this.db.prepare(`${H_SELECT} WHERE h.id = ?`).get(id) as HandoverRow | undefined;
    if (!h) throw new AppError('NOT_FOUND', '找不到这次交接班记录。');
    return this.view(h);
  }

  /** Prints a handover's slip: queued when there is a receipt printer (else the screen prints the page). */
  print(id: number): { queued: boolean } {
    this.get(id);
    return { queued: this.printSlip(id) };
  }

  pending(): HandoverView | null {
    const h = this.db.prepare(`${H_SELECT} WHERE h.acknowledged_at IS NULL ORDER BY h.created_at DESC LIMIT 1`).get() as HandoverRow | undefined;
    return h ? this.view(h) : null;
  }

  private openFor(itemOrHandover: { handoverId: number }, actor: SessionOperator): HandoverRow {
    const h = this.db.prepare(`${H_SELECT} WHERE h.id = ?`).get(itemOrHandover.handoverId) as HandoverRow | undefined;
    if (!h) throw new AppError('NOT_FOUND', '找不到这次交接班记录。');
    if (h.acknowledged_at) throw new AppError('CONFLICT', '这次交接班已经确认过了。');
    if (h.from_operator_id === actor.id) throw new AppError('CONFLICT', '交班人不能自己确认接班：请接班的同事登录后确认。');
    return h;
  }

  respond(itemId: number, status: 'accepted' | 'queried', response: string | undefined, actor: SessionOperator): HandoverView {
    const item = this.db.prepare('SELECT handover_id, kind, status FROM handover_items WHERE id = ?').get(itemId) as { handover_id: number; kind: string; status: string } | undefined;
    if (!item) throw new AppError('NOT_FOUND', '找不到这项交接事项。');
    if (item.kind !== 'carry') throw new AppError('BAD_INPUT', '备注不需要逐项确认。');
    if (!(item.status === 'open' || (item.status === 'queried' && status === 'accepted'))) throw new AppError('CONFLICT', '这项交接事项已经确认过了。');
    this.openFor({ handoverId: item.handover_id }, actor);
    if (status === 'queried' && !response?.trim()) throw new AppError('BAD_INPUT', '有疑问时请写明疑问（至少 2 个字）。');
    const at = this.clock.now().toISOString();
    this.sql.tx(() => {
      // accepted: the item is now the incoming operator's
      this.db
        .prepare(`UPDATE handover_items SET status = ?, response = ?, responded_at = ?, responded_by = ?${status === 'accepted' ? ', owner_operator_id = ?' : ''} WHERE id = ?`)
        .run(...(status === 'accepted' ? [status, response ?? null, at, actor.id, actor.id, itemId] : [status, response ?? null, at, actor.id, itemId]));
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: `handover.${status === 'accepted' ? 'accept' : 'query'}`, entity: 'handover_item', entityId: String(itemId), detail: { response: maskText(response ?? '') } });
    });
    return this.get(item.handover_id);
  }

  acknowledge(id: number, actor: SessionOperator): HandoverView {
    this.openFor({ handoverId: id }, actor);
    const open = (this.db.prepare("SELECT count(*) AS n FROM handover_items WHERE handover_id = ? AND status = 'open'").get(id) as { n: number }).n;
    if (open > 0) throw new AppError('CONFLICT', `还有 ${open} 项交接事项没有确认：请逐项点「接受」或「有疑问」后再确认接班。`);
    this.sql.tx(() => {
      this.db.prepare('UPDATE handovers SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?').run(this.clock.now().toISOString(), actor.id, id);
      // a queried item is not dropped: it goes to the one who took over, to clear up (listed under 我的交接事项)
      this.db.prepare("UPDATE handover_items SET owner_operator_id = ? WHERE handover_id = ? AND status = 'queried' AND owner_operator_id IS NULL").run(actor.id, id);
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'handover.acknowledge', entity: 'handover', entityId: String(id), detail: {} });
    });
    return this.get(id);
  }

  list(q: string | undefined, unacknowledged = false, limit = 50): HandoverView[] {
    const term = q?.trim();
    const where = [unacknowledged ? 'h.acknowledged_at IS NULL' : '1 = 1', term ? '(h.notes LIKE ? OR h.id IN (SELECT handover_id FROM handover_items WHERE text LIKE ? OR room_code LIKE ?))' : '1 = 1'].join(' AND ');
    const params = term ? [`%${term}%`, `%${term}%`, `${term}%`] : [];
    const rows = this.db.prepare(`${H_SELECT} WHERE ${where} ORDER BY h.created_at DESC LIMIT ?`).all(...params, limit) as HandoverRow[];
    return rows.map((h) => this.view(h));
  }

  myItems(actor: SessionOperator): HandoverView['items'] {
    return (
      this.db.prepare(`${I_SELECT} WHERE i.owner_operator_id = ? AND i.status IN ('accepted', 'queried') AND i.kind = 'carry' ORDER BY i.due_at IS NULL, i.due_at`).all(actor.id) as ItemRow[]
    ).map(itemView);
  }

  /** The owner has done a carry-over item: it leaves their list (the handover keeps it, marked done). */
  itemDone(itemId: number, actor: SessionOperator): HandoverView['items'] {
    const item = this.db.prepare("SELECT owner_operator_id AS owner, status FROM handover_items WHERE id = ? AND kind = 'carry'").get(itemId) as { owner: number | null; status: string } | undefined;
    if (!item) throw new AppError('NOT_FOUND', '找不到这项交接事项。');
    if (item.owner !== actor.id) throw new AppError('CONFLICT', '这项交接事项不在你的名下：请由负责人登记完成。');
    if (item.status !== 'accepted' && item.status !== 'queried') throw new AppError('CONFLICT', '这项交接事项已经完成或尚未接班。');
    this.sql.tx(() => {
      this.db.prepare("UPDATE handover_items SET status = 'done', done_at = ? WHERE id = ?").run(this.clock.now().toISOString(), itemId);
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'handover.itemDone', entity: 'handover_item', entityId: String(itemId), detail: {} });
    });
    return this.myItems(actor);
  }

  private view(h: HandoverRow): HandoverView {
    const items = (this.db.prepare(`${I_SELECT} WHERE i.handover_id = ? ORDER BY i.id`).all(h.id) as ItemRow[]).map(itemView);
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

function itemView(i: ItemRow): HandoverView['items'][number] {
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
