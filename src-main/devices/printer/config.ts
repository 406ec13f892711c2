/**
 * Printer settings → port. Services get a PrinterPort and never see which transport it is. The schema lives in
 * schema.ts (zod only) and is re-exported here; import it from './schema' where Node modules can't follow.
 */
import { printerConfigSchema, type BaudRate, type PrinterConfig, type PrinterConfigInput } from './schema';

export * from './schema';
import { notConfiguredPort, type PrinterPort } from './port';
import { TcpPrinter } from './tcp';
import { DeviceFilePrinter } from './device-file';
import { SerialPrinter } from './serial';

/** Deadlines; production uses the transports' defaults, tests shorten them. */
export type PrinterTimeouts = { connectTimeoutMs?: number; statusTimeoutMs?: number; writeTimeoutMs?: number; lingerMs?: number };

/** Parses `config` (throws ZodError on bad settings) and builds the port. */
export function createPrinter(config: PrinterConfigInput | PrinterConfig, timeouts: PrinterTimeouts = {}): PrinterPort {
  const c = printerConfigSchema.parse(config);
  const { statusTimeoutMs, writeTimeoutMs } = timeouts;
  const fileTimeouts = { ...(statusTimeoutMs !== undefined && { statusTimeoutMs }), ...(writeTimeoutMs !== undefined && { writeTimeoutMs }) };
  switch (c.kind) {
    case 'none':
      return notConfiguredPort();
    case 'tcp':
      return new TcpPrinter({ host: c.host, port: c.port, statusCheck: c.statusCheck, ...timeouts });
    case 'file':
      return new DeviceFilePrinter({ path: c.path, ...fileTimeouts });
    case 'serial':
      return new SerialPrinter({ path: c.path, baudRate: c.baudRate as BaudRate, ...fileTimeouts });
  }
}
