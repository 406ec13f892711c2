/** pino-roll ships no types: the part of its API the logger uses. */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  interface RollOptions {
    file: string | (() => string);
    size?: number | string;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    mkdir?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
    sync?: boolean;
  }

  export interface RolledFile extends DestinationStream {
    end(): void;
    once(event: 'close' | 'error', cb: () => void): void;
    on(event: 'error', cb: (e: Error) => void): void;
  }

  export default function build(opts: RollOptions): Promise<RolledFile>;
}
