import { useEffect, useSyncExternalStore } from 'react';

/**
 * The barcode scanner is a keyboard: the app cannot ask it whether it is there, but it sees it work. Every
 * key is watched (nothing is held or changed): a burst of at least SCAN_MIN_LENGTH characters typed at
 * scanner speed and ended by Enter is a scan, and its time is kept (also across a reload, in this
 * browser's storage) for the status bar: 扫码枪：最近 14:32. Bursts on the cards screen are card reads
 * (a keyboard-mode card reader types the same way) and are not counted.
 */
export const SCAN_MIN_LENGTH = 6;
const MAX_GAP_MS = 100;
const MAX_AVG_MS = 60;
const STORE_KEY = 'lobbydesk.lastScanAt';

/** Pure burst timing: feed each key with its event time; true when an Enter ends a scan. */
export class ScanBurst {
  private times: number[] = [];

  key(key: string, at: number): boolean {
    const last = this.times[this.times.length - 1];
    if (key === 'Enter') {
      const t = this.times;
      this.times = [];
      if (t.length < SCAN_MIN_LENGTH || last === undefined || at - last > 2 * MAX_GAP_MS) return false;
      return (last - (t[0] as number)) / (t.length - 1) <= MAX_AVG_MS;
    }
    if ([...key].length !== 1) {
      if (key !== 'Shift') this.times = [];
      return false;
    }
    if (last !== undefined && at - last > MAX_GAP_MS) this.times = [];
    this.times.push(at);
    return false;
  }
}

const listeners = new Set<() => void>();
let lastScanAt: string | null = readStored();

function readStored(): string | null {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

function record(at: Date): void {
  lastScanAt = at.toISOString();
  try {
    localStorage.setItem(STORE_KEY, lastScanAt);
  } catch {
    // private mode or full storage: the time is still shown until a reload
  }
  listeners.forEach((l) => l());
}

const inCardsScreen = (el: EventTarget | null) => el instanceof Element && el.closest('[data-area="cards"], .card-number-input') !== null;

/**
 * Watches the keyboard while mounted (the status bar mounts it once). Registered on window in the capture
 * phase when the shell opens, so it sees each key before a screen's own handlers hold or swallow it.
 */
export function useScanWatch(): void {
  useEffect(() => {
    const burst = new ScanBurst();
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
      if (burst.key(e.key, e.timeStamp || performance.now()) && !inCardsScreen(e.target)) record(new Date());
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

/** The time of the last scan seen (ISO), or null. */
export function useLastScan(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => lastScanAt,
  );
}
