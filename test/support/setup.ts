import { afterAll, afterEach, beforeEach } from 'vitest';
import { closeCores, markTest } from './core';

// Close every AppCore a test opened (see test/support/core.ts).
beforeEach(() => markTest(true));
afterEach(async () => {
  markTest(false);
  await closeCores('test');
});
afterAll(() => closeCores('all'));
