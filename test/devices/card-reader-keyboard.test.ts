import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReports, keyChar, KeyboardReportDecoder } from '../../src-main/devices/card-reader/keyboard';
import { formatRecording, parseRecording, RecordingFormatError, type RecordedEvent } from '../../src-main/devices/card-reader/recording';

const FIXTURES = join(import.meta.dirname, '../fixtures/hid');
const rep = (mod: number, ...keys: number[]): Uint8Array => Uint8Array.from([mod, 0, ...keys, 0, 0, 0, 0, 0, 0].slice(0, 8));
const UP = rep(0);

/** Reports with their absolute times, as a reader would deliver them. */
function timed(events: readonly RecordedEvent[]): { bytes: Uint8Array; at: number }[] {
  let t = 0;
  return events.flatMap((e) => {
    t += e.dtMs;
    return e.kind === 'report' ? [{ bytes: e.bytes, at: t }] : [];
  });
}

function load(name: string): { events: RecordedEvent[]; expected: string[] | undefined } {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const m = /^# cards?: (.+)$/m.exec(text);
  return { events: parseRecording(text), expected: m ? m[1]!.split(/,\s+/) : undefined };
}

describe('recorded HID report sequences → card numbers', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.hidrec'));

  it('has the recordings the issue asks for', () => {
    for (const f of [
      'dec10-0040856634',
      'rollover-0040856634',
      'keypad-dec8-07302202',
      'hex10-shift-01026F6C3A',
      'two-cards-empty-enter',
      'unplug-mid-read',
      'garbage-then-card',
    ]) {
      expect(files).toContain(`${f}.hidrec`);
    }
  });

  it.each(files.filter((f) => load(f).expected))('%s', (file) => {
    const { events, expected } = load(file);
    expect(decodeReports(timed(events))).toEqual(expected);
  });

  it('digits row with a key-up frame after each key', () => {
    expect(decodeReports(timed(load('dec10-0040856634.hidrec').events))).toEqual(['0040856634']);
  });

  it('a held key repeated in the next report types once; overlapping keys and two new keys in one report type in slot order', () => {
    expect(decodeReports(timed(load('rollover-0040856634.hidrec').events))).toEqual(['0040856634']);
  });

  it('keypad digits and keypad Enter', () => {
    expect(decodeReports(timed(load('keypad-dec8-07302202.hidrec').events))).toEqual(['07302202']);
  });

  it('hex letters with shift come out upper case; without shift lower case', () => {
    expect(decodeReports(timed(load('hex10-shift-01026F6C3A.hidrec').events))).toEqual(['01026F6C3A']);
    expect(decodeReports([rep(0, 0x04), UP, rep(0, 0x09), UP, rep(0x20, 0x07), UP, rep(0, 0x28), UP].map((bytes) => ({ bytes })))).toEqual(['afD']);
  });

  it('an Enter with nothing before it is not a card', () => {
    expect(decodeReports(timed(load('two-cards-empty-enter.hidrec').events))).toEqual(['0040856634', '0012345678']);
  });

  it('ignores wrong-length reports, rollover-error frames and keys a reader never sends, and still reads the next card', () => {
    const { events } = load('garbage-then-card.hidrec');
    const d = new KeyboardReportDecoder();
    const cards = timed(events).flatMap((r) => d.push(r.bytes, r.at).cards);
    expect(cards).toEqual(['0040856634']);
    expect(d.ignoredReports).toBe(4);
  });

  it('the partial number of an interrupted read is not glued to the next card', () => {
    const d = new KeyboardReportDecoder();
    for (const r of timed(load('unplug-mid-read.hidrec').events)) expect(d.push(r.bytes, r.at).cards).toEqual([]);
    expect(d.partial).toBe('004');
    expect(d.reset()).toBe('004');
    expect(decodeReports(timed(load('dec10-0040856634.hidrec').events))).toEqual(['0040856634']);
  });
});

describe('keyboard report decoder', () => {
  const type = (d: KeyboardReportDecoder, keys: number[], t0 = 0, step = 8): string[] =>
    keys.flatMap((k, i) => [...d.push(rep(0, k), t0 + i * step).cards, ...d.push(UP, t0 + i * step + 4).cards]);

  it('maps the digit row 0x1E–0x27 and the keypad 0x59–0x62', () => {
    expect(Array.from({ length: 10 }, (_, i) => keyChar(0x1e + i, false)).join('')).toBe('1234567890');
    expect(Array.from({ length: 10 }, (_, i) => keyChar(0x59 + i, false)).join('')).toBe('1234567890');
    expect(Array.from({ length: 6 }, (_, i) => keyChar(0x04 + i, true)).join('')).toBe('ABCDEF');
    expect(keyChar(0x36, false)).toBe(',');
    expect(keyChar(0x3a, false)).toBeUndefined();
  });

  it('a modifier-only report types nothing and does not release the held key', () => {
    const d = new KeyboardReportDecoder();
    expect(d.push(rep(0, 0x1e)).typed).toBe('1');
    expect(d.push(rep(0x02, 0x1e)).typed).toBe(''); // shift pressed while 1 held: not a new key
    expect(d.push(rep(0x02)).typed).toBe('');
    expect(d.push(rep(0x02, 0x1e)).typed).toBe('!'); // a new press with shift: US layout
  });

  it('a rollover-error frame keeps the keys that were down', () => {
    const d = new KeyboardReportDecoder();
    d.push(rep(0, 0x1e));
    d.push(rep(0, 1, 1, 1, 1, 1, 1));
    expect(d.push(rep(0, 0x1e)).typed).toBe('');
  });

  it('drops a partial number after a long pause, so a stray key does not prefix the next card', () => {
    const d = new KeyboardReportDecoder({ maxGapMs: 500 });
    expect(type(d, [0x1e, 0x1f], 0)).toEqual([]);
    expect(type(d, [0x20, 0x21, 0x28], 5000)).toEqual(['34']);
    expect(d.droppedPartials).toBe(1);
  });

  it('drops over-long noise up to the next Enter', () => {
    const d = new KeyboardReportDecoder({ maxLength: 4 });
    expect(type(d, [0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x28])).toEqual([]);
    expect(type(d, [0x1e, 0x28], 100)).toEqual(['1']);
  });

  it('never throws on random bytes of any length', () => {
    const d = new KeyboardReportDecoder();
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    for (let i = 0; i < 5000; i++) {
      const len = i % 3 === 0 ? rnd() % 70 : 8;
      expect(() => d.push(Uint8Array.from({ length: len }, rnd), i)).not.toThrow();
    }
  });
});

describe('recording format', () => {
  it('round-trips events, including errors and empty reports', () => {
    const events: RecordedEvent[] = [
      { dtMs: 0, kind: 'report', bytes: rep(0, 0x27) },
      { dtMs: 5, kind: 'report', bytes: new Uint8Array(0) },
      { dtMs: 3, kind: 'error', message: 'could not read\nfrom HID device' },
    ];
    const back = parseRecording(formatRecording(events, ['device 0ffe:0001']));
    expect(back).toEqual([events[0], events[1], { dtMs: 3, kind: 'error', message: 'could not read from HID device' }]);
  });

  it('refuses a malformed line with its number, in Chinese', () => {
    expect(() => parseRecording('# x\n+0 00zz\n')).toThrow(RecordingFormatError);
    expect(() => parseRecording('\n\nhello')).toThrow(/第 3 行/);
  });
});
