/**
 * The session this operator closed last on this screen, until it is handed over: leaving the cash area
 * and coming back still shows its slip and the hand-over form (cash.sessions.list is for supervisors).
 */
const key = (operatorId: number) => `lobbydesk.cash.lastClosed.${operatorId}`;

export function loadLastClosed(operatorId: number): number | null {
  try {
    const v = Number(sessionStorage.getItem(key(operatorId)));
    return Number.isSafeInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

export function saveLastClosed(operatorId: number, sessionId: number | null): void {
  try {
    if (sessionId === null) sessionStorage.removeItem(key(operatorId));
    else sessionStorage.setItem(key(operatorId), String(sessionId));
  } catch {
    // storage unavailable: the slip is shown until the screen is left
  }
}
