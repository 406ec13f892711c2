import { describe, expect, it } from 'vitest';
import { planStore } from '../support/plans';
import * as repo from '../../src-main/features/parcels/parcels.repo';

/**
 * The hot parcel queries must not scan years of parcels: each is captured as the repository runs it
 * (statements prepared through Sql), then explained.
 */
describe('parcel query plans', () => {
  const { sql, planOf, plansOf } = planStore();

  it.each([
    ['pickup lookup by code (in stock)', () => repo.inStockByCode(sql, '402718'), 'parcels_code_in_stock'],
    ['pickup lookup by waybill (in stock)', () => repo.inStockByWaybill(sql, 'SF1'), 'parcels_waybill_in_stock'],
    ['duplicate check at intake', () => repo.inStockWaybill(sql, 'SF1'), 'parcels_waybill_in_stock'],
    ['pickup lookup by room (in stock)', () => repo.inStockByRoom(sql, 7), 'parcels_room_status (room_id=? AND status=?)'],
    ["room's slot at intake", () => repo.roomSlot(sql, 7), 'parcels_room_status'],
    ['code cooldown at intake', () => repo.codeTaken(sql, '402718', '2026-01-01'), 'USING INDEX parcels_code (pickup_code=?)'],
    ['slot occupancy', () => repo.occupancy(sql), 'COVERING INDEX parcels_status_slot'],
    ['overdue list', () => repo.overdue(sql, '2026-11-20', 100), 'parcels_status_intake'],
    ['request id (retried scan)', () => repo.byRequest(sql, 'abc'), 'sqlite_autoindex_parcels'],
    ['search by waybill prefix', () => repo.search(sql, { kind: 'waybill', prefix: 'YT75' }, { limit: 50 }), 'parcels_waybill'],
    ['search by room', () => repo.search(sql, { kind: 'room', prefix: '3-2-' }, { limit: 50 }), 'parcels_room_code'],
    ['search by phone last four', () => repo.search(sql, { kind: 'phone', last4: '5678' }, { limit: 50 }), 'parcels_phone_last4'],
    ['search by name', () => repo.search(sql, { kind: 'name', prefix: '张' }, { limit: 50 }), 'parcels_recipient'],
    ['export of a date range', () => repo.forExport(sql, '2026-11-01', '2026-11-30', undefined, 10), 'parcels_intake_at'],
  ])('%s', (_n, run, index) => {
    expect(planOf(run)).toContain(index);
  });

  it('daily counts use indexes, never a full scan', () => {
    const plans = plansOf(() => repo.dayStats(sql, '2026-11-22T16:00:00Z', '2026-11-23T16:00:00Z', '2026-11-20'));
    expect(plans).toHaveLength(6);
    for (const p of plans) expect(p).toMatch(/USING (COVERING )?INDEX/);
    expect(plans.join('\n')).not.toMatch(/SCAN parcels(?! USING)/);
  });
});
