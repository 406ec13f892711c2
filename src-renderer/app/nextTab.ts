import type { AreaId } from './areas';

/**
 * A link from one area to a tab of another (统计报表 → 收缴率, → 入住统计): the tab that area opens on the next time it
 * mounts, taken once. Kept apart from the areas' screens, so the linking screen does not load their chunks.
 */
const pending = new Map<AreaId, string>();

export function openTabNext(area: AreaId, tab: string): void {
  pending.set(area, tab);
}

/** The tab asked for this area, once (the area asks as it mounts). */
export function takeTabNext(area: AreaId): string | null {
  const tab = pending.get(area) ?? null;
  pending.delete(area);
  return tab;
}
