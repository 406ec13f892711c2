import { randomBytes } from 'node:crypto';

export interface Progress {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message: string;
}

/** Long work (import, demo data) runs in steps; the renderer polls its progress through a status channel. */
export class Job<T = unknown> {
  readonly id = randomBytes(12).toString('hex');
  progress: Progress = { state: 'running', done: 0, total: 0, message: '' };
  value: T | null = null;
  cancelled = false;

  step(done: number, total: number, message: string): void {
    this.progress = { state: 'running', done, total, message };
  }
  finish(value: T, message: string): void {
    this.value = value;
    this.progress = { state: 'done', done: this.progress.total, total: this.progress.total, message };
  }
  fail(message: string): void {
    this.progress = { ...this.progress, state: 'failed', message };
  }
}

/** Lets the event loop serve other requests (and the UI's progress polls) between chunks of work. */
export const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));
