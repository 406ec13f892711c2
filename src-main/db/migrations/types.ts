import type { Db } from '../open';

/** A migration is frozen once shipped: never edit one, add the next number instead. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
