/** Sample documents shared by the device tests and the golden files. Changing one means regenerating goldens. */
import type { ReceiptDoc } from '../../src-main/devices/printer/receipt';

export const SAMPLE_RECEIPT: ReceiptDoc = {
  kind: 'receipt',
  propertyName: '星河湾物业服务中心',
  terminalId: 'T01',
  receiptNo: 'T01-00001234',
  issuedAt: '2026-11-23T06:05:31.000Z',
  operatorName: '李娜',
  roomCode: '3-2-501',
  payer: '张*伟',
  lines: [
    { name: '物业费', detail: '2026-01 至 2026-03', quantity: '3个月', amountFen: 9000 },
    { name: '门禁卡补办', quantity: '1张', amountFen: 2000 },
    { name: '复印', quantity: '5页', amountFen: 1050 },
  ],
  totalFen: 12050,
  payments: [{ method: 'cash', amountFen: 12050 }],
  receivedFen: 20000,
  changeFen: 7950,
  note: '下次请带上门禁卡旧卡',
};

export const SAMPLE_VOID: ReceiptDoc = {
  ...SAMPLE_RECEIPT,
  kind: 'void',
  receiptNo: 'T01-00001240',
  issuedAt: '2026-11-23T07:40:00.000Z',
  lines: SAMPLE_RECEIPT.lines.map((l) => ({ ...l, amountFen: -l.amountFen })),
  totalFen: -12050,
  payments: [{ method: 'cash', amountFen: -12050 }],
  receivedFen: undefined,
  changeFen: undefined,
  original: { receiptNo: 'T01-00001234', reason: '房号录错，应为 3-2-502', approverName: '王主管' },
  note: undefined,
};

/** Every payment method and a long item name that has to wrap. */
export const SAMPLE_MIXED: ReceiptDoc = {
  ...SAMPLE_RECEIPT,
  receiptNo: 'T02-00000007',
  terminalId: 'T02',
  lines: [
    { name: '装修押金（住宅二次装修，竣工验收合格后凭本收据退还）', amountFen: 300000 },
    { name: '车位管理费', detail: '2026-01 至 2026-12', quantity: '12个月', amountFen: 360000 },
  ],
  totalFen: 660000,
  payments: [
    { method: 'wechat', amountFen: 300000, reference: '4200****8812' },
    { method: 'alipay', amountFen: 200000, reference: '2026****0031' },
    { method: 'card', amountFen: 100000, reference: '6222****1234' },
    { method: 'cash', amountFen: 60000 },
  ],
  receivedFen: 60000,
  changeFen: 0,
};
