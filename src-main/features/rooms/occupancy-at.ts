import type { Sql } from '../../db/sql';
import type { OccupancySection } from '@shared/contract/summary';
import * as occ from './occupancy.repo';

/**
 * 未交房 / 空置 / 自住 / 出租 / 装修中 of the whole property at an instant: the rooms' states now, each change made
 * since then taken back (state changes are append-only and timestamped), so a day built late counts the same.
 */
export function occupancyAt(sql: Sql, at: Date): OccupancySection {
  const c = { undelivered: 0, vacant: 0, owner_occupied: 0, rented: 0, renovating: 0, total: 0 };
  for (const row of occ.countsByBuilding(sql)) {
    c[row.state] += Number(row.n);
    c.total += Number(row.n);
  }
  for (const ch of occ.changesBetween(sql, at.toISOString(), '9999-12-31T00:00:00.000Z')) {
    const k = Number(ch.n);
    c[ch.to_state] -= k;
    if (ch.from_state) c[ch.from_state] += k;
    else c.total -= k;
  }
  return {
    available: true,
    counts: { undelivered: c.undelivered, vacant: c.vacant, ownerOccupied: c.owner_occupied, rented: c.rented, renovating: c.renovating, total: c.total },
  };
}
