import { PrinterError } from './port';

/**
 * A transport's jobs one after another (a status query never cuts into a print job); a failed job does not
 * stop the next. After close() nothing new is accepted, and close() waits for what is already queued.
 */
export class OneAtATime {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  run<T>(op: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new PrinterError('IO', 'port closed'));
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): Promise<void> {
    this.closed = true;
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }
}
