import { describe, expect, it } from 'vitest';
import { FakePrinterPort } from '../../src-main/devices/printer/fake';
import { notConfiguredPort, type PrinterStatus } from '../../src-main/devices/printer/port';
import { openReadyCore, openTestCore } from '../support/core';

/** A printer whose status replies are held until the test lets them through (a slow printer just after a restart). */
class SlowPrinter extends FakePrinterPort {
  private waiting: (() => void)[] = [];
  reads = 0;
  override async status(): Promise<PrinterStatus> {
    this.reads++;
    await new Promise<void>((r) => this.waiting.push(r));
    return super.status();
  }
  answer(): void {
    for (const r of this.waiting.splice(0)) r();
  }
}

const tick = () => new Promise((r) => setTimeout(r, 10));
const TCP = { kind: 'tcp' as const, host: '127.0.0.1', port: 9100, statusCheck: true };

describe('status bar: the printer state while its status is being read', () => {
  it('a configured printer reads 检查中 (never 未配置) until its first reply, after settings change and after a restart', async () => {
    const printer = new SlowPrinter();
    const t = await openReadyCore({ printerPort: (c) => (c.kind === 'none' ? notConfiguredPort() : printer) });
    expect((await t.call('system.status', {})).devices.printer.state).toBe('not-configured');
    await t.call('printer.settings.save', { config: TCP, width: 80, kickDrawer: false });
    const before = await t.call('system.status', {});
    expect(before.devices.printer).toMatchObject({ state: 'checking' });
    expect(printer.reads).toBeGreaterThan(0);
    printer.answer();
    await tick();
    expect((await t.call('system.status', {})).devices.printer).toMatchObject({ state: 'ok' });

    // restart on the same store: checking at once, not "not configured" for the first seconds
    await t.core.close();
    const slow = new SlowPrinter();
    const again = await openTestCore(t.dataDir, t.clock, { printerPort: (c) => (c.kind === 'none' ? notConfiguredPort() : slow) });
    expect((await again.call('system.status', {})).devices.printer.state).toBe('checking');
    slow.answer();
    await tick();
    expect((await again.call('system.status', {})).devices.printer.state).toBe('ok');
    await again.core.close();
  });

  it('a printer that does not report its status reads 状态未知, not 故障', async () => {
    const printer = new FakePrinterPort({ state: 'unknown', detail: '打印机没有回应状态查询：可以试打一张测试页确认' });
    const t = await openReadyCore({ printerPort: (c) => (c.kind === 'none' ? notConfiguredPort() : printer) });
    await t.call('printer.settings.save', { config: TCP, width: 80, kickDrawer: false });
    await t.call('system.status', {});
    await tick();
    expect((await t.call('system.status', {})).devices.printer.state).toBe('unknown');
    await t.core.close();
  });
});

describe('status: who holds the drawer', () => {
  it('names the operator of the open cash session, and none when it is closed', async () => {
    const t = await openReadyCore();
    expect((await t.call('system.status', {})).shift).toMatchObject({ open: false, holder: null });
    await t.call('cash.open', { count: { '10000': 5 } });
    expect((await t.call('system.status', {})).shift).toMatchObject({ open: true, holder: '王经理' });
    await t.core.close();
  });
});
