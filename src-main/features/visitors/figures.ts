import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { VisitorsSection } from '@shared/contract/summary';
import { openCounts, formStateCounts } from './passes.repo';

/**
 * Counts of the visitor area for the handover, the nightly summary and the reports: numbers only, no names, no
 * plates. Each count is a range on an index over the window (visits_checked_in, visits_checked_out,
 * pass_issues_issued, pass_issues_closed, pass_issues_until, pass_verifications_at) or a partial index of what is
 * open now (visits_on_site, pass_issues_open).
 */

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
const ON_SITE = raw<boolean>`status = 'on_site'`;

export interface VisitorHandoverCounts {
  onSite: number;
  people: number;
  overdue: number;
  workerOut: number;
  workerExpired: number;
  removalIssued: number;
  removalVerified: number;
  /** blank pre-printed forms on record; null when passes are printed by the app */
  formsInStock: number | null;
}

/** What the outgoing shift hands over: visitors on site and overdue now, workers' passes out and expired now, removal passes of the shift. */
export function handoverCounts(sql: Sql, now: string, since: string, formsMode: boolean): VisitorHandoverCounts {
  const site = sql.get(
    qb
      .selectFrom('visits')
      .select([
        (eb) => eb.fn.countAll<number>().as('visits'),
        raw<number>`coalesce(sum(party_size), 0)`.as('people'),
        raw<number>`coalesce(sum(valid_until <= ${now}), 0)`.as('overdue'),
      ])
      .where(ON_SITE),
  );
  const workers = openCounts(sql, 'worker', now);
  const issued = sql.get(
    qb
      .selectFrom('pass_issues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('issued_at', '>=', since)
      .where('kind', '=', 'removal'),
  );
  const verified = sql.get(
    qb
      .selectFrom('pass_verifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at', '>=', since),
  );
  return {
    onSite: n(site?.visits),
    people: n(site?.people),
    overdue: n(site?.overdue),
    workerOut: workers.inForce,
    workerExpired: workers.expired,
    removalIssued: n(issued?.n),
    removalVerified: n(verified?.n),
    formsInStock: formsMode ? formStateCounts(sql).in_stock : null,
  };
}

/**
 * The visitor area's figures of a window [from, to): a business day for head office, a day/week/month for reports.
 * A pass expired in the window when its (exclusive) end fell in (from, to] and had come by `now` — a worker's pass
 * ending at the midnight after its last day counts on that day; a pass still running counts nowhere yet.
 */
export function visitorFigures(sql: Sql, from: string, to: string, now: string): VisitorsSection {
  const expiredBy = now < to ? now : to;
  const v = sql.get(
    qb
      .selectFrom('visits')
      .select([
        (eb) => eb.fn.countAll<number>().as('visits'),
        raw<number>`coalesce(sum(CASE WHEN status <> 'void' THEN party_size ELSE 0 END), 0)`.as('people'),
        raw<number>`coalesce(sum(refusal_id IS NOT NULL), 0)`.as('overrides'),
        raw<number>`coalesce(sum(status = 'void'), 0)`.as('void'),
      ])
      .where('checked_in_at', '>=', from)
      .where('checked_in_at', '<', to),
  );
  const out = sql.get(
    qb
      .selectFrom('visits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('checked_out_at', '>=', from)
      .where('checked_out_at', '<', to)
      .where('checkout_method', '!=', 'void'),
  );
  const issued = sql.all(
    qb
      .selectFrom('pass_issues')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('issued_at', '>=', from)
      .where('issued_at', '<', to)
      .groupBy('kind'),
  );
  const closed = sql.all(
    qb
      .selectFrom('pass_issues')
      .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to)
      .groupBy(['kind', 'status']),
  );
  // expired in the window: the validity ended then and the pass was not handed back (or voided) before it ended
  const expired = sql.all(
    qb
      .selectFrom('pass_issues')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('valid_until', '>', from)
      .where('valid_until', '<=', expiredBy)
      .where((eb) =>
        eb.or([eb('status', '=', 'valid'), eb.and([eb('closed_at', '>=', eb.ref('valid_until')), eb('status', 'in', ['returned', 'closed', 'lost'])])]),
      )
      .groupBy('kind'),
  );
  const verified = sql.get(
    qb
      .selectFrom('pass_verifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at', '>=', from)
      .where('at', '<', to),
  );
  const of = (rows: Array<{ kind: string; n: number }>, kind: string) => n(rows.find((r) => r.kind === kind)?.n);
  const closedOf = (kind: string, status: string) => n(closed.find((r) => r.kind === kind && r.status === status)?.n);
  return {
    available: true,
    visits: n(v?.visits) - n(v?.void),
    people: n(v?.people),
    checkedOut: n(out?.n),
    refusalOverrides: n(v?.overrides),
    visitorPasses: {
      issued: of(issued, 'visitor'),
      returned: closedOf('visitor', 'returned') + closedOf('visitor', 'closed'),
      expired: of(expired, 'visitor'),
      void: closedOf('visitor', 'void'),
    },
    workerPasses: {
      issued: of(issued, 'worker'),
      returned: closedOf('worker', 'returned'),
      expired: of(expired, 'worker'),
      void: closedOf('worker', 'void'),
      lost: closedOf('worker', 'lost'),
    },
    removalPasses: { issued: of(issued, 'removal'), verified: n(verified?.n), void: closedOf('removal', 'void') },
  };
}
