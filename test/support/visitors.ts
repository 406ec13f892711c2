import iconv from 'iconv-lite';
import { FakePrinterPort } from '../../src-main/devices/printer/fake';
import { notConfiguredPort } from '../../src-main/devices/printer/port';
import * as roster from '../../src-main/features/roster/roster.repo';
import type { Input, VisitorSettings } from '@shared/contract';
import { openReadyCore, type TestCore } from './core';

export interface VisitorsFixture extends TestCore {
  printer: FakePrinterPort;
  rooms: { r501: number; r502: number; r601: number };
  buildings: { b3: number; b5: number };
  /** waits until the print queue has nothing due */
  settle(): Promise<void>;
  printedText(): string[];
  /** a supervisor's (zhao's) approval of `action` for `subject`, asked for by the operator of `clientId` */
  approve(action: 'visitor.admitRefused' | 'removal.tenantNoConsent', subject: string, clientId?: string): Promise<string>;
  /** signs in the receptionist li as client test:2 */
  asReceptionist(): Promise<string>;
  /** signs in the gate guard men (门岗) as client test:3 */
  asGuard(): Promise<string>;
  /** changes the area's settings (as the admin) */
  settings(patch: Partial<VisitorSettings>): Promise<void>;
  /** moves the clock and unlocks the admin's idle-locked screen */
  advance(ms: number): Promise<void>;
}

/** A walk-up visitor to 3-2-501 confirmed by phone: 刘洋, 13900001234, ID card ending 123X. */
export const walkUp = (extra: Partial<Input<'visitors.checkIn'>> = {}, roomId = 1): Input<'visitors.checkIn'> => ({
  visitorName: '刘洋',
  phone: '13900001234',
  docType: 'id_card',
  docLast4: '123X',
  partySize: 1,
  purpose: 'friend',
  roomId,
  consent: 'phone',
  consentPhone: '13812345678',
  ...extra,
});

/**
 * A terminal with building 3 (rooms 3-2-501 owner 张伟, 3-2-502 tenant 李娜, 3-2-601) and building 5, a fake
 * printer (58 mm), a supervisor (zhao), a receptionist (li) and a gate guard (men). The admin (王经理) is signed
 * in as test:1.
 */
export async function openVisitorsCore(opts: { printer?: boolean; settings?: Partial<VisitorSettings> } = {}): Promise<VisitorsFixture> {
  const printer = new FakePrinterPort();
  const t = await openReadyCore({ printerPort: (c) => (c.kind === 'none' ? notConfiguredPort() : printer) });
  await t.call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240 });
  const sql = t.core.need().sql;
  const made = sql.tx(() => {
    const b3 = roster.insertBuilding(sql, { code: '3', name: '3栋', at: 'now' });
    const b5 = roster.insertBuilding(sql, { code: '5', name: '5栋', at: 'now' });
    const u = roster.insertUnit(sql, b3, '2');
    const room = (n: string) => roster.insertRoom(sql, { unitId: u, number: n, code: `3-2-${n}`, areaCm2: 8950, at: 'now' });
    const r501 = room('501');
    const r502 = room('502');
    const r601 = room('601');
    const res = (roomId: number, name: string, kind: 'owner' | 'tenant', phone: string) =>
      roster.insertResident(sql, { roomId, name, kind, initials: 'x', pinyin: 'x', phone, moveIn: null, moveOut: null, note: '', at: 'now' });
    res(r501, '张伟', 'owner', '13812345678');
    res(r502, '李娜', 'tenant', '13987654321');
    return { rooms: { r501, r502, r601 }, buildings: { b3, b5 } };
  });
  await t.call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: 'zhao-pass-123' });
  await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-1234' });
  await t.call('operators.create', { username: 'men', displayName: '孙门岗', role: 'guard', password: 'men-pass-1234' });
  if (opts.printer !== false)
    await t.call('printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: 9100, statusCheck: true }, width: 58, kickDrawer: false });
  const settings = async (patch: Partial<VisitorSettings>) => {
    const { notice: _n, ...now } = await t.call('visitors.settings.get', {});
    await t.call('visitors.settings.save', { ...now, ...patch });
  };
  if (opts.settings) await settings(opts.settings);
  const print = t.core.need().print;
  return {
    ...t,
    ...made,
    printer,
    settings,
    async settle() {
      for (let i = 0; i < 50; i++) {
        await print.drain();
        await new Promise((r) => setImmediate(r));
      }
    },
    printedText: () => printer.documents.map((b) => iconv.decode(Buffer.from(b), 'gb18030')),
    async approve(action, subject, clientId = 'test:1') {
      return (await t.call('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action, subject, reason: '已电话核实，同意放行' }, clientId))
        .approvalId;
    },
    async asReceptionist() {
      await t.call('auth.login', { username: 'li', password: 'li-pass-1234' }, 'test:2');
      return 'test:2';
    },
    async asGuard() {
      await t.call('auth.login', { username: 'men', password: 'men-pass-1234' }, 'test:3');
      return 'test:3';
    },
    async advance(ms) {
      t.clock.advance(ms);
      await t.call('auth.unlock', { password: 'admin-pass-1' });
    },
  };
}
