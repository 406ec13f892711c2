import { AppError } from '../../lib/errors';
import { formatFen, receivedProblem, sumFen } from '@shared/money';
import type { FeeItemView } from '@shared/contract/fees';
import type { ParsedInput } from '@shared/contract';
import type { PayMethod } from '../../db/schema';
import type * as repo from './fees.repo';
import type { PricedItem } from './pricing';

/** Fee item rows as priced and as shown, payment method names, and the check of a receipt's payments. */

type PaymentInput = ParsedInput<'fees.collect'>['payments'][number];

export type ItemRow = NonNullable<ReturnType<typeof repo.itemById>>;

export const toPriced = (r: ItemRow): PricedItem => ({
  id: r.id,
  name: r.name,
  category: r.category,
  rule: r.rule,
  unitPriceFen: r.unit_price_fen,
  unitLabel: r.unit_label,
  refundable: r.refundable === 1,
});

export const itemView = (r: ItemRow): FeeItemView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  category: r.category,
  rule: r.rule,
  unitPriceFen: r.unit_price_fen,
  unitLabel: r.unit_label,
  refundable: r.refundable === 1,
  active: r.active === 1,
  sort: r.sort,
});

export const METHOD_ZH: Record<PayMethod, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', card: '银行卡' };

/** Fees and receipts: the catalogue, pricing, posting (gapless numbers), voids and deposit refunds. */
/** The payments add up to the total; one cash payment at most, with its change; other methods carry a reference. */
export function checkPayments(totalFen: number, payments: PaymentInput[]): Array<PaymentInput & { changeFen: number | null }> {
  const paid = sumFen(payments.map((p) => p.amountFen));
  if (paid !== totalFen) throw new AppError('BAD_INPUT', `付款合计 ${formatFen(paid)} 元与应收 ${formatFen(totalFen)} 元不一致：请核对各付款方式的金额。`);
  if (payments.filter((p) => p.method === 'cash').length > 1) throw new AppError('BAD_INPUT', '现金只能有一笔：请合并现金金额。');
  return payments.map((p) => {
    if (p.method === 'cash') {
      const received = p.receivedFen ?? p.amountFen;
      const problem = receivedProblem(p.amountFen, received);
      if (problem) throw new AppError('BAD_INPUT', problem);
      return { ...p, receivedFen: received, changeFen: received - p.amountFen };
    }
    const ref = p.reference?.trim() ?? '';
    if (ref.length < 4) throw new AppError('BAD_INPUT', `${METHOD_ZH[p.method]}付款需要记录凭证号：请扫描付款码或输入交易单号（至少 4 位）。`);
    return { ...p, reference: ref, changeFen: null };
  });
}
