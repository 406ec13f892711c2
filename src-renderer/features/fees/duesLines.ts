import type { FeeItemView } from '@shared/contract';
import type { DuesView } from '@shared/contract/receivables';
import { newLine, type LineDraft } from './lines';

/**
 * The lines that settle a room's dues: per planned item, `months` months from its oldest unpaid one ('all': every
 * unit owed up to this month; a number larger than that pays ahead). Otherwise why not: nothing to
 * collect, or an item no longer in the catalogue's active list.
 */
export function duesLines(
  dues: DuesView,
  items: FeeItemView[],
  months: number | 'all',
): { lines: LineDraft[] } | { problem: 'nothing' | { inactive: string } } {
  const lines: LineDraft[] = [];
  for (const i of dues.items) {
    const n = months === 'all' ? i.owed.length : months;
    const first = i.owed[0] ?? i.ahead[0];
    if (n === 0 || !first) continue;
    const item = items.find((x) => x.id === i.itemId);
    if (!item) return { problem: { inactive: i.name } };
    lines.push({ ...newLine(item), months: String(n), from: first.month });
  }
  return lines.length ? { lines } : { problem: 'nothing' };
}
