import type { Migration } from './types';

/** Reserved: another change takes this number; until it is merged an empty placeholder holds it. */
export const m0014: Migration = {
  version: 14,
  name: 'reserved_14',
  up() {},
};
