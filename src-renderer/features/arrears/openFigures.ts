/**
 * 统计报表 links to the collection figures: the tab 欠费催缴 opens on next (taken once). Kept in a module of its own
 * so the service screen does not load the arrears screens to set it.
 */
let pending: 'figures' | null = null;

export function openFiguresNext(): void {
  pending = 'figures';
}

export function takePendingTab(): 'figures' | null {
  const p = pending;
  pending = null;
  return p;
}
