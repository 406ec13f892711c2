import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { openParcelsCore } from '../support/parcels';

const signInReceptionist = async (t: Awaited<ReturnType<typeof openParcelsCore>>) => {
  await t.call('operators.create', { username: 'li', displayName: '李青', role: 'receptionist', password: 'li-pass-1234' });
  await t.call('auth.login', { username: 'li', password: 'li-pass-1234' }, 'test:2');
  return 'test:2';
};

describe('carriers recognised from the number, memory only where a number is truly ambiguous', () => {
  it('中通 75 + 12 digits and the other current formats are taken in without asking', async () => {
    const t = await openParcelsCore();
    const cases: Array<[string, string]> = [
      ['75123456789012', 'ZTO'],
      ['73610555582883', 'ZTO'],
      ['773277027280336', 'STO'],
      ['463431409940372', 'YD'],
      ['621012345678901', 'CAINIAO'],
      ['DPK202252612836', 'DBL'],
      ['JT5261988016578', 'JT'],
    ];
    for (const [waybill, carrier] of cases) expect((await t.call('parcels.intake', { waybill })).carrier, waybill).toBe(carrier);
    expect((await t.call('parcels.search', { q: 'DPK202252612836' }))[0]?.carrierName).toBe('德邦');
  });

  it('a wrong memory never re-labels a recognised number, and a memory outside the candidates is not applied', async () => {
    const t = await openParcelsCore();
    // what an earlier version stored after one wrong answer for 14-digit numbers starting 75, and for the 43 shape
    t.core
      .need()
      .db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('parcel_carrier_memory', ?, 'x')")
      .run(JSON.stringify({ 'd14:75': 'STO', 'd15:43': 'ZTO' }));
    expect(await t.call('parcels.detect', { waybill: '75123456789012' })).toMatchObject({ kind: 'known', carrier: 'ZTO', remembered: null });
    expect((await t.call('parcels.intake', { waybill: '75123456789012' })).carrier).toBe('ZTO');
    // 43 + 13 digits is 韵达 or 申通: a remembered 中通 cannot be right, so it is asked
    expect(await t.call('parcels.detect', { waybill: '432542035598773' })).toMatchObject({
      kind: 'ambiguous',
      remembered: null,
      candidates: [{ code: 'YD' }, { code: 'STO' }],
    });
    const asked = await t.raw('parcels.intake', { waybill: '432542035598773' });
    expect(asked).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { candidates: 'YD,STO' } } });
    if (!asked.ok) expect(asked.error.message).toContain('韵达/申通');
    // the supervisor sees both memories as no longer applied
    const list = await t.call('parcels.carrierMemory.list', {});
    expect(list.map((m) => [m.key, m.carrier, m.inUse])).toEqual(
      expect.arrayContaining([
        ['d14:75', 'STO', false],
        ['d15:43', 'ZTO', false],
      ]),
    );
  });

  it('an ambiguous choice is remembered with who and on which number; a supervisor views and clears it (audited), and the next one is asked again', async () => {
    const t = await openParcelsCore();
    const li = await signInReceptionist(t);
    await t.call('parcels.intake', { waybill: '432542035598773', carrier: 'YD' }, li);
    // a carrier this shape cannot be is a one-off, not a rule
    await t.call('parcels.intake', { waybill: '5012345678901', carrier: 'ZTO' }, li);
    expect(await t.call('parcels.detect', { waybill: '5012345678901' }, li)).toMatchObject({ kind: 'ambiguous', remembered: null });
    const next = await t.call('parcels.detect', { waybill: '439999999999999' }, li);
    expect(next).toMatchObject({ kind: 'ambiguous', remembered: 'YD' });
    expect((await t.call('parcels.intake', { waybill: '439999999999999' }, li)).carrier).toBe('YD');

    expect(await t.raw('parcels.carrierMemory.list', {}, li)).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    expect(await t.raw('parcels.carrierMemory.clear', {}, li)).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    const list = await t.call('parcels.carrierMemory.list', {});
    expect(list).toEqual([
      {
        key: 'd15:43',
        shape: '15 位数字，43 开头',
        carrier: 'YD',
        carrierName: '韵达',
        inUse: true,
        at: '2026-11-23T02:00:00.000Z',
        byName: '李青',
        example: '432542035598773',
      },
    ]);
    // correcting it: choose another candidate on the next one
    await t.call('parcels.intake', { waybill: '431111111111111', carrier: 'STO' }, li);
    expect((await t.call('parcels.carrierMemory.list', {}))[0]).toMatchObject({ carrier: 'STO', example: '431111111111111' });

    expect(await t.raw('parcels.carrierMemory.clear', { key: 'd15:99' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const cleared = await t.call('parcels.carrierMemory.clear', { key: 'd15:43' });
    expect(cleared).toEqual({ cleared: 1, entries: [] });
    expect(await t.call('parcels.detect', { waybill: '432222222222222' }, li)).toMatchObject({ kind: 'ambiguous', remembered: null });
    expect(await t.raw('parcels.intake', { waybill: '432222222222222' }, li)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const audit = t.core.need().db.prepare("SELECT detail FROM audit_log WHERE action = 'parcel.carrier_memory_clear'").all() as Array<{ detail: string }>;
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([
      { forgotten: [{ key: 'd15:43', carrier: 'STO', byName: '李青', example: '431111111111111' }] },
    ]);
    expect(verifyChain(t.core.need().sql).ok).toBe(true);
  });
});
