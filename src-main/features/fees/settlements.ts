import type { PricedLine } from './pricing';

/**
 * What collecting, voiding and refunding must do to a room's receivables, as fees sees it. A line for a periodic
 * item in the room's billing plan is priced by the plan (each month at the rate in force then, oldest unpaid month
 * first); posting it records which months it settled, and a void or refund line re-opens them.
 * Implemented by receivables; fees works unchanged without it (no plan: priced from the catalogue).
 */
export interface Settlements {
  /** null when the item is not in the room's plan */
  price(roomId: number, itemId: number, line: { months?: number | undefined; from?: string | undefined }): { line: PricedLine; settle: SettleUnits } | null;
  /** records the months `settle` covers against the posted line; inside the posting transaction */
  record(settle: SettleUnits, lineId: number, at: string): void;
  /** re-opens what the original line settled, against the reversing line; inside the posting transaction */
  reopen(originalLineId: number, reversalLineId: number, at: string): void;
}

export interface SettleUnit {
  kind: 'month' | 'opening';
  month: string;
  baseFen: number;
  amountFen: number;
}

export interface SettleUnits {
  roomId: number;
  itemId: number;
  units: SettleUnit[];
}
