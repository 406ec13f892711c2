import { describe, expect, it } from 'vitest';
import { decodeStatus, errorForStatus, isStatusReply, statusQuery } from '../../src-main/devices/printer/status';
import { notConfiguredPort, PrinterError, statusForError } from '../../src-main/devices/printer/port';
import { STATUS_BYTES } from './fake-tcp-printer';

describe('DLE EOT status decoding', () => {
  it('accepts only bytes with the fixed bits of a status reply (1 and 4 set, 0 and 7 clear)', () => {
    expect(isStatusReply(0x12)).toBe(true);
    expect(isStatusReply(0x1a)).toBe(true);
    expect(isStatusReply(0x72)).toBe(true);
    for (const b of [0x00, 0xff, 0x10, 0x02, 0x13, 0x92, 0x0f, 0x41]) expect(isStatusReply(b)).toBe(false);
    expect(Buffer.from(statusQuery(4)).toString('hex')).toBe('100404');
  });

  it.each([
    [{ n1: 0x12, n2: 0x12, n4: 0x12 }, 'ok', false],
    [{ n1: 0x12, n2: 0x12, n4: 0x1e }, 'ok', true], // bits 2–3: near end
    [{ n1: 0x1a, n2: 0x32, n4: 0x72 }, 'paper-out', false], // as a real printer answers paper out: 1a 32 72
    [{ n1: 0x1a, n2: 0x12, n4: 0x72 }, 'paper-out', false], // roll end by sensor only
    [{ n1: 0x1a, n2: 0x32, n4: 0x7e }, 'paper-out', true],
    [{ n1: 0x1a, n2: 0x16, n4: 0x12 }, 'cover-open', false],
    [{ n1: 0x1a, n2: 0x36, n4: 0x72 }, 'cover-open', false], // cover open wins: close it first
    [{ n1: 0x1a, n2: 0x52, n4: 0x12 }, 'error', false], // bit 6: error occurred
    [{ n1: 0x1a, n2: 0x12, n4: 0x12 }, 'offline', false],
    [{ n1: 0x1a }, 'offline', false], // only n=1 answered
    [{}, 'unknown', false],
    [{ n1: 0x00, n2: 0x12, n4: 0x12 }, 'unknown', false], // not a status reply
    [{ n1: 0x12, n2: 0x12, n4: 0xff }, 'unknown', false],
  ] as const)('%o → %s', (replies, state, nearEnd) => {
    const s = decodeStatus(replies);
    expect(s.state).toBe(state);
    expect(s.paperNearEnd).toBe(nearEnd);
    expect(s.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it('agrees with the fake printers, TCP and serial', () => {
    for (const [state, b] of Object.entries(STATUS_BYTES)) {
      const s = decodeStatus({ n1: b[1], n2: b[2], n4: b[4] });
      expect(s.state).toBe(state === 'normal' || state === 'near-end' ? 'ok' : state);
    }
  });

  it('maps a status to the error print() raises, with a Chinese next step', () => {
    expect(errorForStatus(decodeStatus({ n1: 0x12, n2: 0x12, n4: 0x12 }))).toBeNull();
    expect(errorForStatus(decodeStatus({}))).toBeNull(); // unknown: try to print
    const e = errorForStatus(decodeStatus({ n1: 0x1a, n2: 0x32, n4: 0x72 }))!;
    expect(e).toBeInstanceOf(PrinterError);
    expect(e.code).toBe('PAPER_OUT');
    expect(e.message).toBe('打印机缺纸：请装纸后点「重新打印」');
    expect(e.retryable).toBe(true);
    expect(errorForStatus(decodeStatus({ n1: 0x1a, n2: 0x52 }))!.code).toBe('PRINTER_FAULT');
    expect(statusForError(new PrinterError('COVER_OPEN')).state).toBe('cover-open');
    expect(statusForError(new PrinterError('TIMEOUT')).state).toBe('error');
  });

  it("'none' port: status not-configured, printing rejects with NOT_CONFIGURED (not retryable)", async () => {
    const p = notConfiguredPort();
    expect((await p.status()).state).toBe('not-configured');
    const e = (await p.print(new Uint8Array([1])).catch((x: unknown) => x)) as PrinterError;
    expect(e.code).toBe('NOT_CONFIGURED');
    expect(e.retryable).toBe(false);
    await expect(p.kickDrawer()).rejects.toBeInstanceOf(PrinterError);
  });
});
