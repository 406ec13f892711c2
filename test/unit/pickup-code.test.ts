import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePickupCode, CodeSpaceFull, normalizePickupCode, spokenCode } from '../../src-main/features/parcels/pickup-code';
import { parseSlot, slotLabel, suggestSlot, type ShelfDef } from '../../src-main/features/parcels/shelves';

/** A deterministic "random" from a fast-check seed, so a failing case replays. */
const seeded = (seed: number) => {
  let x = seed >>> 0 || 1;
  return (max: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % max;
  };
};

describe('pickup codes', () => {
  it('are 6 digits and say aloud in two groups', () => {
    const c = allocatePickupCode(() => false);
    expect(c).toMatch(/^\d{6}$/);
    expect(spokenCode('402718')).toBe('402 718');
    expect(normalizePickupCode(' ４０２ ７１８ ')).toBe('402718');
    expect(normalizePickupCode('402-718')).toBe('402718');
    expect(normalizePickupCode('40271')).toBeNull();
  });

  it('stay unique among parcels in stock under churn (intake and pickup interleaved), even in a crowded space', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.array(fc.oneof(fc.constant('in' as const), fc.nat({ max: 1000 })), { minLength: 1, maxLength: 600 }),
        fc.constantFrom(2, 3, 6),
        (seed, ops, length) => {
          const random = seeded(seed);
          const inStock: string[] = [];
          const set = new Set<string>();
          for (const op of ops) {
            if (op === 'in') {
              if (set.size >= 10 ** length) {
                expect(() => allocatePickupCode((c) => set.has(c), random, length)).toThrow(CodeSpaceFull);
                continue;
              }
              const c = allocatePickupCode((c) => set.has(c), random, length);
              expect(c).toHaveLength(length);
              expect(set.has(c)).toBe(false);
              set.add(c);
              inStock.push(c);
            } else if (inStock.length > 0) {
              const [gone] = inStock.splice(op % inStock.length, 1);
              set.delete(gone as string);
            }
          }
          expect(new Set(inStock).size).toBe(inStock.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds the last free code of a full space (sweep after the random tries)', () => {
    const taken = new Set(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')));
    taken.delete('57');
    expect(
      allocatePickupCode(
        (c) => taken.has(c),
        () => 3,
        2,
      ),
    ).toBe('57');
    taken.add('57');
    expect(() =>
      allocatePickupCode(
        (c) => taken.has(c),
        () => 3,
        2,
      ),
    ).toThrow(CodeSpaceFull);
  });
});

describe('shelf slots', () => {
  const shelves: ShelfDef[] = [
    { id: 2, code: 'B', slots: 3, active: true, sort: 2 },
    { id: 1, code: 'A', slots: 2, active: true, sort: 1 },
    { id: 3, code: 'C', slots: 5, active: false, sort: 0 },
  ];
  const occ = (entries: Array<[string, number]>) => new Map(entries);

  it.each([
    ['empty shelves: first slot of the first shelf in order', [], null, { shelfId: 1, slot: 1 }],
    ['skips occupied slots', [['1:1', 1]], null, { shelfId: 1, slot: 2 }],
    [
      'moves to the next shelf',
      [
        ['1:1', 1],
        ['1:2', 2],
      ],
      null,
      { shelfId: 2, slot: 1 },
    ],
    [
      'never a disabled shelf',
      [
        ['1:1', 1],
        ['1:2', 1],
        ['2:1', 1],
        ['2:2', 1],
        ['2:3', 1],
      ],
      null,
      { shelfId: 1, slot: 1 },
    ],
    [
      'all full: the least loaded slot',
      [
        ['1:1', 3],
        ['1:2', 2],
        ['2:1', 2],
        ['2:2', 1],
        ['2:3', 2],
      ],
      null,
      { shelfId: 2, slot: 2 },
    ],
    ['same room: its slot, even if occupied', [['2:3', 4]], { shelfId: 2, slot: 3 }, { shelfId: 2, slot: 3 }],
    ['same room on a disabled shelf: a fresh slot', [], { shelfId: 3, slot: 1 }, { shelfId: 1, slot: 1 }],
  ] as const)('%s', (_n, o, same, want) => {
    expect(suggestSlot(shelves, occ(o as unknown as Array<[string, number]>), same)).toEqual(want);
  });

  it('no shelves: no suggestion', () => {
    expect(suggestSlot([], new Map())).toBeNull();
    expect(suggestSlot([{ id: 1, code: 'A', slots: 3, active: false, sort: 0 }], new Map())).toBeNull();
  });

  it('labels and parses slots', () => {
    expect(slotLabel('A', 7)).toBe('A-07');
    expect(slotLabel('B', 7, 120)).toBe('B-007');
    expect(parseSlot('a-7')).toEqual({ code: 'A', slot: 7 });
    expect(parseSlot('Ａ０７')).toEqual({ code: 'A', slot: 7 });
    expect(parseSlot('AB 12')).toEqual({ code: 'AB', slot: 12 });
    expect(parseSlot('A-0')).toBeNull();
    expect(parseSlot('7')).toBeNull();
  });
});
