import type { FeeItemView, PayMethod, ReceiptView } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export const CATEGORY_LABEL: Record<FeeItemView['category'], MsgKey> = {
  property: 'fee.cat.property',
  utility: 'fee.cat.utility',
  parking: 'fee.cat.parking',
  card: 'fee.cat.card',
  service: 'fee.cat.service',
  deposit: 'fee.cat.deposit',
  other: 'fee.cat.other',
};

export const RULE_LABEL: Record<FeeItemView['rule'], MsgKey> = {
  fixed: 'fee.rule.fixed',
  per_area_month: 'fee.rule.perAreaMonth',
  per_month: 'fee.rule.perMonth',
  metered: 'fee.rule.metered',
  amount: 'fee.rule.amount',
};

export const METHOD_LABEL: Record<PayMethod, MsgKey> = {
  cash: 'pay.cash',
  wechat: 'pay.wechat',
  alipay: 'pay.alipay',
  card: 'pay.card',
};

export const KIND_LABEL: Record<ReceiptView['kind'], MsgKey> = {
  receipt: 'receipt.kind.receipt',
  void: 'receipt.kind.void',
  refund: 'receipt.kind.refund',
};

export type PrintState = ReceiptView['printState'];

export const PRINT_LABEL: Record<PrintState, MsgKey> = {
  'not-configured': 'print.state.notConfigured',
  pending: 'print.state.pending',
  printing: 'print.state.printing',
  done: 'print.state.done',
  failed: 'print.state.failed',
  interrupted: 'print.state.interrupted',
  cancelled: 'print.state.cancelled',
};

/** The tag colour of a print state: done is fine, waiting is a warning, failed/interrupted need action. */
export const PRINT_TAG: Record<PrintState, string> = {
  'not-configured': 'tag-muted',
  pending: 'tag-warn',
  printing: 'tag-warn',
  done: 'tag-ok',
  failed: 'tag-bad',
  interrupted: 'tag-bad',
  cancelled: 'tag-muted',
};
