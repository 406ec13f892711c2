import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHANNELS } from '@shared/contract/channels';
import * as shared from '@shared/contract';
import { contract } from '@shared/contract';
import { openReadyCore } from '../support/core';

describe('IPC dispatch', () => {
  it('each channel is declared once, in one contract area, and the transport and preload list exactly those', () => {
    const areas = Object.entries(shared).filter(([name, value]) => name.endsWith('Contract') && typeof value === 'object' && value !== null);
    expect(areas.length).toBeGreaterThanOrEqual(14);
    const declared = areas.flatMap(([, area]) => Object.keys(area as object));
    // a name in two areas would be spread over silently (and handled by two features)
    expect(declared.length).toBe(new Set(declared).size);
    expect(declared.sort()).toEqual(Object.keys(contract).sort());
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });

  it('refuses unknown channels, including prototype keys, with a code', async () => {
    const t = await openReadyCore();
    for (const ch of ['nope', '__proto__', 'constructor', 'toString', 42, null, undefined, { a: 1 }]) {
      expect(await t.raw(ch, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses malformed payloads with BAD_INPUT and a Chinese message, and changes nothing', async () => {
    const t = await openReadyCore();
    const before = (await t.call('roster.buildings.list', {})).length;
    const bad: unknown[] = [
      null,
      'text',
      42,
      [],
      { code: 3 },
      { code: '../../x' },
      { code: '1', name: 5 },
      { code: '1', extra: { deep: true }, name: 'x'.repeat(41) },
    ];
    for (const payload of bad) {
      const r = await t.raw('roster.buildings.create', payload);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_INPUT');
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(await t.call('roster.buildings.list', {})).toHaveLength(before);
  });

  it('checks the session and the role before the input: no schema text for a caller who may not call', async () => {
    const t = await openReadyCore();
    const garbage = { code: 3, name: ['x'], extra: true };
    const stranger = await t.raw('roster.buildings.create', garbage, 'stranger');
    expect(stranger).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录。' } });
    expect(await t.raw('fees.collect', 'not even an object', 'stranger')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    // a receptionist on an admin channel hears about the role, not the fields
    await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-123' });
    await t.call('auth.login', { username: 'li', password: 'li-pass-123' }, 'desk');
    expect(await t.raw('operators.create', garbage, 'desk')).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    // a locked screen hears that it is locked
    await t.call('auth.lock', {}, 'desk');
    expect(await t.raw('roster.search', { q: 42 }, 'desk')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // the signed-in admin gets the field, named in Chinese, and its path
    const admin = await t.raw('roster.buildings.create', garbage);
    expect(admin).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { field: 'code' } } });
    if (!admin.ok) expect(admin.error.message).toBe('输入无效 — 编号：格式不对');
  });

  it('BAD_INPUT names nested fields in Chinese and carries their path', async () => {
    const t = await openReadyCore();
    const r = await t.raw('fees.quote', { roomId: null, lines: [{ itemId: 1 }, { itemId: 1, months: 0 }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { field: 'lines[1].months' } } });
    if (!r.ok) expect(r.error.message).toBe('输入无效 — 月数：不能小于 1');
    const card = await t.raw('cards.lookup', { number: '' });
    expect(card).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { field: 'number' } } });
    if (!card.ok) expect(card.error.message).toBe('输入无效 — 卡号：请刷卡或输入卡号');
  });

  it('refuses extra keys on strict empty inputs', async () => {
    const t = await openReadyCore();
    expect(await t.raw('roster.stats', { sneaky: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses oversized payloads before parsing them', async () => {
    const t = await openReadyCore();
    const r = await t.raw('roster.search', { q: 'x'.repeat(70_000) });
    expect(r).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    // a big import file is fine up to its own, larger limit
    const big = await t.raw('roster.import.start', {
      fileName: 'a.csv',
      data: Buffer.from('楼栋,房号,姓名\n1,101,张三\n').toString('base64'),
      createBuildings: true,
    });
    expect(big.ok).toBe(true);
  });

  it('property: arbitrary JSON to any channel never throws and never returns ok for a signed-out client on a protected channel', async () => {
    const t = await openReadyCore();
    const protectedChannels = Object.entries(contract)
      .filter(([, d]) => d.access !== 'public')
      .map(([c]) => c);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...protectedChannels), fc.jsonValue(), async (ch, payload) => {
        const r = await t.raw(ch, payload, 'stranger');
        expect(r.ok).toBe(false);
        // who may call is checked before what was sent: a stranger never sees a schema's complaint
        if (!r.ok) expect(['NOT_SIGNED_IN', 'PAYLOAD_TOO_LARGE']).toContain(r.error.code);
      }),
      { numRuns: 300 },
    );
  });

  it('an internal failure becomes INTERNAL with a message, not a thrown error', async () => {
    const t = await openReadyCore();
    t.core.need().db.exec('DROP INDEX residents_initials; ALTER TABLE residents RENAME TO residents_gone');
    const r = await t.raw('roster.search', { q: 'zw' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!r.ok) expect(r.error.message).toContain('数据未改动');
  });
});
