import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { openVisitorsCore, walkUp, type VisitorsFixture } from '../support/visitors';

const HOUR = 3_600_000;

async function refuse(
  t: VisitorsFixture,
  extra: { phoneLast4?: string; docLast4?: string; roomId?: number | null; visitorName?: string; reason?: string; untilDate?: string } = {},
) {
  return t.call('visitors.refusals.save', { visitorName: '刘洋', roomId: null, reason: '多次骚扰住户', untilDate: '2026-12-31', ...extra });
}

describe('the refusal list', () => {
  it('only a supervisor adds to it, with a name and a phone or document last four', async () => {
    const t = await openVisitorsCore({ printer: false });
    const li = await t.asReceptionist();
    expect(
      await t.raw('visitors.refusals.save', { visitorName: '刘洋', phoneLast4: '1234', roomId: null, reason: '多次骚扰住户', untilDate: '2026-12-31' }, li),
    ).toMatchObject({
      ok: false,
      error: { code: 'ROLE_REQUIRED' },
    });
    // a name alone would stop everyone of that name
    expect(await t.raw('visitors.refusals.save', { visitorName: '刘洋', roomId: null, reason: '多次骚扰住户', untilDate: '2026-12-31' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(
      await t.raw('visitors.refusals.save', { visitorName: '刘洋', phoneLast4: '1234', roomId: null, reason: '多次骚扰住户', untilDate: '2026-11-22' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const f = await refuse(t, { phoneLast4: '1234' });
    expect(f).toMatchObject({ nameMasked: '刘*', phoneLast4: '1234', active: true, roomId: null, untilDate: '2026-12-31', createdByName: '王经理' });
  });

  it('stops a check-in matching name and phone last four, with the reason, and changes nothing', async () => {
    const t = await openVisitorsCore({ printer: false });
    await refuse(t, { phoneLast4: '1234' });
    const r = await t.raw('visitors.checkIn', walkUp({}, t.rooms.r501));
    expect(r).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    if (!r.ok) {
      expect(r.error.message).toContain('多次骚扰住户');
      expect(r.error.message).toContain('拒绝来访名单');
    }
    const sql = t.core.need().sql;
    expect(sql.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 });
    expect(sql.db.prepare('SELECT count(*) AS n FROM pass_issues').get()).toEqual({ n: 0 });
    // the number the refused check-in would have had is the next one's
    expect((await t.call('visitors.checkIn', walkUp({ visitorName: '王芳' }, t.rooms.r501))).pass.passNo).toBe('T01-V0000001');
  });

  it('matches name + document last four too; a different name, or the same name with other digits, passes', async () => {
    const t = await openVisitorsCore({ printer: false });
    await refuse(t, { docLast4: '123x' });
    expect(await t.raw('visitors.checkIn', walkUp({ phone: '13000000000' }, t.rooms.r501))).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(await t.raw('visitors.checkIn', walkUp({ visitorName: '刘阳' }, t.rooms.r501))).toMatchObject({ ok: true });
    expect(await t.raw('visitors.checkIn', walkUp({ docLast4: '9999', phone: '13000000000' }, t.rooms.r501))).toMatchObject({ ok: true });
  });

  it("a resident's instruction is scoped to the room: the same visitor may visit another room", async () => {
    const t = await openVisitorsCore({ printer: false });
    const f = await refuse(t, { phoneLast4: '1234', roomId: t.rooms.r501, reason: '业主要求不接待此人' });
    expect(f.roomCode).toBe('3-2-501');
    const r = await t.raw('visitors.checkIn', walkUp({}, t.rooms.r501));
    expect(r).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    if (!r.ok) expect(r.error.message).toContain('3-2-501 住户要求');
    expect(await t.raw('visitors.checkIn', walkUp({}, t.rooms.r502))).toMatchObject({ ok: true });
  });

  it('an ended refusal, or one past its end date, stops no one', async () => {
    const t = await openVisitorsCore({ printer: false });
    const f = await refuse(t, { phoneLast4: '1234', untilDate: '2026-11-23' });
    expect(await t.raw('visitors.checkIn', walkUp({}, t.rooms.r501))).toMatchObject({ ok: false });
    // the next day on the property's calendar (16:00Z = 00:00 in Shanghai)
    await t.advance(14 * HOUR);
    expect(await t.raw('visitors.checkIn', walkUp({}, t.rooms.r501))).toMatchObject({ ok: true });
    const g = await refuse(t, { phoneLast4: '1234' });
    expect(await t.raw('visitors.checkIn', walkUp({}, t.rooms.r501))).toMatchObject({ ok: false });
    expect(await t.call('visitors.refusals.end', { id: g.id, reason: '业主撤销' })).toMatchObject({ active: false, endReason: '业主撤销' });
    expect(await t.raw('visitors.checkIn', walkUp({}, t.rooms.r501))).toMatchObject({ ok: true });
    expect((await t.call('visitors.refusals.list', { includeEnded: true })).map((x) => x.id).sort()).toEqual([f.id, g.id].sort());
    expect(await t.call('visitors.refusals.list', {})).toEqual([]);
  });

  it('a supervisor override lets the visitor in and is recorded on the visit and in the audit chain', async () => {
    const t = await openVisitorsCore({ printer: false });
    const f = await refuse(t, { phoneLast4: '1234' });
    const li = await t.asReceptionist();
    // an approval for another entry does not open this one
    const wrong = await t.approve('visitor.admitRefused', `refusal-${f.id + 1}`, li);
    expect(await t.raw('visitors.checkIn', walkUp({ approvalId: wrong }, t.rooms.r501), li)).toMatchObject({ ok: false });
    const ok = await t.approve('visitor.admitRefused', `refusal-${f.id}`, li);
    const r = await t.call('visitors.checkIn', walkUp({ approvalId: ok }, t.rooms.r501), li);
    expect(r.visit.refusalOverride).toEqual({ reason: '多次骚扰住户', approverName: '赵主管' });
    // the approval is used once
    expect(await t.raw('visitors.checkIn', walkUp({ approvalId: ok }, t.rooms.r501), li)).toMatchObject({ ok: false });
    const sql = t.core.need().sql;
    const row = sql.db.prepare('SELECT refusal_id, approval_id, approver_id FROM visits WHERE id = ?').get(r.visit.id) as {
      refusal_id: number;
      approval_id: string;
      approver_id: number;
    };
    expect(row).toMatchObject({ refusal_id: f.id, approval_id: ok });
    const audit = sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'visitor.checkIn'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ refusalId: f.id, approvalId: ok });
    expect(verifyChain(sql).ok).toBe(true);
    const day = await t.call('reports.period', { period: 'day', date: '2026-11-23' });
    expect(day.visitors.refusalOverrides).toBe(1);
  });
});

describe('appointments', () => {
  const appt = (t: VisitorsFixture, date = '2026-11-23') =>
    t.call('visitors.appointments.create', { visitorName: '周杰', phone: '13811112222', roomId: t.rooms.r501, date, partySize: 2, purpose: 'friend' });

  it('planned → checked in (from the appointment) → checked out', async () => {
    const t = await openVisitorsCore({ printer: false });
    const a = await appt(t);
    expect(a).toMatchObject({ status: 'planned', nameMasked: '周*', phoneMasked: '138****2222', roomCode: '3-2-501' });
    const r = await t.call(
      'visitors.checkIn',
      walkUp({ visitorName: '周杰', phone: '13811112222', consent: 'appointment', consentPhone: undefined, appointmentId: a.id, partySize: 2 }, t.rooms.r501),
    );
    expect(r.visit.appointmentId).toBe(a.id);
    expect((await t.call('visitors.appointments.list', {}))[0]).toMatchObject({ id: a.id, status: 'checked_in', visitId: r.visit.id });
    // used once
    expect(await t.raw('visitors.checkIn', walkUp({ consent: 'appointment', consentPhone: undefined, appointmentId: a.id }, t.rooms.r501))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await t.call('visitors.checkOut', { passNo: r.pass.passNo });
    expect((await t.call('visitors.appointments.list', {}))[0]?.status).toBe('checked_out');
  });

  it('a check-in from an appointment takes the visitor’s name and phone from it when the screen sends none (it has them masked only)', async () => {
    const t = await openVisitorsCore({ printer: false });
    const a = await appt(t);
    const {
      visitorName: _n,
      phone: _p,
      ...rest
    } = walkUp({ consent: 'appointment', consentPhone: undefined, appointmentId: a.id, partySize: 2 }, t.rooms.r501);
    const r = await t.call('visitors.checkIn', rest);
    expect(r.visit).toMatchObject({ appointmentId: a.id, nameMasked: '周*', phoneMasked: '138****2222' });
    const row = t.core
      .need()
      .sql.db.prepare('SELECT p.name, p.phone FROM visits v JOIN visitor_personal p ON p.id = v.personal_id WHERE v.id = ?')
      .get(r.visit.id);
    expect(row).toEqual({ name: '周杰', phone: '13811112222' });
    // typed details still win (the visitor gives another number at the desk)
    const b = await appt(t);
    const typed = await t.call(
      'visitors.checkIn',
      walkUp({ visitorName: '周杰', phone: '13955556666', consent: 'appointment', consentPhone: undefined, appointmentId: b.id }, t.rooms.r501),
    );
    expect(typed.visit.phoneMasked).toBe('139****6666');
    // without an appointment the name is required
    const { visitorName: _m, ...nameless } = walkUp({}, t.rooms.r501);
    expect(await t.raw('visitors.checkIn', nameless)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { field: 'visitorName' } } });
  });

  it('cancelled with a reason; a cancelled one cannot be used', async () => {
    const t = await openVisitorsCore({ printer: false });
    const a = await appt(t);
    expect(await t.raw('visitors.appointments.cancel', { id: a.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.call('visitors.appointments.cancel', { id: a.id, reason: '住户来电取消' })).toMatchObject({
      status: 'cancelled',
      cancelReason: '住户来电取消',
    });
    expect(await t.raw('visitors.checkIn', walkUp({ consent: 'appointment', consentPhone: undefined, appointmentId: a.id }, t.rooms.r501))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await t.raw('visitors.appointments.cancel', { id: a.id, reason: '再取消' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an unused appointment expires at the end of its day on the property calendar (a no-show), not before', async () => {
    const t = await openVisitorsCore({ printer: false });
    const today = await appt(t);
    const tomorrow = await appt(t, '2026-11-24');
    expect(
      await t.raw('visitors.appointments.create', { visitorName: '周杰', roomId: t.rooms.r501, date: '2026-11-22', partySize: 1, purpose: 'friend' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    // 23:59 in Shanghai (15:59Z): still planned, and usable
    await t.advance(13 * HOUR + 59 * 60_000);
    expect((await t.call('visitors.appointments.list', { date: '2026-11-23' }))[0]?.status).toBe('planned');
    // 00:00 in Shanghai: yesterday's is a no-show, today's is planned
    await t.advance(60_000);
    expect((await t.call('visitors.appointments.list', { date: '2026-11-23' }))[0]).toMatchObject({ id: today.id, status: 'no_show' });
    expect((await t.call('visitors.appointments.list', {}))[0]).toMatchObject({ id: tomorrow.id, status: 'planned' });
    expect(await t.raw('visitors.checkIn', walkUp({ consent: 'appointment', consentPhone: undefined, appointmentId: today.id }, t.rooms.r501))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // the nightly job expires them too
    await t.advance(24 * HOUR);
    expect(await t.call('visitors.retention.run', {})).toMatchObject({ noShows: 1 });
    expect((await t.call('visitors.appointments.list', { date: '2026-11-24' }))[0]?.status).toBe('no_show');
  });

  it("an appointment of another day cannot start today's check-in", async () => {
    const t = await openVisitorsCore({ printer: false });
    const a = await appt(t, '2026-11-24');
    expect(await t.raw('visitors.checkIn', walkUp({ consent: 'appointment', consentPhone: undefined, appointmentId: a.id }, t.rooms.r501))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
