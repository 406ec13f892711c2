/**
 * Recorded HID report sequences, as text: what the diagnostics recorder saves for support and what the tests
 * replay through the fake HID device. One event a line, the time since the previous event first:
 *
 *   # LobbyDesk HID recording v1
 *   # device 0ffe:0001 "USB Reader"
 *   +0 0000270000000000        a report, 8 bytes in hex
 *   +6 0000000000000000        the key-up frame 6 ms later
 *   +3 !error could not read from HID device     the device failed (unplugged)
 *
 * Blank lines and lines starting with # are comments. Card numbers are not personal data; never put a
 * resident's name in a recording's comments.
 */

export type RecordedEvent = { dtMs: number; kind: 'report'; bytes: Uint8Array } | { dtMs: number; kind: 'error'; message: string };

export class RecordingFormatError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`录制文件第 ${line} 行格式不对（${reason}）：请发送原始录制文件给技术支持，不要手工修改`);
    this.name = 'RecordingFormatError';
  }
}

export function parseRecording(text: string): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const s = line.trim();
    if (!s || s.startsWith('#')) return;
    const m = /^\+(\d+)(?:\s+(.*))?$/.exec(s);
    if (!m) throw new RecordingFormatError(i + 1, 'expected "+<ms> <hex>" or "+<ms> !error <message>"');
    const dtMs = Number(m[1]);
    const rest = (m[2] ?? '').trim();
    if (rest.startsWith('!error')) {
      out.push({ dtMs, kind: 'error', message: rest.slice('!error'.length).trim() || 'device error' });
      return;
    }
    const hex = rest.replace(/\s+/g, '');
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new RecordingFormatError(i + 1, 'report is not hex bytes');
    out.push({ dtMs, kind: 'report', bytes: Uint8Array.from(Buffer.from(hex, 'hex')) });
  });
  return out;
}

export function formatRecording(events: readonly RecordedEvent[], header: readonly string[] = []): string {
  const lines = ['# LobbyDesk HID recording v1', ...header.map((h) => `# ${h.replace(/[\r\n]+/g, ' ')}`)];
  for (const e of events) {
    const dt = `+${Math.max(0, Math.round(e.dtMs))}`;
    lines.push(e.kind === 'report' ? `${dt} ${Buffer.from(e.bytes).toString('hex')}` : `${dt} !error ${e.message.replace(/[\r\n]+/g, ' ')}`);
  }
  return lines.join('\n') + '\n';
}
