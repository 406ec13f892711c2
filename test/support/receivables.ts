import * as roster from '../../src-main/features/roster/roster.repo';
import type { ReceiptView } from '@shared/contract';
import { FLOAT_500, openFeesCore, type FeesFixture } from './fees';

/**
 * A counter for receivables (the clock at 2026-11-23, 10:00 in Shanghai): the fees fixture's room 3-2-501 (89.50 m²)
 * and a second room 5-1-101 (100.00 m²) in another building; 物业费 (￥2.50/m²·月: ￥223.75 and ￥250.00 a month) and
 * 停车费 (￥300.00 a month) billed monthly since 2024-01; the admin's drawer open.
 */
export interface ReceivablesFixture extends FeesFixture {
  roomB: number;
  /** posts a receipt for a room (cash, exact) and returns it */
  collect(roomId: number, lines: Array<{ itemId: number; months: number; from?: string }>, requestId?: string): Promise<ReceiptView>;
  /** a supervisor's (zhao's) approval for the admin signed in on test:1 */
  approve(action: 'receipt.void' | 'deposit.refund' | 'receivable.adjust' | 'receivable.lateWaive', subject: string): Promise<string>;
}

let seq = 0;

export async function openReceivablesCore(): Promise<ReceivablesFixture> {
  const t = await openFeesCore({ printer: false });
  const sql = t.core.need().sql;
  const roomB = sql.tx(() => {
    const b = roster.insertBuilding(sql, { code: '5', name: '5栋', at: 'now' });
    const u = roster.insertUnit(sql, b, '1');
    return roster.insertRoom(sql, { unitId: u, number: '101', code: '5-1-101', areaCm2: 10000, at: 'now' });
  });
  await t.call('receivables.items.save', { itemId: t.items.property, sinceMonth: '2024-01', vacancyApplies: true });
  await t.call('receivables.items.save', { itemId: t.items.parking, sinceMonth: '2024-01', vacancyApplies: false });
  await t.call('cash.open', { count: FLOAT_500 });
  return {
    ...t,
    roomB,
    async collect(roomId, lines, requestId = `recv-${Date.now()}-${++seq}`) {
      const q = await t.call('fees.quote', { roomId, lines });
      return t.call('fees.collect', { requestId, roomId, lines, payments: [{ method: 'card', amountFen: q.totalFen, reference: 'POS-0001' }] });
    },
    async approve(action, subject) {
      return (await t.call('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action, subject, reason: '经理同意，已核实' })).approvalId;
    },
  };
}
