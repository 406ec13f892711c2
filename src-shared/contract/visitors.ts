import { z } from 'zod';
import { def, empty, id, isoDate, isoDateTime, line, reason } from './common';
import { passNo, passView } from './visitor-passes';
import {
  checkoutMethod,
  docLast4,
  docNumber,
  docType,
  personName,
  phoneInput,
  phoneLast4,
  plateInput,
  requestId,
  roomOrCommonArea,
  shortText,
  visitConsent,
  visitPurpose,
  visitStatus,
  appointmentStatus,
  workerPassMode,
  zonesInput,
} from './visitor-fields';

/**
 * 访客与放行, part one: the visitor register (check-in with a pass, check-out by scanning it, the on-site
 * list), appointments, the refusal list and the area's settings. Passes of every kind (visitor, worker,
 * removal) and the pre-printed form register are in visitor-passes.ts. Personal data never leaves main
 * unmasked except through `visitors.reveal` (a reason, audited).
 */

export const visitView = z.object({
  id,
  status: visitStatus,
  /** 张** — or 已删除 once the retention period erased it */
  nameMasked: z.string(),
  phoneMasked: z.string(),
  docType,
  /** ****1234 (the last four only); '' when none was recorded */
  docMasked: z.string(),
  /** 京A***45 */
  plateMasked: z.string(),
  partySize: z.number().int(),
  purpose: visitPurpose,
  purposeNote: z.string(),
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  commonAreaReason: z.string().nullable(),
  /** building codes the pass allows, as printed */
  zones: z.array(z.string()),
  consent: visitConsent,
  consentPhoneMasked: z.string().nullable(),
  appointmentId: id.nullable(),
  /** the refusal list matched and a supervisor let the visitor in anyway */
  refusalOverride: z.object({ reason: z.string(), approverName: z.string() }).nullable(),
  checkedInAt: z.string(),
  checkedInByName: z.string(),
  validUntil: z.string(),
  /** still on site past the pass's validity */
  overdue: z.boolean(),
  checkedOutAt: z.string().nullable(),
  checkedOutByName: z.string().nullable(),
  checkoutMethod: checkoutMethod.nullable(),
  checkoutNote: z.string().nullable(),
  passNo: z.string(),
  /** the personal data was erased after the retention period (counts and the pass number stay) */
  erased: z.boolean(),
});
export type VisitView = z.infer<typeof visitView>;

export const checkInResult = z.object({
  visit: visitView,
  pass: passView,
  /** the pass was sent to the receipt printer; false: no printer set up (show the preview) */
  printQueued: z.boolean(),
});
export type CheckInResult = z.infer<typeof checkInResult>;

/** A returning visitor (same name and phone last four): what the form can be pre-filled with, masked. */
export const returningVisitor = z.object({
  visitId: id,
  nameMasked: z.string(),
  phoneMasked: z.string(),
  docType,
  docMasked: z.string(),
  plateMasked: z.string(),
  partySize: z.number().int(),
  purpose: visitPurpose,
  purposeNote: z.string(),
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  lastVisitAt: z.string(),
  visits: z.number().int(),
});
export type ReturningVisitor = z.infer<typeof returningVisitor>;

export const onSiteView = z.object({
  visitors: z.array(visitView),
  /** visits on site (rows) and people (party sizes summed) */
  visits: z.number().int(),
  people: z.number().int(),
  overdue: z.number().int(),
});
export type OnSiteView = z.infer<typeof onSiteView>;

export const appointmentView = z.object({
  id,
  status: appointmentStatus,
  nameMasked: z.string(),
  phoneMasked: z.string(),
  roomId: id,
  roomCode: z.string(),
  date: z.string(),
  partySize: z.number().int(),
  purpose: visitPurpose,
  note: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  visitId: id.nullable(),
  cancelReason: z.string().nullable(),
  erased: z.boolean(),
});
export type AppointmentView = z.infer<typeof appointmentView>;

export const refusalView = z.object({
  id,
  nameMasked: z.string(),
  phoneLast4: z.string().nullable(),
  docLast4: z.string().nullable(),
  /** null: refused for the whole property; else only for visits to this room (a resident's instruction) */
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  reason: z.string(),
  fromDate: z.string(),
  untilDate: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string(),
  endedAt: z.string().nullable(),
  endedByName: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type RefusalView = z.infer<typeof refusalView>;

export const visitorSettings = z.object({
  /** days personal data of visitors is kept after the visit or pass ends, then erased */
  retentionDays: z.number().int().min(1).max(1095),
  /** record the whole identity document number (sealed at rest) instead of the last four characters */
  fullDocumentNumber: z.boolean(),
  /** the visitor pass prints the room visited; false: the building only */
  passShowsRoom: z.boolean(),
  /** default validity of a visitor pass, in hours */
  visitHours: z.number().int().min(1).max(24),
  /** the longest validity a visitor pass may be given, in hours */
  visitMaxHours: z.number().int().min(1).max(72),
  /** the longest validity of a worker's temporary pass, in days */
  workerPassMaxDays: z.number().int().min(1).max(180),
  /** temporary passes printed by the app, or pre-printed numbered forms from finance */
  workerPassMode,
  /** how many days ahead a removal pass may be issued */
  removalMaxDaysAhead: z.number().int().min(0).max(90),
});
export type VisitorSettings = z.infer<typeof visitorSettings>;

export const visitorSettingsView = visitorSettings.extend({
  /** what is collected and for how long, in plain Chinese, for the settings screen */
  notice: z.array(z.string()),
});

export const checkInInput = z.object({
  /** makes a repeated submit return the visit already registered */
  requestId: requestId.optional(),
  /** check-in from an appointment of today */
  appointmentId: id.optional(),
  /** a returning visitor: phone, document and plate are taken from this earlier visit where left out */
  fromVisitId: id.optional(),
  /** left out when checking in from an appointment: the core takes the appointment's (the screen has it masked only) */
  visitorName: personName.optional(),
  /** left out: the returning visit's or the appointment's, if any */
  phone: phoneInput.optional(),
  docType,
  docLast4: docLast4.optional(),
  docNumber: docNumber.optional(),
  partySize: z.number().int().min(1, { message: '人数至少 1 人' }).max(50, { message: '一次登记最多 50 人' }),
  plate: plateInput.optional(),
  purpose: visitPurpose,
  purposeNote: shortText(60).optional(),
  ...roomOrCommonArea,
  consent: visitConsent,
  /** the resident's number the counter called (kept masked only) */
  consentPhone: phoneInput.optional(),
  zones: zonesInput.optional(),
  validUntil: isoDateTime.optional(),
  /** a supervisor's approval 'visitor.admitRefused' when the visitor is on the refusal list */
  approvalId: line().max(100).optional(),
});

export const visitorsContract = {
  'visitors.settings.get': def({ input: empty, output: visitorSettingsView, access: 'receptionist' }),
  'visitors.settings.save': def({ input: visitorSettings, output: visitorSettingsView, access: 'admin' }),
  /**
   * Walk-up or appointment check-in: registers the visit and issues a visitor pass (number from this terminal's
   * gapless series, printed when a printer is set up). A visitor on the refusal list answers APPROVAL_REQUIRED
   * with the reason (params: action 'visitor.admitRefused', subject); a second person's supervisor approval lets them in.
   */
  'visitors.checkIn': def({ input: checkInInput, output: checkInResult, access: 'receptionist' }),
  /** The last visit of a visitor with this name and phone last four (for pre-filling); null when none is on file. */
  'visitors.returning': def({ input: z.object({ name: personName, phoneLast4 }), output: returningVisitor.nullable(), access: 'receptionist' }),
  /** Check-out by the pass number (scanned from the pass's barcode or typed) or by the visit found by search. */
  'visitors.checkOut': def({
    input: z.union([z.object({ passNo }), z.object({ visitId: id })]),
    output: visitView,
    access: 'receptionist',
  }),
  /** A supervisor checks out everyone still on site (checked in before `checkedInBefore`, default now) with a reason. */
  'visitors.checkOutBulk': def({
    input: z.object({ reason, checkedInBefore: isoDateTime.optional() }),
    output: z.object({ count: z.number().int() }),
    access: 'supervisor',
  }),
  /** 在场访客: everyone checked in and not out, overdue ones (past the pass's validity) first. The guard sees it too. */
  'visitors.onSite': def({ input: empty, output: onSiteView, access: 'guard' }),
  /** The register: by pass number, name, phone last four or room; a day; a status. Masked. */
  'visitors.search': def({
    input: z.object({
      q: shortText(40).optional(),
      date: isoDate.optional(),
      status: visitStatus.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.array(visitView),
    access: 'receptionist',
  }),
  /** The whole phone, document number or plate of a visit, with a reason (audited); refused once erased. */
  'visitors.reveal': def({
    input: z.object({ visitId: id, field: z.enum(['phone', 'document', 'plate']), reason }),
    output: z.object({ value: z.string() }),
    access: 'receptionist',
  }),

  'visitors.appointments.create': def({
    input: z.object({
      requestId: requestId.optional(),
      visitorName: personName,
      phone: phoneInput.optional(),
      roomId: id,
      date: isoDate,
      partySize: z.number().int().min(1).max(50),
      purpose: visitPurpose,
      note: shortText(100).optional(),
    }),
    output: appointmentView,
    access: 'receptionist',
  }),
  /** A day's appointments (default today); planned ones of earlier days are no-shows by then. */
  'visitors.appointments.list': def({
    input: z.object({ date: isoDate.optional(), status: appointmentStatus.optional() }),
    output: z.array(appointmentView),
    access: 'receptionist',
  }),
  'visitors.appointments.cancel': def({ input: z.object({ id, reason }), output: appointmentView, access: 'receptionist' }),

  'visitors.refusals.list': def({ input: z.object({ includeEnded: z.boolean().optional() }), output: z.array(refusalView), access: 'receptionist' }),
  /** Adds to the refusal list: a name and a phone last four or document last four, a reason, an end date, optionally one room. */
  'visitors.refusals.save': def({
    input: z.object({
      visitorName: personName,
      phoneLast4: phoneLast4.optional(),
      docLast4: docLast4.optional(),
      roomId: id.nullable(),
      reason,
      untilDate: isoDate,
    }),
    output: refusalView,
    access: 'supervisor',
  }),
  'visitors.refusals.end': def({ input: z.object({ id, reason }), output: refusalView, access: 'supervisor' }),

  /** Erases the personal data whose retention period has ended now (the job does it at start and daily). */
  'visitors.retention.run': def({ input: empty, output: z.object({ erased: z.number().int(), noShows: z.number().int() }), access: 'admin' }),
} as const;
