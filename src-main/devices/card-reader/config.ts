/**
 * Card reader settings → port. Services get a CardReaderPort and never see which kind it is. The schema lives
 * in schema.ts (zod only) and is re-exported here; import it from '@shared/contract/card-reader-config' where Node modules can't follow.
 */
import { cardReaderConfigSchema, type CardReaderConfig, type CardReaderConfigInput } from '@shared/contract/card-reader-config';
import { loadNodeHid, type HidBackend } from './hid';
import { HidCardReader } from './hid-reader';
import { KeyboardWedgeCardReader, NoCardReader } from './fake';
import type { CardReaderPort } from './port';

export * from '@shared/contract/card-reader-config';

export interface CardReaderDeps {
  /** default: node-hid, loaded on the first start() (libusb on Linux) */
  backend?: HidBackend | (() => HidBackend);
  platform?: NodeJS.Platform;
  log?: (line: string) => void;
  now?: () => number;
  maxGapMs?: number;
}

/** Parses `config` (throws ZodError on bad settings) and builds the port. Call start() on it. */
export function createCardReader(config: CardReaderConfigInput | CardReaderConfig, deps: CardReaderDeps = {}): CardReaderPort {
  const c = cardReaderConfigSchema.parse(config);
  switch (c.kind) {
    case 'none':
      return new NoCardReader(c.format);
    case 'keyboard-wedge':
      return new KeyboardWedgeCardReader(c.format);
    case 'hid':
      return new HidCardReader({
        vendorId: c.vendorId,
        productId: c.productId,
        ...(c.interface !== undefined && { interface: c.interface }),
        format: c.format,
        pollMs: c.pollMs,
        backend: deps.backend ?? (() => loadNodeHid(deps.platform ? { platform: deps.platform } : {})),
        ...(deps.platform && { platform: deps.platform }),
        ...(deps.log && { log: deps.log }),
        ...(deps.now && { now: deps.now }),
        ...(deps.maxGapMs !== undefined && { maxGapMs: deps.maxGapMs }),
      });
  }
}
