/**
 * Card reader settings, as the settings IPC contract carries them. Only zod and the pure card-number module
 * here (no node-hid, no Node modules), so the contract can import it; config.ts turns a parsed config into a port.
 */
import { z } from 'zod';
import { CARD_FORMATS } from '../card-number';

/** The reader's output format: a site setting (the same card prints differently on different readers). */
export const cardFormatSchema = z.enum(CARD_FORMATS);

const usbId = (what: string) =>
  z.preprocess(
    // the settings screen and diagnostics show ids as hex ("0ffe"); accept those as well as numbers
    (v) => (typeof v === 'string' && /^(0x)?[0-9a-fA-F]{1,4}$/.test(v.trim()) ? parseInt(v.trim().replace(/^0x/, ''), 16) : v),
    z
      .number({ error: `请填写读卡器的${what}（4 位十六进制，可在「诊断」里看到）` })
      .int()
      .min(0)
      .max(0xffff, `${what}超出范围（0000–FFFF）`),
  );

export const cardReaderConfigSchema = z.discriminatedUnion('kind', [
  /** no reader: card numbers are typed */
  z.object({ kind: z.literal('none'), format: cardFormatSchema.default('auto') }),
  /** a USB reader opened through node-hid (Linux: libusb, so the reader is exclusive) */
  z.object({
    kind: z.literal('hid'),
    vendorId: usbId('厂商 ID（VID）'),
    productId: usbId('产品 ID（PID）'),
    /** the USB interface number, for readers with more than one; default: the keyboard one */
    interface: z.number().int().min(0).max(255).optional(),
    format: cardFormatSchema.default('auto'),
    /** how often to look for the reader while it is missing */
    pollMs: z.number().int().min(100).max(60000).default(1000),
  }),
  /** keyboard-mode reader captured by the renderer (Windows, or where the reader can't be opened) */
  z.object({ kind: z.literal('keyboard-wedge'), format: cardFormatSchema.default('auto') }),
]);

/** As stored and sent over IPC (defaults optional). */
export type CardReaderConfigInput = z.input<typeof cardReaderConfigSchema>;
/** After parsing (defaults filled in). */
export type CardReaderConfig = z.output<typeof cardReaderConfigSchema>;
