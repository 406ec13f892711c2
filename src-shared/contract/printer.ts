import { z } from 'zod';
import { def, empty, ok, line } from './common';
import { fenOrZero } from './fees';

export const printerConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('tcp'),
    host: line()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,253}$/, { message: '请填写打印机的 IP 地址，例如 192.168.1.50' }),
    port: z.number().int().min(1).max(65535),
    /** false for print servers that do not pass the printer's DLE EOT status replies back */
    statusCheck: z.boolean(),
  }),
  z.object({ kind: z.literal('file'), path: line().trim().min(1).max(260) }),
  z.object({
    kind: z.literal('serial'),
    path: line().trim().min(1).max(260),
    baudRate: z.union([z.literal(2400), z.literal(4800), z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]),
  }),
]);
export type PrinterConfigInput = z.infer<typeof printerConfig>;

export const printerSettings = z.object({
  config: printerConfig,
  width: z.union([z.literal(58), z.literal(80)]),
  kickDrawer: z.boolean(),
});
export type PrinterSettings = z.infer<typeof printerSettings>;

export const printerStatusView = z.object({
  state: z.enum(['ok', 'offline', 'cover-open', 'paper-out', 'error', 'unknown', 'not-configured']),
  paperNearEnd: z.boolean(),
  detail: z.string(),
});

export const cashSettings = z.object({ varianceThresholdFen: fenOrZero });

export const printerContract = {
  'printer.settings.get': def({ input: empty, output: printerSettings, access: 'receptionist' }),
  'printer.settings.save': def({ input: printerSettings, output: printerSettings, access: 'admin' }),
  'printer.status': def({ input: empty, output: printerStatusView, access: 'receptionist' }),
  'printer.testPage': def({ input: empty, output: ok, access: 'receptionist' }),
  'cash.settings.get': def({ input: empty, output: cashSettings, access: 'receptionist' }),
  'cash.settings.save': def({ input: cashSettings, output: cashSettings, access: 'admin' }),
} as const;
