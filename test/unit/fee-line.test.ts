import { describe, expect, it } from 'vitest';
import { feeLineDetail, feeLineQuantity, localizeFeeLine, parseFeeLine, type FeeLineFacts } from '@shared/fee-line';
import { priceLine, type PricedItem } from '../../src-main/features/fees/pricing';

const item = (rule: PricedItem['rule'], unitPriceFen: number, unitLabel = ''): PricedItem => ({
  id: 1,
  name: '物业费',
  category: 'property',
  rule,
  unitPriceFen,
  unitLabel,
  refundable: false,
});

describe('fee line words', () => {
  it('the core stores the Chinese words it always stored', () => {
    expect(priceLine(item('per_area_month', 250), { itemId: 1, months: 3, from: '2026-12' }, 10230, '2026-12')).toMatchObject({
      detail: '2026-12 至 2027-02，102.3㎡ × ￥2.50/㎡·月',
      quantity: '3个月',
    });
    expect(priceLine(item('per_month', 15000), { itemId: 1, months: 1, from: '2026-12' }, null, '2026-12')).toMatchObject({
      detail: '2026-12，￥150.00/月',
      quantity: '1个月',
    });
    expect(priceLine(item('per_month', 15000), { itemId: 1, months: 2 }, null, '2026-12')).toMatchObject({ detail: '2 个月，￥150.00/月', quantity: '2个月' });
    expect(priceLine(item('fixed', 2000, '张'), { itemId: 1, quantity: 2 }, null, '2026-12')).toMatchObject({ detail: '2 张 × ￥20.00', quantity: '2张' });
    expect(priceLine(item('fixed', 2000, '张'), { itemId: 1, quantity: 1 }, null, '2026-12')).toMatchObject({ detail: '', quantity: '1张' });
    expect(priceLine(item('metered', 60, '度'), { itemId: 1, meterFrom: 10000, meterTo: 15050 }, null, '2026-12')).toMatchObject({
      detail: '读数 100 → 150.5，用量 50.5度 × ￥0.60',
      quantity: '50.5度',
    });
  });

  const cases: [FeeLineFacts, string, string][] = [
    [
      { rule: 'per_area_month', period: { months: 3, from: '2026-12', to: '2027-02' }, area: '109.83', unitPriceFen: 250 },
      'Dec 2026 – Feb 2027, 109.83 m² × ¥2.50/m²·month',
      '3 months',
    ],
    [{ rule: 'per_area_month', period: { months: 1, from: '2027-01' }, area: '80', unitPriceFen: 180 }, 'Jan 2027, 80 m² × ¥1.80/m²·month', '1 month'],
    [{ rule: 'per_month', period: { months: 6 }, unitPriceFen: 15000 }, '6 months, ¥150.00/month', '6 months'],
    [{ rule: 'fixed', quantity: 3, unit: '张', unitPriceFen: 2000 }, '3 cards × ¥20.00', '3 cards'],
    [{ rule: 'fixed', quantity: 2, unit: '车位', unitPriceFen: 30000 }, '2 车位 × ¥300.00', '2 车位'],
    [{ rule: 'metered', from: '100', to: '150.5', used: '50.5', unit: '度', unitPriceFen: 60 }, 'reading 100 → 150.5, used 50.5 kWh × ¥0.60', '50.5 kWh'],
    [
      { rule: 'plan', opening: false, period: { months: 14, from: '2025-10', to: '2026-11' }, amountFen: 313250 },
      'Oct 2025 – Nov 2026, 14 months, ¥3132.50',
      '14 months',
    ],
    // an exempt month skipped: 3 months settled across a 4-month span
    [
      { rule: 'plan', opening: false, period: { months: 3, from: '2026-08', to: '2026-11' }, amountFen: 67125 },
      'Aug 2026 – Nov 2026, 3 months, ¥671.25',
      '3 months',
    ],
    [{ rule: 'plan', opening: false, period: { months: 1, from: '2026-11' }, amountFen: 22375 }, 'Nov 2026, 1 month, ¥223.75', '1 month'],
    [
      { rule: 'plan', opening: true, period: { months: 2, from: '2026-10', to: '2026-11' }, amountFen: 56800 },
      'opening arrears and Oct 2026 – Nov 2026, 2 months, ¥568.00',
      '2 months',
    ],
    [{ rule: 'plan', opening: true, period: null, amountFen: 12050 }, 'opening arrears, ¥120.50', '0 months'],
  ];
  it.each(cases)('reads back what it wrote in Chinese, and says it in English: %j', (facts, en, enQty) => {
    const zh = { detail: feeLineDetail(facts, 'zh-CN'), quantity: feeLineQuantity(facts, 'zh-CN') };
    expect(parseFeeLine(zh.detail, zh.quantity)).toEqual(facts);
    expect(localizeFeeLine(zh.detail, zh.quantity, 'en')).toEqual({ detail: en, quantity: enQty });
    expect(localizeFeeLine(zh.detail, zh.quantity, 'zh-CN')).toEqual(zh);
    expect(en).not.toMatch(/[\u3000-\u303f\uff00-\uffef]|个月|读数|用量|至/);
  });

  it('one of a fixed item and an amount line read in English; text it did not write is shown as stored', () => {
    expect(localizeFeeLine('', '1张', 'en')).toEqual({ detail: '', quantity: '1 card' });
    expect(localizeFeeLine('', '', 'en')).toEqual({ detail: '', quantity: '' });
    expect(localizeFeeLine('手工补录', '1笔', 'en')).toEqual({ detail: '手工补录', quantity: '1笔' });
  });
});
