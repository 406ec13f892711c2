import { z } from 'zod';
import { def, empty, id, isoDateTime, line } from './common';

export const keyKind = z.enum(['public', 'vacant', 'trust']);
export type KeyKind = z.infer<typeof keyKind>;
export const keyStatus = z.enum(['on_board', 'out', 'lost', 'retired']);
export const borrowerType = z.enum(['owner', 'contractor', 'staff', 'agent']);
export type BorrowerType = z.infer<typeof borrowerType>;
export const keyPurpose = z.enum(['renovation', 'viewing', 'repair', 'meter', 'cleaning', 'other']);
export type KeyPurpose = z.infer<typeof keyPurpose>;
export const keyCondition = z.enum(['ok', 'damaged', 'lost']);
export type KeyCondition = z.infer<typeof keyCondition>;

/** A loan as the screen shows it: the borrower's name and phone masked, the identity note masked. */
export const keyLoanView = z.object({
  id,
  keyId: id,
  keyTag: z.string(),
  keyKind,
  keyLabel: z.string(),
  roomCode: z.string().nullable(),
  borrowerType,
  borrowerMasked: z.string(),
  phoneMasked: z.string(),
  company: z.string(),
  purpose: keyPurpose,
  purposeNote: z.string(),
  idCheckedMasked: z.string(),
  lentAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  lentByName: z.string(),
  approverName: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnCondition: keyCondition.nullable(),
  returnNote: z.string().nullable(),
});
export type KeyLoanView = z.infer<typeof keyLoanView>;

export const keyView = z.object({
  id,
  tag: z.string(),
  kind: keyKind,
  label: z.string(),
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  hook: z.string(),
  status: keyStatus,
  note: z.string(),
  loan: keyLoanView.nullable(),
});
export type KeyView = z.infer<typeof keyView>;

export const keyCountView = z.object({
  total: z.number().int(),
  /** keys that should hang on the board now */
  expectedOnBoard: z.number().int(),
  out: z.number().int(),
  overdue: z.number().int(),
  lost: z.number().int(),
  outLoans: z.array(keyLoanView),
  lastCount: z
    .object({ at: z.string(), operatorName: z.string(), expectedOnBoard: z.number().int(), counted: z.number().int(), explanation: z.string() })
    .nullable(),
});
export type KeyCountView = z.infer<typeof keyCountView>;

const text = (max: number) => line().trim().max(max);

export const keysContract = {
  'keys.list': def({
    input: z.object({ q: text(40).optional(), status: keyStatus.optional(), kind: keyKind.optional() }),
    output: z.array(keyView),
    access: 'receptionist',
  }),
  /** Adds or edits a key of the register. The tag (K-0001) is given by the terminal when left out. */
  'keys.save': def({
    input: z.object({
      id: id.optional(),
      tag: line()
        .trim()
        .regex(/^[A-Za-z0-9-]{1,16}$/, { message: '钥匙编号只能是 1–16 位字母、数字或短横线，例如 K-0012（不要写房号）' })
        .optional(),
      kind: keyKind,
      label: line().trim().min(1, { message: '请填写钥匙名称，例如「2栋屋顶」或「空置房大门」' }).max(40),
      roomId: id.nullable(),
      hook: text(16).optional(),
      note: text(100).optional(),
      retired: z.boolean().optional(),
    }),
    output: keyView,
    access: 'supervisor',
  }),
  /**
   * Lends a key. Keys held in trust (托管) need a supervisor's approval ('key.lendTrust', subject = the tag),
   * from a different person than the operator lending (two-person rule).
   */
  'keys.lend': def({
    input: z.object({
      keyId: id,
      borrowerType,
      borrowerName: line().trim().min(1, { message: '请填写借用人姓名' }).max(40),
      borrowerPhone: text(20).optional(),
      company: text(40).optional(),
      purpose: keyPurpose,
      purposeNote: text(60).optional(),
      idChecked: line().trim().min(2, { message: '请填写核验了什么证件，例如「身份证 尾号1234」或「工牌」' }).max(60),
      dueAt: isoDateTime,
      approvalId: line().max(100).optional(),
    }),
    output: keyLoanView,
    access: 'receptionist',
  }),
  'keys.return': def({
    input: z.object({ loanId: id, condition: keyCondition, note: text(100).optional() }),
    output: keyLoanView,
    access: 'receptionist',
  }),
  'keys.loans': def({
    input: z.object({ keyId: id.optional(), open: z.boolean().optional(), limit: z.number().int().min(1).max(500).optional() }),
    output: z.array(keyLoanView),
    access: 'receptionist',
  }),
  /** Open loans past their due time, oldest first. */
  'keys.overdue': def({ input: empty, output: z.array(keyLoanView), access: 'receptionist' }),
  /** The key count at a shift change: expected on the board vs out. */
  'keys.count': def({ input: empty, output: keyCountView, access: 'receptionist' }),
  /** Records a count of the board; a difference needs an explanation (kept for the handover). */
  'keys.recordCount': def({
    input: z.object({ counted: z.number().int().min(0).max(100000), explanation: text(200).optional() }),
    output: keyCountView,
    access: 'receptionist',
  }),
} as const;
