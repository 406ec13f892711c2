import { z } from 'zod';
import { def, empty } from './common';
import { cardReaderConfigSchema } from './card-reader-config';
import { CARD_FORMATS, CARD_FORMAT_LABELS } from '../card-number';

/** Pure values the settings screen shows (no Node modules behind them). */
export { CARD_FORMATS, CARD_FORMAT_LABELS, cardReaderConfigSchema };
export type { CardReaderConfigInput } from './card-reader-config';
export type { CardFormat } from '../card-number';

export const cardReaderStatusView = z.object({
  state: z.enum(['disabled', 'ready', 'not-found', 'unplugged', 'error']),
  code: z.string().nullable(),
  message: z.string(),
  describe: z.string(),
  kind: z.enum(['none', 'hid', 'keyboard-wedge']),
  format: z.string(),
});
export type CardReaderStatusView = z.infer<typeof cardReaderStatusView>;

export const cardReadView = z.object({
  ok: z.boolean(),
  raw: z.string(),
  key: z.string().nullable(),
  format: z.string().nullable(),
  forms: z.record(z.string(), z.string()),
  message: z.string().nullable(),
  at: z.string(),
});
export type CardReadView = z.infer<typeof cardReadView>;

export const hidDeviceView = z.object({
  id: z.string(),
  vendorHex: z.string(),
  productHex: z.string(),
  manufacturer: z.string(),
  product: z.string(),
  interface: z.number().int(),
  keyboard: z.boolean(),
  configured: z.boolean(),
});

export const recordingView = z.object({
  recording: z.boolean(),
  count: z.number().int(),
  truncated: z.boolean(),
  decoded: z.array(z.string()),
  text: z.string(),
});
export type RecordingView = z.infer<typeof recordingView>;

export const cardReaderContract = {
  'cardReader.settings.get': def({ input: empty, output: cardReaderConfigSchema, access: 'receptionist' }),
  /** Saves the site's reader setting and restarts the reader with it. */
  'cardReader.settings.save': def({ input: cardReaderConfigSchema, output: cardReaderConfigSchema, access: 'admin' }),
  'cardReader.status': def({ input: empty, output: cardReaderStatusView, access: 'receptionist' }),
  /**
   * The last card presented to the reader, when it is newer than `afterSeq` (the screens poll this every
   * ~300 ms: works the same in Electron and in the browser host). seq 0 = nothing read since start.
   */
  'cardReader.lastRead': def({
    input: z.object({ afterSeq: z.number().int().min(0) }),
    output: z.object({ seq: z.number().int(), read: cardReadView.nullable() }),
    access: 'receptionist',
  }),
  /** Diagnostics: the HID devices this machine sees, and the udev rule for the configured reader. */
  'cardReader.diagnose': def({
    input: empty,
    output: z.object({
      ok: z.boolean(),
      driver: z.string().nullable(),
      version: z.string().nullable(),
      devices: z.array(hidDeviceView),
      message: z.string().nullable(),
      detail: z.string().nullable(),
      udevRule: z.string().nullable(),
    }),
    access: 'admin',
  }),
  /** Diagnostics: record the reader's raw reports (start / stop / status); the text is a replayable recording. */
  'cardReader.record': def({ input: z.object({ action: z.enum(['start', 'stop', 'status']) }), output: recordingView, access: 'admin' }),
} as const;
