import { describe, expect, it } from 'vitest';
import { planStore } from '../support/plans';
import * as personal from '../../src-main/features/visitors/personal.repo';
import * as passes from '../../src-main/features/visitors/passes.repo';
import * as visits from '../../src-main/features/visitors/visits.repo';
import { handoverCounts, visitorFigures } from '../../src-main/features/visitors/figures';

/**
 * The visitor area's hot queries stay on their indexes with a million visits on file: the on-site list, the
 * returning-visitor lookup, check-out by pass number, the retention job's next chunk, the day's figures.
 */
describe('visitors query plans', () => {
  const { sql, planOf, plansOf } = planStore();
  const T = '2026-11-23T00:00:00.000Z';
  const U = '2026-11-24T00:00:00.000Z';

  it.each([
    ['on-site list', () => visits.onSite(sql), /SCAN v USING INDEX visits_on_site/],
    ['returning visitor: the last visit', () => personal.lastVisitOf(sql, '刘洋', '1234'), /SEARCH p USING (COVERING )?INDEX visitor_personal_returning/],
    ['pass by number', () => passes.passByNo(sql, 'T01-V0000001'), /SEARCH pi USING INDEX sqlite_autoindex_pass_issues_1 \(pass_no=\?\)/],
    ['retention: the next chunk due', () => personal.dueForErasure(sql, T, 500), /SEARCH visitor_personal USING INDEX visitor_personal_due \(retain_from<\?\)/],
    ['appointments of a day', () => visits.appointmentsOn(sql, '2026-11-23'), /SEARCH a USING INDEX visitor_appointments_day/],
    ['expired workers’ passes', () => passes.workerPasses(sql, { status: 'expired', now: T, limit: 200 }), /SEARCH pi USING INDEX pass_issues_open/],
    ['visits of a window (report sheet)', () => visits.visitsBetween(sql, T, U, 100), /SEARCH v USING INDEX visits_checked_in/],
  ])('%s', (_name, run, plan) => {
    const p = planOf(run);
    expect(p).toMatch(plan);
    expect(p).not.toMatch(/SCAN (v|p|pi|a|visitor_personal|visits|pass_issues)\b(?! USING)/);
  });

  it('the returning lookup counts on the same index', () => {
    const { db } = sql;
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO visitor_personal (kind, name, phone_last4, doc_type, retain_from, created_at) VALUES ('visit', '刘洋', '1234', 'none', ?, ?)").run(
      U,
      T,
    );
    db.prepare(
      "INSERT INTO visits (personal_id, party_size, purpose, room_id, consent, status, checked_in_at, checked_in_by, valid_until) VALUES (1, 1, 'friend', 1, 'owner_present', 'on_site', ?, 1, ?)",
    ).run(T, U);
    const all = plansOf(() => personal.lastVisitOf(sql, '刘洋', '1234'));
    // the first statement was planned (and cached) above; the count is prepared now that a visit is on file
    expect(all.length).toBeGreaterThanOrEqual(1);
    for (const p of all) expect(p).toMatch(/visitor_personal_returning/);
  });

  it('the figures of a window and the handover counts read ranges and partial indexes, never whole tables', () => {
    const all = [...plansOf(() => visitorFigures(sql, T, U, U)), ...plansOf(() => handoverCounts(sql, T, T, true))];
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const p of all) expect(p, p).not.toMatch(/SCAN (visits|pass_issues|pass_verifications)\b(?! USING)/);
  });
});
