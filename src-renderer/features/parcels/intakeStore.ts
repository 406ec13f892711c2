import { useSyncExternalStore } from 'react';
import type { Input, Output, ParcelView } from '@shared/contract';
import type { ScanSource } from '@shared/scan-wedge';
import type { MsgKey } from '../../app/i18n/dict';

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
  /** what main or the form said about it */
  message: string | null;
  /** or what the queue says about it, in the screen's language */
  note: MsgKey | null;
  parcel: ParcelView | null;
}

/** How the store saves a batch: parcels.intakeBatch through the data layer. */
export type SaveBatch = (input: Input<'parcels.intakeBatch'>) => Promise<Output<'parcels.intakeBatch'>>;

export interface Drain {
  save: SaveBatch;
  printSlip: boolean;
}

const LOG_MAX = 30;
const MODE_KEY = 'lobbydesk.parcels.batch';
/** Scans saved per call in batch mode (main saves each in its own savepoint). */
export const BATCH_MAX = 50;
/** A batch main could not take (the connection, a restart) is sent again this much later. */
export const RETRY_MS = 2000;
/** The longest code main takes as a waybill: a longer "scan" is reported, never sent. */
const CODE_MAX = 64;

const storage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

/**
 * The intake queue (FIFO), the scan log and the draining of the queue, outside React so that nothing is lost
 * when the screen changes (leaving 快递 while scans are waiting keeps them; they are saved when the intake
 * screen is back). A scan is taken off the queue only after main has answered for it.
 *
 * While the intake screen is on screen it attaches (`attach`), and the store drains its own queue: one by
 * one, the next scan becomes the form's as soon as the form is free; in 连续扫描 (batch) the queue is saved
 * oldest first, BATCH_MAX at a time, each round starting when the last one is answered, and a round main
 * could not take is kept and sent again after RETRY_MS. The screen only subscribes.
 */
export class IntakeStore {
  private queue: QueuedScan[] = [];
  private log: LogEntry[] = [];
  /** the scan being completed on the intake form (one-by-one mode) */
  current: QueuedScan | null = null;
  lastSaved: ParcelView | null = null;
  /** 连续扫描: scans are saved straight away without details */
  batch = storage()?.getItem(MODE_KEY) === '1';
  /** scans in the batch being saved */
  inFlight = 0;
  /** why the last batch could not be saved (it is being tried again), or null */
  saveError: unknown = null;
  /** counts the parcels saved or changed from the intake screen: the day's list is out of date */
  changes = 0;
  private version = 0;
  private listeners = new Set<() => void>();
  private drain: Drain | null = null;
  private busy = false;
  private retry: ReturnType<typeof setTimeout> | null = null;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getVersion = (): number => this.version;
  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  /** The intake screen is on screen (and the shell active): drain the queue with `d` until the returned stop. */
  attach(d: Drain): () => void {
    this.drain = d;
    this.pump();
    return () => {
      if (this.drain !== d) return;
      this.drain = null;
      if (this.retry !== null) clearTimeout(this.retry);
      this.retry = null;
    };
  }

  setBatch(on: boolean): void {
    if (on === this.batch) return;
    this.batch = on;
    storage()?.setItem(MODE_KEY, on ? '1' : '0');
    this.changed();
    this.pump();
  }

  push(code: string, source: ScanSource): QueuedScan {
    const s: QueuedScan = { id: crypto.randomUUID(), code, source, at: Date.now() };
    this.queue.push(s);
    this.log = [{ ...s, state: 'queued' as const, message: null, note: null, parcel: null }, ...this.log].slice(0, LOG_MAX);
    this.changed();
    this.pump();
    return s;
  }

  get size(): number {
    return this.queue.length;
  }

  /** The form is done with its scan (saved, a duplicate, discarded): the next one may come. */
  finishCurrent(): void {
    this.current = null;
    this.changed();
    this.pump();
  }
  saved(p: ParcelView): void {
    this.lastSaved = p;
    this.changed();
  }
  /** A parcel was saved or changed here: the day's list is out of date. */
  listChanged(): void {
    this.changes++;
    this.changed();
  }

  note(id: string, patch: Partial<Pick<LogEntry, 'state' | 'message' | 'note' | 'parcel'>>): void {
    this.log = this.log.map((e) => (e.id === id ? { ...e, ...patch } : e));
    this.changed();
  }
  entries(): readonly LogEntry[] {
    return this.log;
  }

  /** What is next for the queue, if the screen is there to drain it. */
  private pump(): void {
    const d = this.drain;
    if (!d || this.queue.length === 0) return;
    if (!this.batch) {
      if (!this.current) this.takeCurrent();
    } else if (!this.busy) void this.saveRound(d);
  }

  /** One-by-one mode: the next scan becomes the form's current one. */
  private takeCurrent(): void {
    const next = this.queue.shift() ?? null;
    this.current = next;
    if (next) this.note(next.id, { state: 'current' });
    else this.changed();
  }

  /** Removes answered scans from the queue. */
  private done(ids: readonly string[]): void {
    const gone = new Set(ids);
    this.queue = this.queue.filter((s) => !gone.has(s.id));
    this.changed();
  }

  private async saveRound(d: Drain): Promise<void> {
    this.busy = true;
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
    const items = this.queue.slice(0, BATCH_MAX);
    // a "code" main would refuse as input cannot be saved: report it, never resend it
    for (const s of items.filter((x) => x.code.length > CODE_MAX)) this.note(s.id, { state: 'error', note: 'intake.tooLong' });
    const good = items.filter((s) => s.code.length <= CODE_MAX);
    this.inFlight = good.length;
    this.changed();
    let ok = false;
    try {
      const results = good.length ? await d.save({ items: good.map((s) => ({ waybill: s.code, requestId: s.id })), print: d.printSlip }) : [];
      let last: ParcelView | null = null;
      results.forEach((r, i) => {
        const s = good[i];
        if (!s) return;
        if (r.ok && r.parcel) {
          last = r.parcel;
          this.note(s.id, { state: 'saved', parcel: r.parcel, note: r.parcel.carrier === 'UNKNOWN' ? 'intake.carrierLater' : null });
        } else this.note(s.id, { state: r.error?.code === 'CONFLICT' ? 'duplicate' : 'error', message: r.error?.message ?? null });
      });
      this.done(items.map((s) => s.id));
      if (last) this.lastSaved = last;
      this.saveError = null;
      this.changes++;
      ok = true;
    } catch (e) {
      this.saveError = e;
      this.retry = setTimeout(() => {
        this.retry = null;
        this.pump();
      }, RETRY_MS);
    } finally {
      this.busy = false;
      this.inFlight = 0;
      this.changed();
    }
    // the next round, once this one is marked finished
    if (ok) this.pump();
  }
}

export const intakeStore = new IntakeStore();

/** Re-renders on every change of the queue, the log, the current scan or the drain. */
export function useIntakeStore(): IntakeStore {
  useSyncExternalStore(intakeStore.subscribe, intakeStore.getVersion);
  return intakeStore;
}
