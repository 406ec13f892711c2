import iconv from 'iconv-lite';
import { FakePrinterPort } from '../../src-main/devices/printer/fake';
import { notConfiguredPort } from '../../src-main/devices/printer/port';
import * as roster from '../../src-main/features/roster/roster.repo';
import type { UpstreamOptions } from '../../src-main/sync/upstream.service';
import { openReadyCore, type TestCore } from './core';

export interface FeesFixture extends TestCore {
  printer: FakePrinterPort;
  roomId: number;
  items: Record<'property' | 'parking' | 'card' | 'copy' | 'deposit' | 'water', number>;
  /** waits until the print queue has nothing due */
  settle(): Promise<void>;
  printedText(): string[];
}

/** A terminal with a fee catalogue, a room of 89.50 m² (3-2-501), a fake printer and a supervisor (zhao). */
export async function openFeesCore(opts: { printer?: boolean; upstream?: UpstreamOptions } = {}): Promise<FeesFixture> {
  const printer = new FakePrinterPort();
  const t = await openReadyCore({
    printerPort: (c) => (c.kind === 'none' ? notConfiguredPort() : printer),
    ...(opts.upstream ? { upstream: opts.upstream } : {}),
  });
  // retries are driven by moving the clock: keep the screen from locking meanwhile
  await t.call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240 });
  const sql = t.core.need().sql;
  const roomId = sql.tx(() => {
    const b = roster.insertBuilding(sql, { code: '3', name: '3栋', at: 'now' });
    const u = roster.insertUnit(sql, b, '2');
    return roster.insertRoom(sql, { unitId: u, number: '501', code: '3-2-501', areaCm2: 8950, at: 'now' });
  });
  const save = async (code: string, name: string, category: string, rule: string, price: number, unit: string, refundable = false) =>
    (
      await t.call('fees.items.save', {
        code,
        name,
        category: category as 'property',
        rule: rule as 'fixed',
        unitPriceFen: price,
        unitLabel: unit,
        refundable,
        active: true,
        sort: 0,
      })
    ).id;
  const items = {
    property: await save('WYF', '物业费', 'property', 'per_area_month', 250, '月'),
    parking: await save('TCF', '停车费', 'parking', 'per_month', 30000, '月'),
    card: await save('BK', '门禁卡补办', 'card', 'fixed', 2000, '张'),
    copy: await save('FY', '复印', 'service', 'fixed', 50, '张'),
    deposit: await save('ZXYJ', '装修押金', 'deposit', 'fixed', 200000, '笔', true),
    water: await save('SF', '水费', 'utility', 'amount', 0, ''),
  };
  await t.call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: 'zhao-pass-123' });
  if (opts.printer !== false)
    await t.call('printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: 9100, statusCheck: true }, width: 80, kickDrawer: true });
  const print = t.core.need().print;
  return {
    ...t,
    printer,
    roomId,
    items,
    async settle() {
      for (let i = 0; i < 50; i++) {
        await print.drain();
        await new Promise((r) => setImmediate(r));
      }
    },
    printedText: () => printer.documents.map((b) => iconv.decode(Buffer.from(b), 'gb18030')),
  };
}

export const FLOAT_500 = { '10000': 3, '5000': 2, '1000': 8, '100': 20 }; // ￥300 + 100 + 80 + 20 = ￥500
