/**
 * The receipt just linked to a replacement fee from 收费 (the fee was settled there, right after posting):
 * the cards screen shows it once when it opens again. Taking it clears it.
 */
let pending: string | null = null;

export const settledNote = {
  set(receiptNo: string): void {
    pending = receiptNo;
  },
  take(): string | null {
    const no = pending;
    pending = null;
    return no;
  },
};
