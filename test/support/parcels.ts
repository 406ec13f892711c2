import iconv from 'iconv-lite';
import { FakePrinterPort } from '../../src-main/devices/printer/fake';
import { notConfiguredPort } from '../../src-main/devices/printer/port';
import * as roster from '../../src-main/features/roster/roster.repo';
import { openReadyCore, type TestCore } from './core';

export interface ParcelsFixture extends TestCore {
  printer: FakePrinterPort;
  rooms: { r501: number; r502: number; r601: number };
  residents: { zhangwei: number; lina: number };
  shelves: { A: number; B: number };
  /** waits until the print queue has nothing due */
  settle(): Promise<void>;
  printedText(): string[];
  approve(subject: string, user?: 'zhao' | 'admin'): Promise<string>;
  /** moves the clock (days for overdue) and unlocks the admin's idle-locked screen */
  advance(ms: number): Promise<void>;
}

/**
 * A terminal with rooms 3-2-501 (张伟), 3-2-502 (李娜), 3-2-601, shelves A (3 slots) and B (10 slots), a fake
 * printer and a supervisor (zhao). The admin (王经理) is signed in as test:1.
 */
export async function openParcelsCore(opts: { printer?: boolean } = {}): Promise<ParcelsFixture> {
  const printer = new FakePrinterPort();
  const t = await openReadyCore({ printerPort: (c) => (c.kind === 'none' ? notConfiguredPort() : printer) });
  await t.call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240 });
  const sql = t.core.need().sql;
  const made = sql.tx(() => {
    const b = roster.insertBuilding(sql, { code: '3', name: '3栋', at: 'now' });
    const u = roster.insertUnit(sql, b, '2');
    const room = (n: string) => roster.insertRoom(sql, { unitId: u, number: n, code: `3-2-${n}`, areaCm2: 8950, at: 'now' });
    const r501 = room('501');
    const r502 = room('502');
    const r601 = room('601');
    const res = (roomId: number, name: string, initials: string, phone: string) =>
      roster.insertResident(sql, { roomId, name, kind: 'owner', initials, pinyin: initials, phone, moveIn: null, moveOut: null, note: '', at: 'now' });
    return { rooms: { r501, r502, r601 }, residents: { zhangwei: res(r501, '张伟', 'zw', '13812345678'), lina: res(r502, '李娜', 'ln', '13987654321') } };
  });
  await t.call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: 'zhao-pass-123' });
  const A = (await t.call('parcels.shelves.save', { code: 'A', name: '门口', slots: 3, active: true, sort: 1 })).id;
  const B = (await t.call('parcels.shelves.save', { code: 'b', name: '里面', slots: 10, active: true, sort: 2 })).id;
  if (opts.printer !== false)
    await t.call('printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: 9100, statusCheck: true }, width: 58, kickDrawer: false });
  const print = t.core.need().print;
  return {
    ...t,
    ...made,
    printer,
    shelves: { A, B },
    async settle() {
      for (let i = 0; i < 50; i++) {
        await print.drain();
        await new Promise((r) => setImmediate(r));
      }
    },
    printedText: () => printer.documents.map((b) => iconv.decode(Buffer.from(b), 'gb18030')),
    async advance(ms) {
      t.clock.advance(ms);
      await t.call('auth.unlock', { password: 'admin-pass-1' });
    },
    async approve(subject, user = 'zhao') {
      const pw = user === 'zhao' ? 'zhao-pass-123' : 'admin-pass-1';
      return (await t.call('auth.approve', { username: user, password: pw, action: 'parcel.writeOff', subject, reason: '快递员确认丢失' })).approvalId;
    },
  };
}
