import type { Input, PayMethod } from '@shared/contract';
import { receivedProblem } from '@shared/money';
import { moneyText, parseAmount, type Problem } from '../../lib/money';

export type PaymentInput = Input<'fees.collect'>['payments'][number];
export type OtherMethod = Exclude<PayMethod, 'cash'>;
/** One method for the whole amount, or split: part in cash and the rest by one other method. */
export type PayMode = PayMethod | 'split';
export type PayField = 'received' | 'cashPart' | 'reference';

export interface PaymentDraft {
  mode: PayMode;
  /** the method beside cash when split */
  other: OtherMethod;
  /** 实收: the cash the payer handed over */
  received: string;
  /** split: how much of the total is paid in cash */
  cashPart: string;
  /** WeChat/Alipay: the scanned payment code or transaction number; card: the voucher number */
  reference: string;
}

export const emptyPayment = (): PaymentDraft => ({ mode: 'cash', other: 'wechat', received: '', cashPart: '', reference: '' });

export interface PaymentCheck {
  /** ready to post, or null */
  payments: PaymentInput[] | null;
  problems: Partial<Record<PayField, Problem>>;
  /** the part of the total paid in cash (null: no cash in this payment, or not known yet) */
  cashDueFen: number | null;
  receivedFen: number | null;
  changeFen: number | null;
  /** the part paid by the other method */
  otherFen: number | null;
  otherMethod: OtherMethod | null;
}

/** Which method the reference belongs to (null: cash only). */
export function referenceMethod(d: PaymentDraft): OtherMethod | null {
  if (d.mode === 'cash') return null;
  return d.mode === 'split' ? d.other : d.mode;
}

function checkReference(ref: string): Problem | null {
  const s = ref.trim();
  if (s === '') return { key: 'pay.referenceEmpty' };
  if (s.length < 4) return { key: 'pay.referenceShort' };
  return null;
}

/**
 * The payments for `totalFen` as fees.collect takes them, with the change to give and the problem of each
 * field. Cash: 实收 at least the cash due, the change under ￥100 (as main checks it). Split: a cash part below the total, the rest by the other method.
 */
export function checkPayment(d: PaymentDraft, totalFen: number | null): PaymentCheck {
  const out: PaymentCheck = {
    payments: null,
    problems: {},
    cashDueFen: null,
    receivedFen: null,
    changeFen: null,
    otherFen: null,
    otherMethod: referenceMethod(d),
  };
  const refMethod = referenceMethod(d);
  const refProblem = refMethod ? checkReference(d.reference) : null;
  if (refProblem) out.problems.reference = refProblem;
  if (totalFen === null) return out;

  let cashDue = 0;
  if (d.mode === 'cash') cashDue = totalFen;
  else if (d.mode === 'split') {
    const part = parseAmount(d.cashPart);
    if (!part.ok) out.problems.cashPart = part.problem;
    else if (part.value >= totalFen) out.problems.cashPart = { key: 'pay.cashPartTooBig' };
    else cashDue = part.value;
  }

  const payments: PaymentInput[] = [];
  if (cashDue > 0) {
    out.cashDueFen = cashDue;
    // in a split the cash part is usually handed over exactly: a blank 实收 means "exact"
    const received = d.mode === 'split' && d.received.trim() === '' ? { ok: true as const, value: cashDue } : parseAmount(d.received);
    if (!received.ok) out.problems.received = received.problem;
    else if (received.value < cashDue) {
      out.receivedFen = received.value;
      out.problems.received = { key: 'pay.receivedShort', params: { short: moneyText(cashDue - received.value) } };
    } else {
      out.receivedFen = received.value;
      out.changeFen = received.value - cashDue;
      // the same bound main applies when posting (change under ￥100): said here, before anything is sent
      if (receivedProblem(cashDue, received.value) !== null) out.problems.received = { key: 'pay.changeTooBig', params: { change: moneyText(out.changeFen) } };
      else payments.push({ method: 'cash', amountFen: cashDue, receivedFen: received.value });
    }
  }
  if (refMethod) {
    const otherFen = totalFen - cashDue;
    if (d.mode !== 'split' || out.problems.cashPart === undefined) out.otherFen = otherFen;
    if (!refProblem && otherFen > 0) payments.push({ method: refMethod, amountFen: otherFen, reference: d.reference.trim() });
  }
  const ready = Object.keys(out.problems).length === 0 && payments.length > 0;
  out.payments = ready ? payments : null;
  return out;
}
