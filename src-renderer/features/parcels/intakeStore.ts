import { useSyncExternalStore } from 'react';
import type { ParcelView } from '@shared/contract';
import type { ScanSource } from '@shared/scan-wedge';

/** One scan waiting to be saved; its id is the intake's requestId, so a retried save never saves twice. */
export interface QueuedScan {
  id: string;
  code: string;
  source: ScanSource;
  at: number;
}

export type LogState = 'queued' | 'current' | 'saved' | 'duplicate' | 'error' | 'discarded';

export interface LogEntry {
  id: string;
  code: string;
  source: ScanSource;
  at: number;
  state: LogState;
  message: string | null;
  parcel: ParcelView | null;
}

const LOG_MAX = 30;

/**
 * The intake queue (FIFO) and the scan log, outside React so that nothing is lost when the screen changes
 * (leaving 快递 while scans are waiting keeps them; they are saved when the intake screen is back). A scan
 * is taken off the queue only after main has answered for it.
 */
class IntakeStore {
  private queue: QueuedScan[] = [];
  private log: LogEntry[] = [];
  /** the scan being completed on the intake form (one-by-one mode) */
  current: QueuedScan | null = null;
  lastSaved: ParcelView | null = null;
  private version = 0;
  private listeners = new Set<() => void>();

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getVersion = (): number => this.version;
  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  push(code: string, source: ScanSource): QueuedScan {
    const s: QueuedScan = { id: crypto.randomUUID(), code, source, at: Date.now() };
    this.queue.push(s);
    this.log = [{ ...s, state: 'queued' as const, message: null, parcel: null }, ...this.log].slice(0, LOG_MAX);
    this.changed();
    return s;
  }

  get size(): number {
    return this.queue.length;
  }
  /** The oldest `n` scans, left on the queue until `done`. */
  peek(n: number): QueuedScan[] {
    return this.queue.slice(0, n);
  }
  /** Removes answered scans from the queue. */
  done(ids: readonly string[]): void {
    const gone = new Set(ids);
    this.queue = this.queue.filter((s) => !gone.has(s.id));
    this.changed();
  }
  /** One-by-one mode: the next scan becomes the form's current one. */
  takeCurrent(): QueuedScan | null {
    if (this.current) return this.current;
    const next = this.queue.shift() ?? null;
    this.current = next;
    if (next) this.note(next.id, { state: 'current' });
    else this.changed();
    return next;
  }
  finishCurrent(): void {
    this.current = null;
    this.changed();
  }
  saved(p: ParcelView): void {
    this.lastSaved = p;
    this.changed();
  }

  note(id: string, patch: Partial<Pick<LogEntry, 'state' | 'message' | 'parcel'>>): void {
    this.log = this.log.map((e) => (e.id === id ? { ...e, ...patch } : e));
    this.changed();
  }
  entries(): readonly LogEntry[] {
    return this.log;
  }
}

export const intakeStore = new IntakeStore();

/** Re-renders on every change of the queue, the log or the current scan. */
export function useIntakeStore(): IntakeStore {
  useSyncExternalStore(intakeStore.subscribe, intakeStore.getVersion);
  return intakeStore;
}
