import { z } from 'zod';
import { def, empty, id, isoDate, line, reason } from './common';
import { printState } from './fees';
import {
  docLast4,
  docNumber,
  docType,
  personName,
  phoneInput,
  plateInput,
  requestId,
  roomOrCommonArea,
  shortText,
  workerPassMode,
  zonesInput,
} from './visitor-fields';

/**
 * 访客与放行, part two: passes. Every pass handed out has a number: visitor passes (`T01-V0000001`), workers'
 * temporary passes printed by the app (`T01-W0000001`) and removal passes (`T01-R0000001`) from this terminal's
 * gapless series, one per kind; or, when temporary passes are pre-printed forms signed for at finance, the
 * form's own number (`LS000123`). A pass never changes once issued: a mistake is voided (with a reason) and a
 * new one issued. A removal pass is used once: the second verification is refused and says when and by whom.
 */

export const passKind = z.enum(['visitor', 'worker', 'removal']);
export type PassKind = z.infer<typeof passKind>;
/**
 * valid: out and in force (check `expired`); returned: handed back (visitor checked out, worker returned it);
 * closed: ended without being handed back (bulk check-out); void; lost; used: a removal pass verified at the gate.
 */
export const passStatus = z.enum(['valid', 'returned', 'closed', 'void', 'lost', 'used']);
export type PassStatus = z.infer<typeof passStatus>;

/** A pass number as scanned from its barcode or typed: upper-cased and trimmed by the core. */
export const passNo = line().trim().min(1, { message: '请扫描或输入通行证号' }).max(32, { message: '通行证号最多 32 个字符' });
/** A pre-printed form number: up to 6 letters then 3–10 digits (`LS000123`, `000123`). */
export const formNo = line()
  .trim()
  .regex(/^[A-Za-z]{0,6}\d{3,10}$/, { message: '表单编号应为字母（可无）加 3–10 位数字，例如 LS000123' });
const hhmm = line().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 08:30' });

export const passHolder = z.object({ nameMasked: z.string(), phoneMasked: z.string(), docType, docMasked: z.string() });

export const passView = z.object({
  id,
  passNo: z.string(),
  kind: passKind,
  status: passStatus,
  /** still 'valid' but past its validity */
  expired: z.boolean(),
  /** a pre-printed form (the number is the form's), not printed by the app */
  fromForm: z.boolean(),
  validFrom: z.string(),
  validUntil: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  commonAreaReason: z.string().nullable(),
  /** building codes it lets its holder into */
  zones: z.array(z.string()),
  /** the visitor or worker, masked (removal passes: the applicant); null once erased */
  holder: passHolder.nullable(),
  /** workers' passes: the company */
  company: z.string().nullable(),
  note: z.string(),
  visitId: id.nullable(),
  removalId: id.nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closeReason: z.string().nullable(),
  printState,
  /** reprints so far (each marked 副本 n) */
  copies: z.number().int(),
});
export type PassView = z.infer<typeof passView>;

export const issuedPass = z.object({ pass: passView, printQueued: z.boolean() });

/** Open matters of a room, shown before a removal pass is issued; the receptionist decides as the property's rules say. */
export const roomIssues = z.object({
  roomId: id,
  roomCode: z.string(),
  keysOnLoan: z.array(z.object({ tag: z.string(), label: z.string(), borrowerMasked: z.string(), dueAt: z.string(), overdue: z.boolean() })),
  activeCards: z.array(z.object({ id, type: z.enum(['access', 'function']), holderMasked: z.string(), issuedAt: z.string() })),
  /** unpaid fees: filled once receivables are recorded; until then not available, with the reason */
  unpaidFees: z.union([
    z.object({ available: z.literal(true), totalFen: z.number().int(), items: z.array(z.object({ name: z.string(), amountFen: z.number().int() })) }),
    z.object({ available: z.literal(false), reason: z.string() }),
  ]),
  /** anything above to look at */
  any: z.boolean(),
});
export type RoomIssues = z.infer<typeof roomIssues>;

export const removalConsent = z.enum(['owner', 'owner_present', 'phone', 'written', 'approval']);
export type RemovalConsent = z.infer<typeof removalConsent>;

export const removalPassView = z.object({
  id,
  passNo: z.string(),
  status: z.enum(['valid', 'used', 'void']),
  /** valid but its day is over */
  expired: z.boolean(),
  roomId: id,
  roomCode: z.string(),
  applicantKind: z.enum(['owner', 'tenant']),
  applicantMasked: z.string(),
  phoneMasked: z.string(),
  items: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
  movingCompany: z.string(),
  /** the moving vehicle's plate in full: the guard compares it with the truck ('' when none); '' once erased */
  plate: z.string(),
  date: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  consent: removalConsent,
  consentPhoneMasked: z.string().nullable(),
  consentNote: z.string(),
  approverName: z.string().nullable(),
  /** the room's open matters when the pass was issued */
  openIssues: z.object({ keysOnLoan: z.number().int(), activeCards: z.number().int(), unpaidFees: z.number().int().nullable() }),
  issuedAt: z.string(),
  issuedByName: z.string(),
  verification: z.object({ at: z.string(), byName: z.string(), via: z.enum(['gate', 'counter']) }).nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  printState,
  copies: z.number().int(),
  erased: z.boolean(),
});
export type RemovalPassView = z.infer<typeof removalPassView>;

/** What the 放行核验 screen shows in large type. Only 'ok' lets the goods out. */
export const verifyResult = z.object({
  result: z.enum(['ok', 'used', 'expired', 'void', 'unknown', 'not_yet', 'not_removal']),
  /** two to six characters for the big display: 放行, 已使用, 已过期, 已作废, 无此证, 未到日期 */
  headline: z.string(),
  /** one plain sentence: what it is and what to do */
  detail: z.string(),
  pass: removalPassView.nullable(),
  /** verified outside the agreed time window (still valid that day): say so to the guard */
  outsideWindow: z.boolean(),
});
export type VerifyResult = z.infer<typeof verifyResult>;

export const formBatchView = z.object({
  id,
  firstNo: z.string(),
  lastNo: z.string(),
  count: z.number().int(),
  receivedOn: z.string(),
  signedBy: z.string(),
  handedOverBy: z.string(),
  receivedByName: z.string(),
  createdAt: z.string(),
  note: z.string(),
  inStock: z.number().int(),
});

/** The pre-printed form register: received = issued + in stock + void + lost (issued = out + returned). */
export const formRegisterView = z.object({
  mode: workerPassMode,
  received: z.number().int(),
  inStock: z.number().int(),
  issued: z.number().int(),
  out: z.number().int(),
  returned: z.number().int(),
  void: z.number().int(),
  lost: z.number().int(),
  balanced: z.boolean(),
  /** the lowest number still in stock (what to hand out next), null when none */
  nextInStock: z.string().nullable(),
  batches: z.array(formBatchView),
  /** passes whose validity ended and that were not returned: to follow up */
  expiredOut: z.array(passView),
  lastCount: z
    .object({ at: z.string(), operatorName: z.string(), expectedInStock: z.number().int(), counted: z.number().int(), explanation: z.string() })
    .nullable(),
});
export type FormRegisterView = z.infer<typeof formRegisterView>;

/** Quick picks for removal items (free lines are allowed too). */
export const REMOVAL_QUICK_PICKS = ['家具', '家电', '装修垃圾', '纸箱', '床垫', '行李', '办公设备', '自行车'] as const;

export const visitorPassesContract = {
  'visitors.passes.get': def({ input: z.object({ passNo }), output: passView, access: 'receptionist' }),
  /** Prints the pass again, marked 副本 n. Refused for a void pass and when no printer is set up. */
  'visitors.passes.reprint': def({ input: z.object({ passNo }), output: z.object({ pass: passView, copy: z.number().int() }), access: 'receptionist' }),
  /**
   * Voids a pass with a reason (a mistake: issue a new one). A visitor pass voids the visit; a form voids the form;
   * a removal pass can no longer be verified. Used, returned or already void passes cannot be voided.
   */
  'visitors.passes.void': def({ input: z.object({ passNo, reason }), output: passView, access: 'receptionist' }),
  'visitors.passes.preview': def({
    input: z.object({ passNo }),
    output: z.object({ svg: z.string(), width: z.union([z.literal(58), z.literal(80)]) }),
    access: 'receptionist',
  }),

  /** A worker's temporary pass (临时出入证): printed, or a pre-printed form (formNo) by the property's setting. */
  'visitors.workers.issue': def({
    input: z.object({
      requestId: requestId.optional(),
      company: line().trim().min(1, { message: '请填写施工/服务单位' }).max(40),
      workerName: personName,
      phone: phoneInput,
      docType,
      docLast4: docLast4.optional(),
      docNumber: docNumber.optional(),
      validFrom: isoDate,
      /** the last day it is valid (inclusive) */
      validUntil: isoDate,
      zones: zonesInput.optional(),
      ...roomOrCommonArea,
      /** forms mode: the number of the pre-printed form handed over */
      formNo: formNo.optional(),
      note: shortText(100).optional(),
    }),
    output: issuedPass,
    access: 'receptionist',
  }),
  /** Workers' passes: out (in force), expired (validity over, not returned: to follow up), closed (returned, void, lost), or all. */
  'visitors.workers.list': def({
    input: z.object({
      status: z.enum(['out', 'expired', 'closed', 'all']).optional(),
      q: shortText(40).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.array(passView),
    access: 'receptionist',
  }),
  'visitors.workers.return': def({ input: z.object({ passNo }), output: passView, access: 'receptionist' }),
  'visitors.workers.lost': def({ input: z.object({ passNo, reason }), output: passView, access: 'receptionist' }),

  /** Records a range of pre-printed forms received from finance, with who signed for them. */
  'visitors.forms.receive': def({
    input: z.object({
      firstNo: formNo,
      lastNo: formNo,
      receivedOn: isoDate,
      signedBy: personName,
      handedOverBy: personName,
      note: shortText(100).optional(),
    }),
    output: formRegisterView,
    access: 'supervisor',
  }),
  'visitors.forms.register': def({ input: empty, output: formRegisterView, access: 'receptionist' }),
  /** A blank form in stock spoiled (void) or missing (lost), with a reason. */
  'visitors.forms.writeOff': def({ input: z.object({ formNo, state: z.enum(['void', 'lost']), reason }), output: formRegisterView, access: 'receptionist' }),
  /** The shift's count of blank forms in stock; a difference needs an explanation. */
  'visitors.forms.count': def({
    input: z.object({ counted: z.number().int().min(0).max(100000), explanation: shortText(200).optional() }),
    output: formRegisterView,
    access: 'receptionist',
  }),

  'visitors.removal.openIssues': def({ input: z.object({ roomId: id }), output: roomIssues, access: 'receptionist' }),
  /**
   * A removal pass (搬运证). A tenant needs the owner's consent recorded (owner present, a phone call with the number
   * called, written authorisation) or a supervisor's approval 'removal.tenantNoConsent' (subject: the room code).
   * Answers with the room's open matters as they were when it was issued.
   */
  'visitors.removal.issue': def({
    input: z.object({
      requestId: requestId.optional(),
      roomId: id,
      applicantKind: z.enum(['owner', 'tenant']),
      applicantName: personName,
      applicantPhone: phoneInput.optional(),
      items: z
        .array(z.object({ name: line().trim().min(1, { message: '请填写物品名称' }).max(30), quantity: z.number().int().min(1).max(999) }))
        .min(1, { message: '请至少填写一项物品' })
        .max(30, { message: '一张放行条最多 30 项物品' }),
      movingCompany: shortText(40).optional(),
      plate: plateInput.optional(),
      date: isoDate,
      windowFrom: hhmm,
      windowTo: hhmm,
      /** a tenant's applicant: how the owner agreed (the number called is kept masked only) */
      consentMethod: z.enum(['owner_present', 'phone', 'written']).optional(),
      consentPhone: phoneInput.optional(),
      consentNote: shortText(100).optional(),
      approvalId: line().max(100).optional(),
    }),
    output: z.object({ pass: removalPassView, openIssues: roomIssues, printQueued: z.boolean() }),
    access: 'receptionist',
  }),
  'visitors.removal.list': def({
    input: z.object({
      date: isoDate.optional(),
      status: z.enum(['valid', 'used', 'void', 'expired']).optional(),
      roomId: id.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.array(removalPassView),
    access: 'receptionist',
  }),
  /**
   * 放行核验: the guard (or the counter, 核销) scans the slip. Valid → marked used with the time and who checked;
   * a second scan answers 'used' with when and by whom. Used, expired, void and unknown are answers, not errors.
   */
  'visitors.removal.verify': def({ input: z.object({ passNo }), output: verifyResult, access: 'guard' }),
} as const;
