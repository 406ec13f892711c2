import { describe, expect, it } from 'vitest';
import * as repo from '../../src-main/features/receivables/receivables.repo';
import { planStore } from '../support/plans';

/**
 * The hot queries of receivables (a room's dues at the counter, the arrears list, the collection figures) must not
 * scan five years of month charges or allocations. Plans of the repositories' own statements.
 */
describe('receivables query plans', () => {
  const { sql, planOf } = planStore();

  it.each([
    ['charges of a room and item (dues)', () => repo.chargesOf(sql, 7, 1), 'sqlite_autoindex_receivable_charges'],
    ['allocations of a receipt line (void)', () => repo.allocationsOfLine(sql, 3), 'receivable_allocations_line'],
    ['plan of a room and item', () => repo.planOf(sql, 7, 1), 'sqlite_autoindex_receivable_plans'],
    ['plans not written up to a month', () => repo.anyPlanBehind(sql, '2026-11'), 'receivable_plans_generated'],
    ['adjustments of a room and item', () => repo.adjustmentsOf(sql, 7, 1), 'receivable_adjustments_room'],
    ['vacancies of a room', () => repo.vacanciesOf(sql, 7), 'receivable_vacancies_room'],
  ])('%s', (_n, run, index) => {
    expect(planOf(run)).toContain(index);
  });

  it('the arrears list reads only unpaid charges (the partial index), the whole property or one building', () => {
    const plan = planOf(() => repo.arrearsByRoom(sql, { thisMonth: '2026-11', m3: '2026-09', m6: '2026-06', m12: '2025-12', buildingId: null }));
    expect(plan).toContain('receivable_charges_owed');
  });

  it('the collection figures read the totals kept per month, building and item; 清欠 only the allocations that may settle arrears', () => {
    const charged = planOf(() => repo.chargedByBuildingItem(sql, '2026-01', '2026-12'));
    expect(charged).toContain('receivable_month_totals');
    expect(charged).not.toContain('receivable_charges');
    expect(planOf(() => repo.arrearsCollected(sql, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '2026-01'))).toContain(
      'COVERING INDEX receivable_allocations_cleared',
    );
  });
});
