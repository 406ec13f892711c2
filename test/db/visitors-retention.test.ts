import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { auditCheck } from '../../src-main/db/audit-check';
import { expectedTriggers } from '../../src-main/db/guards';
import { openVisitorsCore, walkUp, type VisitorsFixture } from '../support/visitors';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PERSONAL = ['name', 'phone', 'phone_last4', 'doc_last4', 'doc_sealed', 'plate'] as const;

type Row = Record<string, unknown>;
const rows = (t: VisitorsFixture, q: string, ...p: unknown[]) =>
  t.core
    .need()
    .sql.db.prepare(q)
    .all(...p) as Row[];

/** Visits, passes of every kind, an appointment and a refusal on 2026-11-23, whole documents sealed. */
async function dayOfVisitors(t: VisitorsFixture) {
  const a = await t.call('visitors.checkIn', walkUp({ docLast4: undefined, docNumber: '11010119900307123X', plate: '京A12345' }, t.rooms.r501));
  const b = await t.call(
    'visitors.checkIn',
    walkUp({ visitorName: '王芳', phone: '13700005678', docLast4: undefined, docNumber: 'E12345678', partySize: 3 }, t.rooms.r502),
  );
  await t.call('visitors.checkOut', { passNo: a.pass.passNo });
  const w = await t.call('visitors.workers.issue', {
    company: '美家装修',
    workerName: '陈师傅',
    phone: '13500001111',
    docType: 'id_card',
    docNumber: '110101198001011234',
    validFrom: '2026-11-23',
    validUntil: '2026-11-23',
    roomId: t.rooms.r501,
  });
  const r = await t.call('visitors.removal.issue', {
    roomId: t.rooms.r501,
    applicantKind: 'owner',
    applicantName: '张伟',
    applicantPhone: '13812345678',
    items: [{ name: '家具', quantity: 1 }],
    plate: '京AD12345',
    date: '2026-11-23',
    windowFrom: '09:00',
    windowTo: '18:00',
  });
  await t.call('visitors.appointments.create', {
    visitorName: '周杰',
    phone: '13811112222',
    roomId: t.rooms.r501,
    date: '2026-11-23',
    partySize: 1,
    purpose: 'friend',
  });
  await t.call('visitors.refusals.save', { visitorName: '吴某', phoneLast4: '8888', roomId: null, reason: '多次骚扰住户', untilDate: '2026-11-23' });
  return { a, b, w, r };
}

describe('the retention job', () => {
  it('after the period erases exactly the personal data (name, phone, document, plate), keeping counts and pass numbers, audited, the chain intact', async () => {
    const t = await openVisitorsCore({ printer: false, settings: { fullDocumentNumber: true } });
    const { a, b, r } = await dayOfVisitors(t);
    expect(rows(t, 'SELECT count(*) AS n FROM visitor_personal')).toEqual([{ n: 6 }]);
    const keep = (q: string) => JSON.stringify(rows(t, q));
    const visitsBefore = keep('SELECT * FROM visits ORDER BY id');
    const passesBefore = keep('SELECT * FROM pass_issues ORDER BY id');
    const lastPass = (rows(t, 'SELECT max(id) AS id FROM pass_issues')[0] as { id: number }).id;
    const otherBefore = keep('SELECT * FROM removal_passes ORDER BY id') + keep('SELECT * FROM visitor_refusals ORDER BY id');

    // 89 days later nothing is due yet (the default period is 90 days from the end of the visit or pass)
    await t.advance(89 * DAY);
    expect(await t.call('visitors.retention.run', {})).toMatchObject({ erased: 0 });
    const dayBefore = await t.call('reports.period', { period: 'day', date: '2026-11-23' });
    expect(rows(t, 'SELECT count(*) AS n FROM visitor_personal WHERE erased_at IS NULL')).toEqual([{ n: 6 }]);

    await t.advance(2 * DAY);
    // a visit of today is not touched
    const fresh = await t.call(
      'visitors.checkIn',
      walkUp({ visitorName: '新访客', phone: '13600007777', docLast4: undefined, docNumber: 'G00000001' }, t.rooms.r501),
    );
    expect(await t.call('visitors.retention.run', {})).toMatchObject({ erased: 6 });

    const personal = rows(t, 'SELECT * FROM visitor_personal ORDER BY id');
    const erased = personal.filter((p) => p.erased_at !== null);
    expect(erased).toHaveLength(6);
    for (const p of erased) for (const c of PERSONAL) expect(p[c], `${c} of ${String(p.kind)}`).toBeNull();
    // the kind, the document type and the dates stay: counts by kind still work
    expect(erased.map((p) => p.kind).sort()).toEqual(['appointment', 'refusal', 'removal', 'visit', 'visit', 'worker']);
    const kept = personal.find((p) => p.erased_at === null);
    expect(kept).toMatchObject({ name: '新访客' });
    expect(String(kept?.doc_sealed)).toMatch(/^vd1:/);
    // the file holds none of the erased values any more
    const dump = JSON.stringify(rows(t, 'SELECT * FROM visitor_personal')) + JSON.stringify(rows(t, 'SELECT * FROM audit_log'));
    for (const gone of ['刘洋', '王芳', '陈师傅', '张伟', '周杰', '吴某', '13900001234', '京A12345', '京AD12345', '123X'])
      expect(dump, gone).not.toContain(gone);

    // nor does the file on disk: the erased values are overwritten, not left in free space, and the log is emptied
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(t.core.dbFile);
    for (const gone of ['刘洋', '王芳', '陈师傅', '周杰', '吴某', '13900001234', '13700005678', '京AD12345'])
      expect(bytes.includes(Buffer.from(gone)), gone).toBe(false);
    expect(fs.statSync(`${t.core.dbFile}-wal`).size).toBe(0);

    // visits, passes and the rest did not change: the numbers and the counts stay
    expect(keep(`SELECT * FROM visits WHERE id <= ${b.visit.id} ORDER BY id`)).toBe(visitsBefore);
    expect(keep(`SELECT * FROM pass_issues WHERE id <= ${lastPass} ORDER BY id`)).toBe(passesBefore);
    expect(keep('SELECT * FROM removal_passes ORDER BY id') + keep('SELECT * FROM visitor_refusals ORDER BY id')).toBe(otherBefore);
    // the appointment was not used: a no-show since the end of its day (the job's other task)
    expect(rows(t, 'SELECT status, personal_id FROM visitor_appointments')).toEqual([{ status: 'no_show', personal_id: 5 }]);
    const dayAfter = await t.call('reports.period', { period: 'day', date: '2026-11-23' });
    expect(dayAfter.visitors).toEqual(dayBefore.visitors);
    expect(await t.call('visitors.passes.get', { passNo: a.pass.passNo })).toMatchObject({ passNo: 'T01-V0000001', status: 'returned', holder: null });
    expect((await t.call('visitors.search', { date: '2026-11-23' })).map((v) => [v.passNo, v.nameMasked, v.erased])).toEqual([
      [b.pass.passNo, '已删除', true],
      [a.pass.passNo, '已删除', true],
    ]);
    expect((await t.call('visitors.removal.list', {}))[0]).toMatchObject({ passNo: r.pass.passNo, applicantMasked: '已删除', plate: '', erased: true });
    expect(await t.call('visitors.returning', { name: '刘洋', phoneLast4: '1234' })).toBeNull();
    expect(await t.raw('visitors.reveal', { visitId: a.visit.id, field: 'document', reason: '派出所协查' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // audited: one entry per chunk, counts and ids, never the data
    const audit = rows(t, "SELECT operator_id, entity, detail FROM audit_log WHERE action = 'visitor.erase'");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]?.detail))).toMatchObject({ count: 6, retentionDays: 90 });
    // the chain and every ledger row's digest still verify
    const sql = t.core.need().sql;
    expect(verifyChain(sql).ok).toBe(true);
    const check = auditCheck(sql.db, { expected: expectedTriggers(), since: null, full: true, at: t.clock.now().toISOString() });
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    // a second run finds nothing more
    expect(await t.call('visitors.retention.run', {})).toMatchObject({ erased: 0 });
    expect(fresh.visit.nameMasked).toBe('新**');
  });

  it('the period is the property’s setting; an on-site visitor’s period runs from the end of the pass', async () => {
    const t = await openVisitorsCore({ printer: false, settings: { retentionDays: 7 } });
    const v = await t.call('visitors.checkIn', walkUp({ validUntil: new Date(t.clock.now().getTime() + 24 * HOUR).toISOString() }, t.rooms.r501));
    // 7 days after check-in, but the pass ended only 6 days ago
    await t.advance(7 * DAY + HOUR);
    expect(await t.call('visitors.retention.run', {})).toMatchObject({ erased: 0 });
    await t.advance(DAY);
    expect(await t.call('visitors.retention.run', {})).toMatchObject({ erased: 1 });
    expect((await t.call('visitors.onSite', {})).visitors[0]).toMatchObject({ id: v.visit.id, nameMasked: '已删除', erased: true });
    // erased data stays erased: the store refuses writing it back
    expect(() => t.core.need().sql.db.prepare("UPDATE visitor_personal SET name = '刘洋' WHERE id = 1").run()).toThrow(/erased/);
    expect(() => t.core.need().sql.db.prepare('DELETE FROM visitor_personal WHERE id = 1').run()).toThrow(/never deleted/);
  });

  it('works in chunks, each its own transaction and audit entry, with the event loop free between them', async () => {
    const t = await openVisitorsCore({ printer: false });
    for (let i = 0; i < 9; i++)
      await t.call('visitors.checkIn', walkUp({ visitorName: `访客${i}`, phone: `1380000${String(i).padStart(4, '0')}` }, t.rooms.r501));
    await t.advance(91 * DAY);
    let turns = 0;
    let spinning = true;
    const spin = () => {
      if (!spinning) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const done = await t.core.need().visitors.retention.run(2);
    spinning = false;
    expect(done.erased).toBe(9);
    const audit = rows(t, "SELECT detail FROM audit_log WHERE action = 'visitor.erase' ORDER BY seq").map(
      (r) => JSON.parse(String(r.detail)) as { count: number },
    );
    expect(audit.map((a) => a.count)).toEqual([2, 2, 2, 2, 1]);
    // the loop ran between the chunks (at least once between each two)
    expect(turns).toBeGreaterThanOrEqual(4);
    expect(verifyChain(t.core.need().sql).ok).toBe(true);
  });

  it('runs at start and then at the night hour on the property clock (the business day’s cut-off, 04:00), not 24 hours after start', async () => {
    const t = await openVisitorsCore({ printer: false });
    const job = t.core.need().visitors.retention;
    // 2026-11-23 10:00 in Shanghai: the visit ends at 14:00 (the pass's validity); erased 90 days after that
    await t.call('visitors.checkIn', walkUp({}, t.rooms.r501));
    const first = job.tick();
    expect(first).not.toBeNull();
    expect(await first).toMatchObject({ erased: 0 });
    expect(job.nextRunAt()?.toISOString()).toBe('2026-11-23T20:00:00.000Z'); // 04:00 on the 24th in Shanghai
    expect(job.tick()).toBeNull();
    // 24 hours after start would be 10:00 on the 24th; the night's run is at 04:00
    await t.advance(17 * HOUR + 59 * 60_000); // 03:59 on the 24th
    expect(job.tick()).toBeNull();
    await t.advance(60_000);
    expect(await job.tick()).toMatchObject({ erased: 0 });
    expect(job.nextRunAt()?.toISOString()).toBe('2026-11-24T20:00:00.000Z');
    // the night of 21 February (89 days on): nothing due yet — the visit is due from 14:00 that day
    await t.advance(89 * DAY);
    expect(await job.tick()).toMatchObject({ erased: 0 });
    // 15:00: due, but the job waits for the night
    await t.advance(11 * HOUR);
    expect(job.tick()).toBeNull();
    expect(rows(t, 'SELECT name FROM visitor_personal')[0]?.name).toBe('刘洋');
    // 04:00 on the 22nd: erased
    await t.advance(13 * HOUR);
    expect(await job.tick()).toMatchObject({ erased: 1 });
    expect(rows(t, 'SELECT name FROM visitor_personal')[0]?.name).toBeNull();
    expect(job.tick()).toBeNull();
  });
});
