import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

/** The test fixture closes every core a test opened, so no store or timer leaks into the next test. */
describe('the core fixture', () => {
  let first: TestCore | null = null;

  it('opens a core', async () => {
    first = await openTestCore();
    expect(first.core.services).not.toBeNull();
  });

  it('has closed it after that test', () => {
    expect(first?.core.services).toBeNull();
  });
});
