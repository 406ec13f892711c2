import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadNodeHid } from '../../src-main/devices/card-reader/hid';
import { CardReaderError } from '../../src-main/devices/card-reader/port';
import { diagnoseHid } from '../../src-main/devices/card-reader/diagnostics';

// The loader caches node-hid for the process (its driver can be chosen only once), so the failing load runs first.
describe('loading node-hid', () => {
  it('missing node-hid → CardReaderError DRIVER_MISSING with a Chinese next step', () => {
    const fail = (): unknown => {
      throw new Error("Cannot find module 'node-hid'");
    };
    let err: unknown;
    try {
      loadNodeHid({ platform: 'linux', require: fail });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CardReaderError);
    expect(err).toMatchObject({ code: 'DRIVER_MISSING', detail: "Cannot find module 'node-hid'" });
    expect((err as Error).message).toMatch(/重新安装.*手工输入卡号/);
  });

  it.runIf(process.platform === 'linux')('on Linux loads the libusb build (the reader is exclusive), and lists devices', () => {
    const hid = loadNodeHid();
    expect(hid.driver).toBe('libusb');
    expect(hid.version).toMatch(/^\d+\.\d+/);
    const loadedAddons = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.endsWith('.node') && k.includes('node-hid'));
    expect(loadedAddons.some((k) => /prebuilds[/\\]HID-linux/.test(k) || /build[/\\]Release[/\\]HID\.node$/.test(k))).toBe(true);
    expect(loadedAddons.some((k) => k.includes('hidraw'))).toBe(false);
    // a machine without USB access still lists (maybe nothing) without throwing
    const d = diagnoseHid(hid);
    expect(d.ok).toBe(true);
  });
});
