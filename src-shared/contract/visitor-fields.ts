import { z } from 'zod';
import { id, line } from './common';
import { normalizePlate, plateProblem } from '../plate';

/** The fields the visitor and pass channels share (visitors.ts, visitor-passes.ts). */

export const visitPurpose = z.enum(['friend', 'delivery', 'repair', 'decoration', 'agent_viewing', 'interview', 'other']);
export type VisitPurpose = z.infer<typeof visitPurpose>;
/** How the resident agreed: phoned (the number called is kept masked), in person at the counter, an appointment; none for a common area. */
export const visitConsent = z.enum(['phone', 'owner_present', 'appointment', 'none']);
export type VisitConsent = z.infer<typeof visitConsent>;
/** The identity document shown; 'none' = not shown (only the last four characters are kept by default). */
export const docType = z.enum(['id_card', 'passport', 'hk_macao', 'taiwan', 'driver', 'other', 'none']);
export type DocType = z.infer<typeof docType>;
export const visitStatus = z.enum(['on_site', 'checked_out', 'void']);
export const checkoutMethod = z.enum(['scan', 'search', 'bulk', 'void']);
export const appointmentStatus = z.enum(['planned', 'checked_in', 'checked_out', 'no_show', 'cancelled']);
export type AppointmentStatus = z.infer<typeof appointmentStatus>;

export const requestId = line().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const personName = line().trim().min(1, { message: '请填写姓名' }).max(40, { message: '姓名最多 40 个字' });
/** A phone as dialled: 7–15 digits, spaces, dashes and a leading + allowed. */
export const phoneInput = line()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,22}$/, { message: '电话号码格式不对：例如 13812345678 或 010-12345678' })
  .refine(
    (s) => {
      const n = s.replace(/\D/g, '').length;
      return n >= 7 && n <= 15;
    },
    { message: '电话号码应为 7–15 位数字' },
  );
export const phoneLast4 = line().regex(/^\d{4}$/, { message: '手机尾号应为 4 位数字' });
export const docLast4 = line()
  .trim()
  .regex(/^[0-9A-Za-z]{4}$/, { message: '证件号后四位应为 4 个数字或字母' });
/** The whole document number, only where the property's setting asks for it (then sealed at rest). */
export const docNumber = line()
  .trim()
  .regex(/^[0-9A-Za-z]{5,30}$/, { message: '证件号码应为 5–30 位数字或字母' });
/** A plate as typed (京A·12345, 京a12345): checked against the public formats, stored normalised. Empty = none. */
export const plateInput = line()
  .trim()
  .max(16)
  .superRefine((s, ctx) => {
    const p = s ? plateProblem(s) : null;
    if (p) ctx.addIssue({ code: 'custom', message: p });
  })
  .transform((s) => (s ? normalizePlate(s) : ''));
export const shortText = (max: number) => line().trim().max(max);
/** A room of the roster, or null for a common area (then a reason: 公共区域 with why). */
export const roomOrCommonArea = { roomId: id.nullable(), commonAreaReason: shortText(60).optional() };
/** Buildings a pass lets its holder into (by id); left out: the building of the room. */
export const zonesInput = z.array(id).max(50);

export const workerPassMode = z.enum(['printed', 'forms']);
export type WorkerPassMode = z.infer<typeof workerPassMode>;
