import path from 'node:path';
import pino from 'pino';
import roll, { type RolledFile } from 'pino-roll';
import { maskText } from '@shared/mask';

/** Context fields of a log line (ids, counts, codes). Strings are masked like the message. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A rolled file: a new one each day or at 5 MB, the newest 14 kept besides the one in use (about 75 MB at most). */
export const LOG_ROLL = { size: '5m', frequency: 'daily', keep: 14 } as const;

const masked = (fields: LogFields | undefined): LogFields | undefined => {
  if (!fields) return undefined;
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' ? maskText(v) : v;
  return out;
};

/**
 * The app's structured log: one JSON object a line (time, level, msg, fields) through pino, into daily/size-rolled
 * files under the data folder's `logs/` (a counter PC runs for years: the folder never grows past the newest files).
 * Phone and ID numbers are masked before anything is written. Logging never takes the counter down: a file that
 * cannot be opened leaves the log on stderr (when echo is on) or silent.
 */
export function createLogger(opts: { file?: string; echo?: boolean; roll?: { size: string; keep: number } } = {}): Logger & { close(): Promise<void> } {
  const streams: pino.StreamEntry[] = [];
  let pending: string[] | null = [];
  let file: RolledFile | null = null;
  if (opts.file) {
    // the rolled file opens asynchronously: lines written before it is ready wait in memory and go first
    const write = (line: string) => {
      try {
        if (file) file.write(line);
        else pending?.push(line);
      } catch {
        /* a broken file never stops the counter */
      }
    };
    streams.push({ level: 'info', stream: { write } });
    const { dir, name, ext } = path.parse(opts.file);
    roll({
      file: path.join(dir, name),
      extension: ext || '.log',
      mkdir: true,
      size: opts.roll?.size ?? LOG_ROLL.size,
      frequency: LOG_ROLL.frequency,
      dateFormat: 'yyyy-MM-dd',
      limit: { count: opts.roll?.keep ?? LOG_ROLL.keep, removeOtherLogFiles: true },
    })
      .then((s) => {
        // a folder that cannot be created or a failed roll: the log goes quiet, the counter goes on
        s.on('error', () => {
          if (file === s) file = null;
        });
        file = s;
        for (const line of pending ?? []) s.write(line);
        pending = null;
      })
      .catch(() => {
        pending = null;
      });
  }
  if (opts.echo) streams.push({ level: 'info', stream: process.stderr });
  const p = streams.length ? pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, pino.multistream(streams)) : null;
  const at = (level: 'info' | 'warn' | 'error') => (msg: string, fields?: LogFields) => {
    if (!p) return;
    try {
      p[level](masked(fields) ?? {}, maskText(msg));
    } catch {
      /* logging must never take the counter down */
    }
  };
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    async close() {
      for (let i = 0; i < 50 && pending; i++) await new Promise((r) => setTimeout(r, 10));
      const f = file;
      file = null;
      if (!f) return;
      await new Promise<void>((resolve) => {
        f.once('close', () => resolve());
        f.end();
        setTimeout(resolve, 1000);
      });
    },
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
