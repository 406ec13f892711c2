import type { Migration } from './types';

/** Reserved: another change takes this number; until it is merged an empty placeholder holds it. */
export const m0013: Migration = {
  version: 13,
  name: 'reserved_13',
  up() {},
};
