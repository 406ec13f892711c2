/**
 * Which printer this terminal uses, as the settings IPC contract carries it. Only zod here (no transports, no
 * Node modules), so the contract and the preload can import it; config.ts turns a parsed config into a port.
 */
import { z } from 'zod';

export const BAUD_RATES = [2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
export type BaudRate = (typeof BAUD_RATES)[number];

const path = z
  .string()
  .trim()
  .min(1, '请填写设备路径')
  .max(260, '路径太长')
  .refine((p) => !/[\0\r\n]/.test(p), '路径含有无效字符');

export const printerConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('tcp'),
    host: z
      .string()
      .trim()
      .min(1, '请填写打印机 IP 地址')
      .max(253)
      .regex(/^[A-Za-z0-9.:_-]+$/, '地址格式不对：例如 192.168.1.50'),
    port: z.number().int().min(1).max(65535).default(9100),
    /** false for print servers that don't pass DLE EOT replies back */
    statusCheck: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('file'), path }),
  z.object({
    kind: z.literal('serial'),
    path,
    baudRate: z
      .number()
      .int()
      .refine((b): b is BaudRate => (BAUD_RATES as readonly number[]).includes(b), `波特率只能是 ${BAUD_RATES.join('/')}`)
      .default(9600),
  }),
]);

/** As stored and sent over IPC (defaults optional). */
export type PrinterConfigInput = z.input<typeof printerConfigSchema>;
/** After parsing (defaults filled in). */
export type PrinterConfig = z.output<typeof printerConfigSchema>;

/** Paper roll width in millimetres: 58 mm prints 32 characters a line, 80 mm 48. */
export const paperWidthSchema = z.union([z.literal(58), z.literal(80)]);
export type PaperWidth = z.infer<typeof paperWidthSchema>;
