import { z } from 'zod';
import { def, empty, id, isoDate, line, lines } from './common';

/** 报修/投诉/建议/咨询: log from a call or a visit, dispatch against a target, follow up, call back, statistics. */
export const requestKind = z.enum(['repair', 'complaint', 'suggestion', 'enquiry']);
export const requestStatus = z.enum(['logged', 'dispatched', 'in_progress', 'done', 'called_back']);

export const serviceSettings = z.object({
  departments: z.array(line().trim().min(1).max(20)).min(1).max(20),
  /** minutes from logging to dispatch, by kind */
  targets: z.object({
    repair: z.number().int().min(1).max(10080),
    complaint: z.number().int().min(1).max(10080),
    suggestion: z.number().int().min(1).max(10080),
    enquiry: z.number().int().min(1).max(10080),
  }),
});
export type ServiceSettings = z.infer<typeof serviceSettings>;

export const requestView = z.object({
  id,
  kind: requestKind,
  source: z.enum(['call', 'visit']),
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  callerMasked: z.string(),
  phoneLast4: z.string().nullable(),
  category: z.string(),
  description: z.string(),
  urgency: z.enum(['normal', 'urgent']),
  department: z.string().nullable(),
  status: requestStatus,
  targetMinutes: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string(),
  dispatchedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  calledBackAt: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  callbackNote: z.string().nullable(),
  /** ms from logging to dispatch (0 and flagged if the clock went back) */
  dispatchMs: z.number().int().nullable(),
  withinTarget: z.boolean().nullable(),
  clockAnomaly: z.boolean(),
  events: z.array(z.object({ at: z.string(), operatorName: z.string(), action: z.string(), note: z.string() })),
});
export type RequestView = z.infer<typeof requestView>;

export const requestStats = z.object({
  from: isoDate,
  to: isoDate,
  total: z.number().int(),
  byKind: z.array(z.object({ kind: requestKind, count: z.number().int() })),
  byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  dispatched: z.number().int(),
  dispatchWithinTarget: z.number().int(),
  medianDispatchMs: z.number().int().nullable(),
  medianCloseMs: z.number().int().nullable(),
  done: z.number().int(),
  calledBack: z.number().int(),
  callbackRate: z.number().nullable(),
  meanSatisfaction: z.number().nullable(),
  clockAnomalies: z.number().int(),
});
export type RequestStats = z.infer<typeof requestStats>;

const text = (min: number, max: number, message: string) => line().trim().min(min, { message }).max(max);

export const requestsContract = {
  'requests.settings.get': def({ input: empty, output: serviceSettings, access: 'receptionist' }),
  'requests.settings.save': def({ input: serviceSettings, output: serviceSettings, access: 'supervisor' }),
  'requests.log': def({
    input: z.object({
      requestId: line()
        .regex(/^[A-Za-z0-9_-]{8,64}$/)
        .optional(),
      kind: requestKind,
      source: z.enum(['call', 'visit']),
      roomId: id.nullable(),
      caller: line().trim().max(40),
      phoneLast4: line()
        .regex(/^\d{4}$/, { message: '手机后四位应为 4 位数字' })
        .optional(),
      category: text(1, 20, '请选择或填写类别'),
      description: lines().trim().min(2, { message: '请描述问题（至少 2 个字）' }).max(500),
      urgency: z.enum(['normal', 'urgent']),
    }),
    output: requestView,
    access: 'receptionist',
  }),
  'requests.dispatch': def({
    input: z.object({ id, department: text(1, 20, '请选择派工部门'), note: line().trim().max(200).optional() }),
    output: requestView,
    access: 'receptionist',
  }),
  'requests.start': def({ input: z.object({ id, note: line().trim().max(200).optional() }), output: requestView, access: 'receptionist' }),
  'requests.done': def({ input: z.object({ id, note: text(2, 200, '请填写处理结果（至少 2 个字）') }), output: requestView, access: 'receptionist' }),
  'requests.callback': def({
    input: z.object({ id, satisfaction: z.number().int().min(1).max(5), note: line().trim().max(200).optional() }),
    output: requestView,
    access: 'receptionist',
  }),
  'requests.get': def({ input: z.object({ id }), output: requestView, access: 'receptionist' }),
  'requests.list': def({
    input: z.object({ view: z.enum(['open', 'callback', 'all']), q: line().trim().max(40).optional(), limit: z.number().int().min(1).max(500).optional() }),
    output: z.array(requestView),
    access: 'receptionist',
  }),
  'requests.stats': def({ input: z.object({ from: isoDate, to: isoDate }), output: requestStats, access: 'receptionist' }),
};
