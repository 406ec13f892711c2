import type { z } from 'zod';
import type { Updateable } from 'kysely';
import type { Sql } from '../../db/sql';
import type { RequestAction, ServiceRequestsTable } from '../../db/schema';
import { appendAudit } from '../../db/audit';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName, maskText } from '@shared/mask';
import { serviceSettings, type requestsContract, type RequestStats, type RequestView, type ServiceSettings } from '@shared/contract/requests';
import type { SessionOperator } from '../operators/sessions';
import { roomById } from '../roster/roster.repo';
import { getSetting, setSetting } from '../system/settings.repo';
import { mean, median, span, withinTarget } from './sla';
import * as repo from './requests.repo';
import type { PropertyCalendar } from '@shared/calendar';

type LogInput = z.output<(typeof requestsContract)['requests.log']['input']>;

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  departments: ['工程部', '保安部', '保洁部', '客服部', '绿化部'],
  targets: { repair: 3, complaint: 10, suggestion: 60, enquiry: 10 },
};

/**
 * 报修投诉: each step stamped with its time and operator (an append-only event list besides the row), the
 * dispatch clock against a per-kind target, the callback queue, and the month's statistics. Names and phones in
 * descriptions are masked on the way out; the caller's name is shown masked.
 */
export class RequestsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    /** queues the 派工单 on the receipt printer (false when there is none) */
    private readonly printDispatch: (requestId: number) => boolean = () => false,
  ) {}

  settings(): ServiceSettings {
    const raw = getSetting(this.sql, 'service_settings');
    if (!raw) return DEFAULT_SERVICE_SETTINGS;
    try {
      const r = serviceSettings.safeParse(JSON.parse(raw));
      return r.success ? r.data : DEFAULT_SERVICE_SETTINGS;
    } catch {
      return DEFAULT_SERVICE_SETTINGS;
    }
  }

  saveSettings(s: ServiceSettings, actor: SessionOperator): ServiceSettings {
    this.sql.tx(() => {
      setSetting(this.sql, 'service_settings', JSON.stringify(s), this.now());
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'settings.service', entity: 'settings', entityId: 'service', detail: s });
    });
    return this.settings();
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  log(input: LogInput, actor: SessionOperator): RequestView {
    if (input.requestId) {
      const seen = repo.requestByRequestId(this.sql, input.requestId);
      if (seen) return this.get(seen.id);
    }
    const room = input.roomId !== null ? roomById(this.sql, input.roomId) : null;
    if (input.roomId !== null && !room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
    const at = this.now();
    const target = this.settings().targets[input.kind];
    const id = this.sql.tx(() => {
      const rid = repo.insertRequest(this.sql, {
        kind: input.kind,
        source: input.source,
        room_id: room?.id ?? null,
        room_code: room?.code ?? null,
        caller: input.caller,
        phone_last4: input.phoneLast4 ?? null,
        category: input.category,
        description: input.description,
        urgency: input.urgency,
        status: 'logged',
        target_minutes: target,
        request_id: input.requestId ?? null,
        created_at: at,
        created_by: actor.id,
        updated_at: at,
      });
      this.event(rid, actor, 'log', '');
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'request.log',
        entity: 'service_request',
        entityId: String(rid),
        detail: { kind: input.kind, category: input.category, room: room?.code ?? null },
      });
      return rid;
    });
    return this.get(id);
  }

  private event(requestId: number, actor: SessionOperator, action: RequestAction, note: string): void {
    repo.insertEvent(this.sql, { request_id: requestId, at: this.now(), operator_id: actor.id, action, note });
  }

  private step(
    id: number,
    actor: SessionOperator,
    action: Exclude<RequestAction, 'log'>,
    allowed: RequestView['status'][],
    patch: Updateable<ServiceRequestsTable>,
    note: string,
  ): RequestView {
    this.sql.tx(() => {
      const r = this.row(id);
      if (!allowed.includes(r.status)) throw new AppError('CONFLICT', `这条记录现在是「${STATUS_ZH[r.status]}」，不能${ACTION_ZH[action]}：请刷新后再看。`);
      repo.updateRequest(this.sql, id, { ...patch, updated_at: this.now() });
      this.event(id, actor, action, note);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: `request.${action}`,
        entity: 'service_request',
        entityId: String(id),
        detail: { note: maskText(note) },
      });
    });
    return this.get(id);
  }

  dispatch(id: number, department: string, note: string | undefined, actor: SessionOperator): RequestView {
    const at = this.now();
    return this.sql.tx(() => {
      const v = this.step(
        id,
        actor,
        'dispatch',
        ['logged'],
        { status: 'dispatched', department, dispatched_at: at, dispatched_by: actor.id },
        `${department}${note ? `：${note}` : ''}`,
      );
      this.printDispatch(id);
      return v;
    });
  }

  /** The 派工单: what the department needs to go and fix it. Already masked. */
  dispatchLines(id: number): { label: string; value: string }[] {
    const r = this.get(id);
    const ev = r.events.find((e) => e.action === 'dispatch');
    return [
      { label: '单号', value: `#${r.id}` },
      { label: '类型', value: `${KIND_ZH[r.kind]}${r.urgency === 'urgent' ? '（紧急）' : ''}` },
      { label: '派往', value: r.department ?? '' },
      { label: '房号', value: r.roomCode ?? '无房号' },
      { label: '类别', value: r.category },
      { label: '联系人', value: `${r.callerMasked}${r.phoneLast4 ? ` 尾号${r.phoneLast4}` : ''}` || '—' },
      { label: '登记', value: `${r.createdByName} ${r.createdAt}` },
      { label: '派工', value: `${ev?.operatorName ?? ''} ${r.dispatchedAt ?? ''}` },
      { label: '内容', value: r.description },
    ];
  }

  start(id: number, note: string | undefined, actor: SessionOperator): RequestView {
    return this.step(id, actor, 'start', ['dispatched'], { status: 'in_progress', started_at: this.now() }, note ?? '');
  }

  /** Done: after dispatch, or straight from logged for an enquiry or suggestion answered at the counter. */
  done(id: number, note: string, actor: SessionOperator): RequestView {
    const r = this.row(id);
    const allowed: RequestView['status'][] =
      r.kind === 'enquiry' || r.kind === 'suggestion' ? ['logged', 'dispatched', 'in_progress'] : ['dispatched', 'in_progress'];
    if (r.status === 'logged' && !allowed.includes('logged')) throw new AppError('CONFLICT', '报修和投诉要先派工，才能登记完成。');
    return this.step(id, actor, 'done', allowed, { status: 'done', done_at: this.now(), done_note: note }, note);
  }

  callback(id: number, satisfaction: number, note: string | undefined, actor: SessionOperator): RequestView {
    return this.step(
      id,
      actor,
      'callback',
      ['done'],
      { status: 'called_back', called_back_at: this.now(), satisfaction, callback_note: note ?? null },
      `满意度 ${satisfaction}${note ? `：${note}` : ''}`,
    );
  }

  private row(id: number): repo.RequestRow {
    const r = repo.requestById(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这条报修投诉记录。');
    return r;
  }

  get(id: number): RequestView {
    return this.view(this.row(id), true);
  }

  list(viewName: 'open' | 'callback' | 'all', q: string | undefined, limit = 200): RequestView[] {
    return repo.listRequests(this.sql, viewName, q?.trim() || undefined, limit).map((r) => this.view(r, false));
  }

  /** Requests logged in [from, to] (the property's dates, inclusive): counts, dispatch against target, close time, callbacks. */
  stats(from: string, to: string): RequestStats {
    if (to < from) throw new AppError('BAD_INPUT', '结束日期不能早于开始日期。');
    const { from: start, to: end } = this.calendar.days(from, to);
    const rows = repo.createdBetween(this.sql, start, end);
    const count = <K extends string>(keys: K[]) => {
      const m = new Map<K, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m.entries()].sort((a, b) => b[1] - a[1]);
    };
    const dispatchSpans = rows.map((r) => span(r.created_at, r.dispatched_at)).filter((s): s is NonNullable<typeof s> => s !== null);
    const closeSpans = rows.map((r) => span(r.created_at, r.done_at)).filter((s): s is NonNullable<typeof s> => s !== null);
    // a callback follows work that was dispatched; an enquiry answered at the counter needs none
    const done = rows.filter((r) => r.done_at !== null && r.dispatched_at !== null);
    const calledBack = rows.filter((r) => r.status === 'called_back');
    const now = this.clock.now();
    return {
      from,
      to,
      total: rows.length,
      byKind: count(rows.map((r) => r.kind)).map(([kind, c]) => ({ kind, count: c })),
      byCategory: count(rows.map((r) => r.category)).map(([category, c]) => ({ category, count: c })),
      dispatched: dispatchSpans.length,
      dispatchWithinTarget: rows.filter((r) => {
        const d = span(r.created_at, r.dispatched_at);
        return d !== null && !d.clockAnomaly && withinTarget(r.created_at, r.dispatched_at, r.target_minutes, now) === true;
      }).length,
      medianDispatchMs: median(dispatchSpans.map((s) => s.ms)),
      medianCloseMs: median(closeSpans.map((s) => s.ms)),
      done: rows.filter((r) => r.done_at !== null).length,
      calledBack: calledBack.length,
      callbackRate: done.length ? calledBack.length / done.length : null,
      meanSatisfaction: mean(calledBack.map((r) => r.satisfaction ?? 0)),
      clockAnomalies: [...dispatchSpans, ...closeSpans].filter((s) => s.clockAnomaly).length,
    };
  }

  private view(r: repo.RequestRow, withEvents: boolean): RequestView {
    const d = span(r.created_at, r.dispatched_at);
    const c = span(r.created_at, r.done_at);
    const events = withEvents ? repo.eventsOf(this.sql, r.id).map((e) => ({ at: e.at, operatorName: e.name, action: e.action, note: maskText(e.note) })) : [];
    return {
      id: r.id,
      kind: r.kind,
      source: r.source,
      roomId: r.room_id,
      roomCode: r.room_code,
      callerMasked: maskName(r.caller || null) ?? '',
      phoneLast4: r.phone_last4,
      category: r.category,
      description: maskText(r.description),
      urgency: r.urgency,
      department: r.department,
      status: r.status,
      targetMinutes: r.target_minutes,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
      dispatchedAt: r.dispatched_at,
      startedAt: r.started_at,
      doneAt: r.done_at,
      doneNote: r.done_note === null ? null : maskText(r.done_note),
      calledBackAt: r.called_back_at,
      satisfaction: r.satisfaction,
      callbackNote: r.callback_note === null ? null : maskText(r.callback_note),
      dispatchMs: d ? d.ms : null,
      withinTarget: withinTarget(r.created_at, r.dispatched_at, r.target_minutes, this.clock.now()),
      clockAnomaly: !!(d?.clockAnomaly || c?.clockAnomaly),
      events,
    };
  }
}

const KIND_ZH: Record<RequestView['kind'], string> = { repair: '报修', complaint: '投诉', suggestion: '建议', enquiry: '咨询' };
const STATUS_ZH: Record<RequestView['status'], string> = {
  logged: '待派工',
  dispatched: '已派工',
  in_progress: '处理中',
  done: '已完成',
  called_back: '已回访',
};
const ACTION_ZH: Record<'dispatch' | 'start' | 'done' | 'callback', string> = { dispatch: '派工', start: '开始处理', done: '登记完成', callback: '回访' };
