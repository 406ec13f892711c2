/** 统计报表's link to 入住统计: the rooms area opens on that tab the next time it mounts. */
let next = false;

export function openOccupancyNext(): void {
  next = true;
}

/** True once after `openOccupancyNext` (the area asks as it mounts). */
export function takeOccupancyNext(): boolean {
  const n = next;
  next = false;
  return n;
}
