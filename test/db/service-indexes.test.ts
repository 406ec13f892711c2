import { describe, expect, it } from 'vitest';
import { planStore } from '../support/plans';
import type { Sql } from '../../src-main/db/sql';
import * as cash from '../../src-main/features/cash/cash.repo';
import * as handover from '../../src-main/features/handover/handover.repo';
import * as requests from '../../src-main/features/requests/requests.repo';
import * as upstream from '../../src-main/sync/upstream.repo';

/**
 * The handover summary, the request queues and the upstream outbox run often (every handover, every list refresh,
 * every send tick) on tables that grow for years: each query is captured as its repository runs it, then explained.
 */
describe('handover, service log and outbox query plans', () => {
  const { sql, planOf } = planStore();

  it.each([
    // the handover summary and the handover screens
    ['start of this shift (the last handover)', () => handover.lastHandoverAt(sql), /^SEARCH handovers USING COVERING INDEX handovers_created$/],
    ['the pending handover', () => handover.latestPending(sql), /^SCAN h USING INDEX handovers_open /],
    [
      'past handovers, newest first',
      () => handover.listHandovers(sql, { term: undefined, unacknowledged: false, limit: 50 }),
      /^SCAN h USING INDEX handovers_created /,
    ],
    ['a handover', () => handover.handoverById(sql, 1), /^SEARCH h USING INTEGER PRIMARY KEY/],
    ['its items', () => handover.itemsOf(sql, 1), /^SEARCH i USING INDEX handover_items_handover \(handover_id=\?\)/],
    [
      'items still open before the acknowledgement',
      () => handover.openItemCount(sql, 1),
      /^SEARCH handover_items USING INDEX handover_items_handover \(handover_id=\?\)$/,
    ],
    ['my carry-over items', () => handover.ownedItems(sql, 1), /^SEARCH i USING INDEX handover_items_owner \(owner_operator_id=\? AND status=\?\)/],
    ['retried handover (request id)', () => handover.handoverByRequest(sql, 'r-00000001'), /sqlite_autoindex_handovers_1 \(request_id=\?\)/],
    ['the open cash session of the terminal', () => cash.openSession(sql, 'T01'), /^SEARCH s USING INDEX cash_sessions_one_open \(terminal_id=\?\)/],
    ['receipts of the open session', () => cash.receiptCount(sql, 1), /^SEARCH receipts USING COVERING INDEX receipts_session \(session_id=\?\)$/],
    // the service log
    ['the open queue', () => requests.listRequests(sql, 'open', undefined, 500), /^SEARCH r USING INDEX service_requests_status \(status=\?\)/],
    ['the callback queue', () => requests.listRequests(sql, 'callback', undefined, 500), /^SEARCH r USING INDEX service_requests_status \(status=\?\)/],
    ['the open queue searched', () => requests.listRequests(sql, 'open', '3-2', 50), /^SEARCH r USING INDEX service_requests_status \(status=\?\)/],
    ['every request, newest first', () => requests.listRequests(sql, 'all', undefined, 50), /^SCAN r USING INDEX service_requests_created /],
    [
      'requests logged in a month',
      () => requests.createdBetween(sql, '2026-11-01', '2026-12-01'),
      /^SEARCH r USING INDEX service_requests_created \(created_at>\? AND created_at<\?\)/,
    ],
    ['a request', () => requests.requestById(sql, 1), /^SEARCH r USING INTEGER PRIMARY KEY/],
    ['its events', () => requests.eventsOf(sql, 1), /^SEARCH e USING INDEX service_events_request \(request_id=\?\)/],
    ['retried log (request id)', () => requests.requestByRequestId(sql, 'r-00000001'), /sqlite_autoindex_service_requests_1 \(request_id=\?\)/],
    // the upstream outbox
    [
      'the next day due',
      () => upstream.nextDue(sql, '2026-11-23T00:00:00Z'),
      /^SEARCH upstream_outbox USING INDEX upstream_outbox_due \(status=\? AND next_attempt_at<\?\)/,
    ],
    [
      'days already built',
      () => upstream.daysSince(sql, 'daily-summary', '2026-08-01'),
      /^SEARCH upstream_outbox USING COVERING INDEX sqlite_autoindex_upstream_outbox_2 \(kind=\? AND business_date>\?\)$/,
    ],
    ['counts by status', () => upstream.countsByStatus(sql), /^SCAN upstream_outbox USING COVERING INDEX upstream_outbox_due$/],
    ['the last delivery', () => upstream.lastDeliveredAt(sql), /^SEARCH upstream_outbox USING INDEX upstream_outbox_due \(status=\?\)$/],
    ['the last stopped day', () => upstream.lastStopped(sql), /^SEARCH upstream_outbox USING INDEX upstream_outbox_due \(status=\?\)/],
  ])('%s', (_name, run, plan) => {
    expect(planOf(run)).toMatch(plan);
  });

  it.each([
    ['past handovers', (s: Sql) => handover.listHandovers(s, { term: undefined, unacknowledged: false, limit: 50 })],
    ['the pending handover', (s: Sql) => handover.latestPending(s)],
    ['every request', (s: Sql) => requests.listRequests(s, 'all', undefined, 50)],
  ])('%s come in index order, with no sort of the whole table', (_name, run) => {
    // a store of its own: the statements above are already cached in the first one
    const fresh = planStore();
    expect(fresh.planOf(() => run(fresh.sql))).not.toMatch(/TEMP B-TREE/);
  });
});
