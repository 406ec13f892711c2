import type { FeeItemView, Input } from '@shared/contract';
import { parseAmount, parseReading, parseWhole, thisMonth, type Problem } from '../../lib/money';

export type LineInput = Input<'fees.quote'>['lines'][number];
export type LineField = 'quantity' | 'months' | 'from' | 'meterFrom' | 'meterTo' | 'amount';

/** One fee line as typed on the collect screen: the item and the text of each of its inputs. */
export interface LineDraft {
  key: number;
  item: FeeItemView;
  quantity: string;
  months: string;
  from: string;
  meterFrom: string;
  meterTo: string;
  amount: string;
}

export type LineCheck = { ok: true; input: LineInput } | { ok: false; problems: Partial<Record<LineField, Problem>> };

let nextKey = 1;

export function newLine(item: FeeItemView, now = new Date()): LineDraft {
  return { key: nextKey++, item, quantity: '1', months: '1', from: thisMonth(now), meterFrom: '', meterTo: '', amount: '' };
}

/** The inputs a rule asks for, in the order they are filled in. */
export function fieldsOf(rule: FeeItemView['rule']): LineField[] {
  switch (rule) {
    case 'fixed':
      return ['quantity'];
    case 'per_month':
    case 'per_area_month':
      return ['months', 'from'];
    case 'metered':
      return ['meterFrom', 'meterTo'];
    case 'amount':
      return ['amount'];
  }
}

/** The line as fees.quote takes it, or the problem with each field (shown under that field). */
export function checkLine(l: LineDraft): LineCheck {
  const problems: Partial<Record<LineField, Problem>> = {};
  const input: LineInput = { itemId: l.item.id };
  switch (l.item.rule) {
    case 'fixed': {
      const q = parseWhole(l.quantity, { min: 1, max: 999, blank: 1 });
      if (q.ok) input.quantity = q.value;
      else problems.quantity = q.problem;
      break;
    }
    case 'per_month':
    case 'per_area_month': {
      const m = parseWhole(l.months, { min: 1, max: 120 });
      if (m.ok) input.months = m.value;
      else problems.months = m.problem;
      if (/^\d{4}-(0[1-9]|1[0-2])$/.test(l.from)) input.from = l.from;
      else problems.from = { key: 'line.monthFormat' };
      break;
    }
    case 'metered': {
      const a = parseReading(l.meterFrom);
      const b = parseReading(l.meterTo);
      if (a.ok) input.meterFrom = a.value;
      else problems.meterFrom = a.problem;
      if (b.ok) input.meterTo = b.value;
      else problems.meterTo = b.problem;
      if (a.ok && b.ok && b.value <= a.value) problems.meterTo = { key: 'line.meterBackwards' };
      break;
    }
    case 'amount': {
      const f = parseAmount(l.amount);
      if (f.ok) input.amountFen = f.value;
      else problems.amount = f.problem;
      break;
    }
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, input };
}
