import type { Db } from '../../db/open';
import { Sql } from '../../db/sql';
import { closedSince, openSession, receiptCount } from '../cash/cash.repo';
import type { KeysService } from '../keys/keys.service';
import type { CardsService } from '../cards/cards.service';
import type { ParcelsReport } from '../parcels/parcels-report';
import type { RequestsService } from '../requests/requests.service';
import type { SummarySources } from './handover.service';
import type { VisitorHandoverCounts } from '../visitors/figures';

/** The features a handover summary reads from, as far as it reads them. */
export interface SummaryFeatures {
  keys: Pick<KeysService, 'count'>;
  cards: Pick<CardsService, 'stock'>;
  parcelsReport: Pick<ParcelsReport, 'stats'>;
  requests: Pick<RequestsService, 'list'>;
  visitors: { handoverCounts(since: string): VisitorHandoverCounts };
  receivables: { today(): { settledFen: number; earlierMonthsFen: number } };
  rooms: { handoverLines(since: string): { moveIns: string[]; toReview: number; toAccept: number; patrolsDue: string[] } };
}

/** The handover summary's parts, read from the other features at the moment of the handover. */
export function handoverSources(db: Db, features: SummaryFeatures, terminalId: () => string): SummarySources {
  const sql = new Sql(db);
  return {
    cash: (since) => {
      const o = openSession(sql, terminalId());
      const receipts = o ? receiptCount(sql, o.id) : 0;
      const closed = closedSince(sql, terminalId(), since).map((s) => ({
        sessionId: s.id,
        operatorName: s.operator_name,
        openedAt: s.opened_at,
        closedAt: s.closed_at ?? '',
        expectedFen: s.expected_fen ?? 0,
        countedFen: s.counted_fen ?? 0,
        varianceFen: s.variance_fen ?? 0,
        approverName: s.approver_name,
        handedOverTo: s.handed_over_to,
      }));
      return { open: !!o, operatorName: o?.operator_name ?? null, floatFen: o?.float_fen ?? null, receipts, openedAt: o?.opened_at ?? null, closed };
    },
    keys: () => {
      const c = features.keys.count();
      return { out: c.out, overdue: c.overdue, onBoard: c.expectedOnBoard };
    },
    cards: () => {
      const st = features.cards.stock();
      return { blankAccess: st.onHand.access, blankFunction: st.onHand.function };
    },
    parcels: () => {
      const p = features.parcelsReport.stats(undefined);
      return { inStock: p.inStock, overdue: p.overdue, overdueDays: p.overdueDays };
    },
    requests: () => {
      const r = features.requests;
      const open = r.list('open', undefined, 500);
      return {
        open: open.length,
        late: open.filter((x) => x.status === 'logged' && x.withinTarget === false).length,
        toCallBack: r.list('callback', undefined, 500).length,
      };
    },
    visitors: (since) => features.visitors.handoverCounts(since),
    receivables: () => features.receivables.today(),
    rooms: (since) => features.rooms.handoverLines(since),
  };
}
