import fs from 'node:fs';
import path from 'node:path';
import { maskText } from './mask';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/** A line logger that masks phone and ID numbers before anything is written. */
export function createLogger(opts: { file?: string; echo?: boolean } = {}): Logger {
  if (opts.file) fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  const write = (level: string, msg: string) => {
    const line = `${new Date().toISOString()} ${level} ${maskText(msg)}\n`;
    if (opts.file) {
      try {
        fs.appendFileSync(opts.file, line);
      } catch {
        /* logging must never take the counter down */
      }
    }
    if (opts.echo) process.stderr.write(line);
  };
  return { info: (m) => write('INFO', m), warn: (m) => write('WARN', m), error: (m) => write('ERROR', m) };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
