import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import * as visitsRepo from '../../src-main/features/visitors/visits.repo';
import { decodeEscPos } from '../devices/escpos-decode';
import { openVisitorsCore, walkUp, type VisitorsFixture } from '../support/visitors';

const HOUR = 3_600_000;
const inHours = (t: VisitorsFixture, h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();
const count = (t: VisitorsFixture, table: string) => (t.core.need().sql.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('walk-up check-in and its pass', () => {
  it('registers the visit, issues pass T01-V0000001 and prints it: the barcode decoded from the bytes is the pass number', async () => {
    const t = await openVisitorsCore();
    const r = await t.call('visitors.checkIn', walkUp({ partySize: 2, plate: '京a·12345' }, t.rooms.r501));
    expect(r.pass).toMatchObject({ passNo: 'T01-V0000001', kind: 'visitor', status: 'valid', zones: ['3'] });
    expect(r.visit).toMatchObject({
      status: 'on_site',
      nameMasked: '刘*',
      phoneMasked: '139****1234',
      docMasked: '****123X',
      plateMasked: '京A***45',
      roomCode: '3-2-501',
      consentPhoneMasked: '138****5678',
      partySize: 2,
      overdue: false,
    });
    // the default validity: 4 hours
    expect(r.visit.validUntil).toBe(inHours(t, 4));
    expect(r.printQueued).toBe(true);
    await t.settle();
    expect(t.printer.documents).toHaveLength(1);
    const d = decodeEscPos(t.printer.documents[0] as Uint8Array);
    expect(d.errors).toEqual([]);
    expect(d.barcodes.map((b) => b.code128?.text)).toEqual(['T01-V0000001']);
    const text = d.text.join('\n');
    expect(text).toContain('阳光花园');
    expect(text).toContain('访客通行证');
    expect(text).toContain('3-2-501');
    expect(text).toContain('刘* 等 2 人');
    expect(text).toMatch(/可进入\s+3栋/);
    expect(text).toContain('王经理');
    expect(text).not.toMatch(/刘洋|13900001234|京A12345|13812345678/);
    expect(verifyChain(t.core.need().sql).ok).toBe(true);
  });

  it('by the property setting the pass shows the building only, not the room', async () => {
    const t = await openVisitorsCore({ settings: { passShowsRoom: false } });
    await t.call('visitors.checkIn', walkUp({}, t.rooms.r501));
    await t.settle();
    const text = decodeEscPos(t.printer.documents[0] as Uint8Array).text.join('\n');
    expect(text).toMatch(/到访\s+3栋/);
    expect(text).not.toContain('3-2-501');
  });

  it('numbers passes gaplessly per terminal: a check-in refused half way takes no number', async () => {
    const t = await openVisitorsCore({ printer: false });
    const a = await t.call('visitors.checkIn', walkUp({}, t.rooms.r501));
    // refused after the place and consent were checked (the plate is fine, the validity is not)
    expect(await t.raw('visitors.checkIn', walkUp({ validUntil: inHours(t, 100) }, t.rooms.r501))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const b = await t.call('visitors.checkIn', walkUp({ visitorName: '王芳', phone: '13700005678' }, t.rooms.r502));
    const c = await t.call('visitors.checkIn', walkUp({ visitorName: '赵六', phone: '13600009999' }, t.rooms.r601));
    expect([a, b, c].map((x) => x.pass.passNo)).toEqual(['T01-V0000001', 'T01-V0000002', 'T01-V0000003']);
    expect(a.printQueued).toBe(false);
    // each kind has its own series
    const w = await t.call('visitors.workers.issue', {
      company: '美家装修',
      workerName: '陈师傅',
      phone: '13500001111',
      docType: 'id_card',
      docLast4: '4321',
      validFrom: '2026-11-23',
      validUntil: '2026-11-25',
      roomId: t.rooms.r501,
    });
    expect(w.pass.passNo).toBe('T01-W0000001');
  });

  it('a repeated submit with the same request id returns the visit already registered', async () => {
    const t = await openVisitorsCore({ printer: false });
    const a = await t.call('visitors.checkIn', walkUp({ requestId: 'visit-req-0001' }, t.rooms.r501));
    const b = await t.call('visitors.checkIn', walkUp({ requestId: 'visit-req-0001' }, t.rooms.r501));
    expect(b.visit.id).toBe(a.visit.id);
    expect(count(t, 'visits')).toBe(1);
    expect(count(t, 'pass_issues')).toBe(1);
  });

  it('a reprint is marked 副本 with the same barcode; a void needs a reason and takes the visit off the on-site list', async () => {
    const t = await openVisitorsCore();
    const r = await t.call('visitors.checkIn', walkUp({}, t.rooms.r501));
    const again = await t.call('visitors.passes.reprint', { passNo: 't01-v0000001' });
    expect(again.copy).toBe(1);
    await t.settle();
    expect(t.printer.documents).toHaveLength(2);
    const copy = decodeEscPos(t.printer.documents[1] as Uint8Array);
    expect(copy.text.join('\n')).toContain('副本');
    expect(copy.barcodes.map((b) => b.code128?.text)).toEqual(['T01-V0000001']);
    expect(decodeEscPos(t.printer.documents[0] as Uint8Array).text.join('\n')).not.toContain('副本');

    expect(await t.raw('visitors.passes.void', { passNo: r.pass.passNo, reason: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const v = await t.call('visitors.passes.void', { passNo: r.pass.passNo, reason: '登记错了房号' });
    expect(v).toMatchObject({ status: 'void', closeReason: '登记错了房号' });
    expect((await t.call('visitors.onSite', {})).visits).toBe(0);
    expect(await t.raw('visitors.passes.void', { passNo: r.pass.passNo, reason: '再作废一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.raw('visitors.passes.reprint', { passNo: r.pass.passNo })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.raw('visitors.checkOut', { passNo: r.pass.passNo })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('check-out', () => {
  it('by the scanned pass number, once; by search; the on-site list shows who is in and who is overdue first', async () => {
    const t = await openVisitorsCore({ printer: false });
    const a = await t.call('visitors.checkIn', walkUp({}, t.rooms.r501));
    await t.advance(HOUR);
    const b = await t.call('visitors.checkIn', walkUp({ visitorName: '王芳', phone: '13700005678', partySize: 3, validUntil: inHours(t, 8) }, t.rooms.r502));
    await t.advance(3.5 * HOUR);
    // a's 4 hours are over, b's 8 are not
    const site = await t.call('visitors.onSite', {});
    expect(site).toMatchObject({ visits: 2, people: 4, overdue: 1 });
    expect(site.visitors.map((v) => [v.passNo, v.overdue])).toEqual([
      [a.pass.passNo, true],
      [b.pass.passNo, false],
    ]);
    // the list is read as arrays: each row is the same as the visit read on its own
    const sql = t.core.need().sql;
    for (const row of visitsRepo.onSite(sql)) expect(row).toEqual(visitsRepo.visitById(sql, row.id));

    const out = await t.call('visitors.checkOut', { passNo: ` ${a.pass.passNo.toLowerCase()} ` });
    expect(out).toMatchObject({ status: 'checked_out', checkoutMethod: 'scan', checkedOutByName: '王经理' });
    expect(await t.call('visitors.passes.get', { passNo: a.pass.passNo })).toMatchObject({ status: 'returned' });
    const twice = await t.raw('visitors.checkOut', { passNo: a.pass.passNo });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!twice.ok) expect(twice.error.message).toContain('已于');
    expect(await t.raw('visitors.checkOut', { passNo: 'T01-V0000099' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await t.call('visitors.checkOut', { visitId: b.visit.id })).toMatchObject({ status: 'checked_out', checkoutMethod: 'search' });
    expect(await t.call('visitors.onSite', {})).toMatchObject({ visits: 0, people: 0, overdue: 0 });
  });

  it('in bulk only by a supervisor, with a reason, closing the passes', async () => {
    const t = await openVisitorsCore({ printer: false });
    await t.call('visitors.checkIn', walkUp({}, t.rooms.r501));
    await t.call('visitors.checkIn', walkUp({ visitorName: '王芳', phone: '13700005678' }, t.rooms.r502));
    const li = await t.asReceptionist();
    expect(await t.raw('visitors.checkOutBulk', { reason: '晚上十点统一离开' }, li)).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    expect(await t.raw('visitors.checkOutBulk', { reason: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.call('visitors.checkOutBulk', { reason: '晚上十点统一离开' })).toEqual({ count: 2 });
    expect((await t.call('visitors.onSite', {})).visits).toBe(0);
    expect(await t.call('visitors.passes.get', { passNo: 'T01-V0000002' })).toMatchObject({ status: 'closed', closeReason: '晚上十点统一离开' });
    const rows = t.core.need().sql.db.prepare('SELECT checkout_method AS m FROM visits').all() as Array<{ m: string }>;
    expect(rows.map((r) => r.m)).toEqual(['bulk', 'bulk']);
  });
});

describe('bad input changes nothing', () => {
  async function refused(t: VisitorsFixture, input: Parameters<typeof walkUp>[0], field: string, roomId: number | null = t.rooms.r501) {
    const r = await t.raw('visitors.checkIn', walkUp(input, roomId as number));
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!r.ok) {
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(JSON.stringify(r.error)).toContain(field);
    }
  }

  it('plates: ordinary and 8-character new-energy ones are taken (normalised); malformed ones are refused', async () => {
    const t = await openVisitorsCore({ printer: false });
    const ok = async (plate: string, stored: string) => {
      const r = await t.call('visitors.checkIn', walkUp({ plate }, t.rooms.r501));
      const row = t.core
        .need()
        .sql.db.prepare('SELECT p.plate FROM visits v JOIN visitor_personal p ON p.id = v.personal_id WHERE v.id = ?')
        .get(r.visit.id) as { plate: string };
      expect(row.plate).toBe(stored);
    };
    await ok('京A12345', '京A12345');
    await ok('粤b d12345', '粤BD12345');
    await ok('沪AF12345', '沪AF12345');
    await ok('京A12345D', '京A12345D');
    const before = count(t, 'visits');
    for (const bad of ['京A1234', '京AI2345', 'AA12345', '京A123456789', '京A1234$', 'X京A12345']) await refused(t, { plate: bad }, 'plate');
    expect(count(t, 'visits')).toBe(before);
    expect(count(t, 'visitor_personal')).toBe(before);
  });

  it('validity in the past or beyond the maximum is refused', async () => {
    const t = await openVisitorsCore({ printer: false });
    await refused(t, { validUntil: inHours(t, -0.5) }, 'validUntil');
    await refused(t, { validUntil: inHours(t, 25) }, 'validUntil');
    const r = await t.call('visitors.checkIn', walkUp({ validUntil: inHours(t, 24) }, t.rooms.r501));
    expect(r.visit.validUntil).toBe(inHours(t, 24));
    expect(count(t, 'visits')).toBe(1);
  });

  it('a room not in the roster is refused; a common area needs 公共区域 with a reason', async () => {
    const t = await openVisitorsCore({ printer: false });
    await refused(t, {}, 'roomId', 9999);
    await refused(t, { consent: 'none' }, 'commonAreaReason', null);
    await refused(t, { consent: 'none', commonAreaReason: ' ' }, 'commonAreaReason', null);
    // a visit to a room needs the resident's agreement; a common area takes none
    await refused(t, { consent: 'none' }, 'consent');
    await refused(t, { consent: 'phone', commonAreaReason: '物业办公室 面试' }, 'consent', null);
    expect(count(t, 'visits')).toBe(0);
    const r = await t.call(
      'visitors.checkIn',
      walkUp({ roomId: null, consent: 'none', consentPhone: undefined, commonAreaReason: '物业办公室 面试', zones: [t.buildings.b5] }, 0),
    );
    expect(r.visit).toMatchObject({ roomId: null, commonAreaReason: '物业办公室 面试', zones: ['5'] });
    expect(r.pass.roomCode).toBeNull();
  });

  it('control characters in names are refused', async () => {
    const t = await openVisitorsCore({ printer: false });
    for (const bad of ['刘\u0000洋', '刘\u202e洋', '刘\n洋', '刘\u200b洋']) await refused(t, { visitorName: bad }, 'visitorName');
    expect(count(t, 'visitor_personal')).toBe(0);
  });
});

describe('identity documents', () => {
  it('by default only the last four characters are kept: a whole number is refused, not stored', async () => {
    const t = await openVisitorsCore({ printer: false });
    const whole = '11010119900307123X';
    const r = await t.raw('visitors.checkIn', walkUp({ docLast4: undefined, docNumber: whole }, t.rooms.r501));
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await t.call('visitors.checkIn', walkUp({}, t.rooms.r501));
    const file = t.core.need().sql.db.prepare('SELECT doc_last4, doc_sealed FROM visitor_personal').all();
    expect(file).toEqual([{ doc_last4: '123X', doc_sealed: null }]);
    // not shown: no document asked for
    expect(await t.raw('visitors.checkIn', walkUp({ docType: 'none', docLast4: '1234' }, t.rooms.r501))).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect((await t.call('visitors.checkIn', walkUp({ docType: 'none', docLast4: undefined }, t.rooms.r501))).visit.docMasked).toBe('');
  });

  it('where the property requires the whole number it is sealed at rest and shown whole only with a reason (audited)', async () => {
    const t = await openVisitorsCore({ printer: false, settings: { fullDocumentNumber: true } });
    const whole = '11010119900307123X';
    expect(await t.raw('visitors.checkIn', walkUp({}, t.rooms.r501))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const r = await t.call('visitors.checkIn', walkUp({ docLast4: undefined, docNumber: whole }, t.rooms.r501));
    expect(r.visit.docMasked).toBe('****123X');
    const row = t.core.need().sql.db.prepare('SELECT doc_last4, doc_sealed FROM visitor_personal').get() as { doc_last4: string; doc_sealed: string };
    expect(row.doc_last4).toBe('123X');
    expect(row.doc_sealed).not.toContain('110101');
    expect(row.doc_sealed.startsWith('vd1:')).toBe(true);
    // the file on disk holds no whole number either
    t.core.need().sql.db.pragma('wal_checkpoint(TRUNCATE)');
    const fs = await import('node:fs');
    const raw = fs.readFileSync(t.core.dbFile);
    expect(raw.includes(Buffer.from('110101199003'))).toBe(false);

    expect(await t.raw('visitors.reveal', { visitId: r.visit.id, field: 'document', reason: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.call('visitors.reveal', { visitId: r.visit.id, field: 'document', reason: '派出所协查' })).toEqual({ value: whole });
    const audit = t.core.need().sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'visitor.reveal'").all() as Array<{ detail: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain(whole);
  });
});

describe('returning visitors', () => {
  it('are recognised by name and phone last four and pre-filled (masked); the carried details are used when left out', async () => {
    const t = await openVisitorsCore({ printer: false });
    expect(await t.call('visitors.returning', { name: '刘洋', phoneLast4: '1234' })).toBeNull();
    const first = await t.call('visitors.checkIn', walkUp({ plate: '京AD12345', purpose: 'repair', purposeNote: '修空调' }, t.rooms.r501));
    await t.call('visitors.checkOut', { visitId: first.visit.id });
    await t.call('visitors.checkIn', walkUp({ visitorName: '刘洋', phone: '13900005555' }, t.rooms.r502));
    const hit = await t.call('visitors.returning', { name: ' 刘洋 ', phoneLast4: '1234' });
    expect(hit).toMatchObject({
      visitId: first.visit.id,
      nameMasked: '刘*',
      phoneMasked: '139****1234',
      docMasked: '****123X',
      plateMasked: '京A****45',
      purpose: 'repair',
      roomCode: '3-2-501',
      visits: 1,
    });
    expect(JSON.stringify(hit)).not.toMatch(/13900001234|京AD12345/);
    expect(await t.call('visitors.returning', { name: '刘阳', phoneLast4: '1234' })).toBeNull();
    expect(await t.call('visitors.returning', { name: '刘洋', phoneLast4: '4321' })).toBeNull();

    const again = await t.call('visitors.checkIn', {
      visitorName: '刘洋',
      fromVisitId: first.visit.id,
      docType: 'id_card',
      partySize: 1,
      purpose: 'repair',
      roomId: t.rooms.r501,
      consent: 'owner_present',
    });
    expect(again.visit).toMatchObject({ phoneMasked: '139****1234', docMasked: '****123X', plateMasked: '京A****45' });
    expect(await t.call('visitors.returning', { name: '刘洋', phoneLast4: '1234' })).toMatchObject({ visitId: again.visit.id, visits: 2 });
    // another person's earlier visit cannot be borrowed
    expect(
      await t.raw('visitors.checkIn', {
        visitorName: '王芳',
        fromVisitId: first.visit.id,
        docType: 'id_card',
        partySize: 1,
        purpose: 'friend',
        roomId: t.rooms.r501,
        consent: 'owner_present',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
