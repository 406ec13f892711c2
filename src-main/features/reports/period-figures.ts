import type { Sql } from '../../db/sql';
import type { DailySummary } from '@shared/contract/summary';
import { visitorFigures } from '../visitors/figures';
import * as repo from './reports.repo';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export type PeriodFigures = Pick<DailySummary, 'fees' | 'cash' | 'parcels' | 'keys' | 'cards' | 'serviceRequests' | 'audit'> & {
  visitors: NonNullable<DailySummary['visitors']>;
};

/** The figures of any window [from, to): a business day for the nightly summary, a week or month for reports. */
export function periodFigures(
  sql: Sql,
  input: { terminalId: string; from: Date; to: Date; overdueDays: number; now: Date; auditHead?: boolean },
): PeriodFigures {
  const { from, to } = input;
  const w = { from: from.toISOString(), to: to.toISOString() };
  const t = w.to;

  // ——— fees ———
  const docs = repo.feeDocuments(sql, input.terminalId, w);
  const kinds = repo.feeKinds(sql, input.terminalId, w);
  const kind = (k: string) => {
    const r = kinds.find((x) => x.kind === k);
    return { count: num(r?.n), amountFen: num(r?.fen) };
  };
  const byItem = repo.feeByItem(sql, input.terminalId, w).map((r) => ({ name: r.name, category: r.category, lines: num(r.n), amountFen: num(r.fen) }));
  const byMethod = repo.feeByMethod(sql, input.terminalId, w).map((r) => ({ method: r.method, payments: num(r.n), amountFen: num(r.fen) }));

  // ——— cash sessions closed in the window ———
  const sessions = repo.closedSessions(sql, input.terminalId, w).map((r) => ({
    sessionId: r.id,
    operatorId: r.operator_id,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    floatFen: r.float_fen,
    expectedFen: num(r.expected_fen),
    countedFen: num(r.counted_fen),
    varianceFen: num(r.variance_fen),
    varianceApproved: r.variance_approval_id !== null,
    handedOver: r.status === 'handed_over',
  }));

  // ——— parcels: in and out in the window, stock and overdue as they stood at its end ———
  const overdueBefore = new Date(to.getTime() - input.overdueDays * 86_400_000).toISOString();
  const inByCarrier = repo.parcelsInByCarrier(sql, w);
  const outRows = repo.parcelsOutByCarrier(sql, w);
  const outOf = (s: string) => outRows.filter((r) => r.status === s).reduce((a, r) => a + r.n, 0);
  // in stock at the end = arrived before it and not left before it. Counted from whichever side of the end holds
  // fewer parcels, so a day five years back does not walk every parcel since (index-only counts either way).
  const first = repo.firstParcelAt(sql);
  const recent = first === null || to.getTime() - Date.parse(first) > input.now.getTime() - to.getTime();
  let inStockAtEnd: number;
  let overdueAtEnd: number;
  if (recent) {
    // still in stock now, or left since the end
    inStockAtEnd = repo.inStockCameBefore(sql, t) + repo.leftSinceCameBefore(sql, t, t);
    overdueAtEnd = repo.inStockCameBefore(sql, overdueBefore) + repo.leftSinceCameBefore(sql, t, overdueBefore);
  } else {
    // everything that came before the end, less what had left by then (a parcel leaves after it comes)
    inStockAtEnd = repo.cameBefore(sql, t) - repo.leftBefore(sql, t);
    overdueAtEnd = repo.cameBefore(sql, overdueBefore) - repo.leftBeforeCameBefore(sql, t, overdueBefore);
  }
  const carriers = [...new Set([...inByCarrier, ...outRows].map((r) => r.carrier))].sort();

  // ——— keys: lent and returned in the window, out and overdue as they stood at its end ———
  const lent = repo.keysLentByPurpose(sql, w);
  const returned = repo.keysReturned(sql, w);
  const outAt = repo.keysOutAt(sql, t);

  // ——— cards: each change of the day, by card number and room (no holder names) ———
  const changes = repo.cardChanges(sql, w).map((r) => ({ at: r.at, kind: r.kind, card: r.raw, cardType: r.card_type, room: r.room }));
  const cardKind = (k: string) => changes.filter((c) => c.kind === k).length;

  // ——— service requests logged in the window, and what was done with them since ———
  const reqs = repo.requestsLogged(sql, w);
  const dispatched = reqs.filter((r) => r.dispatched_at !== null);
  const sats = reqs.filter((r) => r.status === 'called_back' && typeof r.satisfaction === 'number').map((r) => num(r.satisfaction));

  // the chain head as of the end (walks back from the newest row: cheap for recent days; reports skip it)
  const head = input.auditHead === false ? undefined : repo.auditHeadBefore(sql, t);

  return {
    fees: {
      available: true,
      documents: { count: num(docs?.n), firstNo: docs?.first ?? null, lastNo: docs?.last ?? null },
      receipts: kind('receipt'),
      voids: kind('void'),
      refunds: kind('refund'),
      netFen: kinds.reduce((a, r) => a + num(r.fen), 0),
      byItem,
      byMethod,
    },
    cash: { available: true, sessions, varianceTotalFen: sessions.reduce((a, s) => a + s.varianceFen, 0) },
    parcels: {
      available: true,
      in: inByCarrier.reduce((a, r) => a + r.n, 0),
      out: { pickedUp: outOf('picked_up'), returned: outOf('returned'), writtenOff: outOf('written_off') },
      inStockAtEnd,
      overdueAtEnd,
      overdueDays: input.overdueDays,
      byCarrier: carriers.map((c) => ({
        carrier: c,
        in: num(inByCarrier.find((r) => r.carrier === c)?.n),
        out: outRows.filter((r) => r.carrier === c).reduce((a, r) => a + r.n, 0),
      })),
    },
    keys: {
      available: true,
      lent: lent.reduce((a, r) => a + r.n, 0),
      returned,
      outAtEnd: num(outAt?.n),
      overdueAtEnd: num(outAt?.overdue),
      byPurpose: lent.map((r) => ({ purpose: r.purpose, lent: r.n })),
    },
    cards: {
      available: true,
      issued: cardKind('issue'),
      replaced: cardKind('replace'),
      lost: cardKind('lost'),
      blacklisted: cardKind('blacklist'),
      returned: cardKind('return'),
      changes,
    },
    serviceRequests: {
      available: true,
      logged: reqs.length,
      byKind: (['repair', 'complaint', 'suggestion', 'enquiry'] as const)
        .map((k) => ({ kind: k, count: reqs.filter((r) => r.kind === k).length }))
        .filter((x) => x.count > 0),
      dispatched: dispatched.length,
      dispatchedWithinTarget: dispatched.filter((r) => {
        const ms = Date.parse(String(r.dispatched_at)) - Date.parse(r.created_at);
        return ms >= 0 && ms <= r.target_minutes * 60_000;
      }).length,
      done: reqs.filter((r) => r.done_at !== null).length,
      calledBack: sats.length,
      meanSatisfaction: sats.length ? sats.reduce((a, b) => a + b, 0) / sats.length : null,
    },
    visitors: visitorFigures(sql, w.from, w.to, input.now.toISOString()),
    audit: { headSeq: num(head?.seq), headHash: head?.hash ?? '' },
  };
}
