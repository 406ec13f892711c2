import type { Db } from '../../db/open';
import type { DailySummary } from '@shared/contract/summary';
import { Sql } from '../../db/sql';
import { visitorFigures } from '../visitors/figures';

type Row = Record<string, number | string | null>;
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export type PeriodFigures = Pick<DailySummary, 'fees' | 'cash' | 'parcels' | 'keys' | 'cards' | 'serviceRequests' | 'audit'> & { visitors: NonNullable<DailySummary['visitors']> };

/** The figures of any window [from, to): a business day for the nightly summary, a week or month for reports. */
export function periodFigures(db: Db, input: { terminalId: string; from: Date; to: Date; overdueDays: number; now: Date; auditHead?: boolean }): PeriodFigures {
  const { from, to } = input;
  const f = from.toISOString();
  const t = to.toISOString();
  // `+terminal_id`: keeps the planner on the issued_at range (receipts_issued) instead of the (terminal_id, seq)
  // unique index, which would walk every receipt the terminal ever issued (120 ms at 500,000; the store has no ANALYZE)
  const q = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Row[];
  const one = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) ?? {}) as Row;

  // ——— fees: every numbered document of the day (receipts, voids and refunds share the sequence) ———
  const docs = one(
    `SELECT count(*) AS n, min(receipt_no) AS first, max(receipt_no) AS last FROM receipts WHERE +terminal_id = ? AND issued_at >= ? AND issued_at < ?`,
    input.terminalId,
    f,
    t,
  );
  const kinds = q(`SELECT kind, count(*) AS n, sum(total_fen) AS fen FROM receipts WHERE +terminal_id = ? AND issued_at >= ? AND issued_at < ? GROUP BY kind`, input.terminalId, f, t);
  const kind = (k: string) => {
    const r = kinds.find((x) => x.kind === k);
    return { count: num(r?.n), amountFen: num(r?.fen) };
  };
  const byItem = q(
    `SELECT l.name AS name, l.category AS category, count(*) AS n, sum(l.amount_fen) AS fen
       FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
      WHERE +r.terminal_id = ? AND r.issued_at >= ? AND r.issued_at < ?
      GROUP BY l.name, l.category ORDER BY l.category, l.name`,
    input.terminalId,
    f,
    t,
  ).map((r) => ({ name: String(r.name), category: String(r.category), lines: num(r.n), amountFen: num(r.fen) }));
  const byMethod = q(
    `SELECT p.method AS method, count(*) AS n, sum(p.amount_fen) AS fen
       FROM receipts r JOIN payments p ON p.receipt_id = r.id
      WHERE +r.terminal_id = ? AND r.issued_at >= ? AND r.issued_at < ?
      GROUP BY p.method ORDER BY p.method`,
    input.terminalId,
    f,
    t,
  ).map((r) => ({ method: String(r.method) as 'cash' | 'wechat' | 'alipay' | 'card', payments: num(r.n), amountFen: num(r.fen) }));

  // ——— cash sessions closed in the window ———
  const sessions = q(
    `SELECT id, operator_id, opened_at, closed_at, float_fen, expected_fen, counted_fen, variance_fen, variance_approval_id, status
       FROM cash_sessions WHERE terminal_id = ? AND closed_at >= ? AND closed_at < ? ORDER BY closed_at`,
    input.terminalId,
    f,
    t,
  ).map((r) => ({
    sessionId: num(r.id),
    operatorId: num(r.operator_id),
    openedAt: String(r.opened_at),
    closedAt: String(r.closed_at),
    floatFen: num(r.float_fen),
    expectedFen: num(r.expected_fen),
    countedFen: num(r.counted_fen),
    varianceFen: num(r.variance_fen),
    varianceApproved: r.variance_approval_id !== null,
    handedOver: r.status === 'handed_over',
  }));

  // ——— parcels: in and out in the window, stock and overdue as they stood at its end ———
  const overdueBefore = new Date(to.getTime() - input.overdueDays * 86_400_000).toISOString();
  const inByCarrier = q(`SELECT carrier, count(*) AS n FROM parcels WHERE intake_at >= ? AND intake_at < ? GROUP BY carrier`, f, t);
  const outRows = q(`SELECT carrier, status, count(*) AS n FROM parcels WHERE closed_at >= ? AND closed_at < ? GROUP BY carrier, status`, f, t);
  const outOf = (s: string) => outRows.filter((r) => r.status === s).reduce((a, r) => a + num(r.n), 0);
  // in stock at the end = arrived before it and not left before it. Counted from whichever side of the end holds
  // fewer parcels, so a day five years back does not walk every parcel since (index-only counts either way).
  const first = one(`SELECT min(intake_at) AS at FROM parcels`).at;
  const recent = typeof first !== 'string' || to.getTime() - Date.parse(first) > input.now.getTime() - to.getTime();
  let inStockAtEnd: number;
  let overdueAtEnd: number;
  if (recent) {
    // still in stock now, or left since the end
    inStockAtEnd =
      num(one(`SELECT count(*) AS n FROM parcels WHERE status = 'in_stock' AND intake_at < ?`, t).n) +
      num(one(`SELECT count(*) AS n FROM parcels WHERE closed_at >= ? AND intake_at < ?`, t, t).n);
    overdueAtEnd =
      num(one(`SELECT count(*) AS n FROM parcels WHERE status = 'in_stock' AND intake_at < ?`, overdueBefore).n) +
      num(one(`SELECT count(*) AS n FROM parcels WHERE closed_at >= ? AND intake_at < ?`, t, overdueBefore).n);
  } else {
    // everything that came before the end, less what had left by then (a parcel leaves after it comes)
    inStockAtEnd = num(one(`SELECT count(*) AS n FROM parcels WHERE intake_at < ?`, t).n) - num(one(`SELECT count(*) AS n FROM parcels WHERE closed_at < ?`, t).n);
    overdueAtEnd =
      num(one(`SELECT count(*) AS n FROM parcels WHERE intake_at < ?`, overdueBefore).n) -
      num(one(`SELECT count(*) AS n FROM parcels WHERE closed_at < ? AND intake_at < ?`, t, overdueBefore).n);
  }
  const carriers = [...new Set([...inByCarrier, ...outRows].map((r) => String(r.carrier)))].sort();

  // ——— keys: lent and returned in the window, out and overdue as they stood at its end ———
  const lent = q(`SELECT purpose, count(*) AS n FROM key_loans WHERE lent_at >= ? AND lent_at < ? GROUP BY purpose ORDER BY purpose`, f, t);
  const returned = num(one(`SELECT count(*) AS n FROM key_loans WHERE returned_at >= ? AND returned_at < ?`, f, t).n);
  const outAt = one(
    `SELECT count(*) AS n, sum(due_at < ?) AS overdue FROM key_loans WHERE lent_at < ? AND (returned_at IS NULL OR returned_at >= ?)`,
    t,
    t,
    t,
  );

  // ——— cards: each change of the day, by card number and room (no holder names) ———
  const changes = q(
    `SELECT e.at, e.kind, c.raw, e.card_type, r.code AS room FROM card_events e JOIN cards c ON c.id = e.card_id JOIN rooms r ON r.id = e.room_id
      WHERE e.at >= ? AND e.at < ? ORDER BY e.id`,
    f,
    t,
  ).map((r) => ({ at: String(r.at), kind: String(r.kind) as 'issue' | 'replace' | 'lost' | 'return' | 'blacklist', card: String(r.raw), cardType: String(r.card_type), room: String(r.room) }));
  const cardKind = (k: string) => changes.filter((c) => c.kind === k).length;

  // ——— service requests logged in the window, and what was done with them since ———
  const reqs = q(`SELECT kind, status, target_minutes, created_at, dispatched_at, done_at, satisfaction FROM service_requests WHERE created_at >= ? AND created_at < ?`, f, t);
  const dispatched = reqs.filter((r) => r.dispatched_at !== null);
  const sats = reqs.filter((r) => r.status === 'called_back' && typeof r.satisfaction === 'number').map((r) => num(r.satisfaction));

  // the chain head as of the end (walks back from the newest row: cheap for recent days; reports skip it)
  const head = input.auditHead === false ? {} : one(`SELECT seq, hash FROM audit_log WHERE at < ? ORDER BY seq DESC LIMIT 1`, t);

  return {
    fees: {
      available: true,
      documents: { count: num(docs.n), firstNo: docs.first === undefined ? null : (docs.first as string | null), lastNo: docs.last === undefined ? null : (docs.last as string | null) },
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
      in: inByCarrier.reduce((a, r) => a + num(r.n), 0),
      out: { pickedUp: outOf('picked_up'), returned: outOf('returned'), writtenOff: outOf('written_off') },
      inStockAtEnd,
      overdueAtEnd,
      overdueDays: input.overdueDays,
      byCarrier: carriers.map((c) => ({
        carrier: c,
        in: num(inByCarrier.find((r) => r.carrier === c)?.n),
        out: outRows.filter((r) => r.carrier === c).reduce((a, r) => a + num(r.n), 0),
      })),
    },
    keys: {
      available: true,
      lent: lent.reduce((a, r) => a + num(r.n), 0),
      returned,
      outAtEnd: num(outAt.n),
      overdueAtEnd: num(outAt.overdue),
      byPurpose: lent.map((r) => ({ purpose: String(r.purpose), lent: num(r.n) })),
    },
    cards: { available: true, issued: cardKind('issue'), replaced: cardKind('replace'), lost: cardKind('lost'), blacklisted: cardKind('blacklist'), returned: cardKind('return'), changes },
    serviceRequests: {
      available: true,
      logged: reqs.length,
      byKind: (['repair', 'complaint', 'suggestion', 'enquiry'] as const).map((k) => ({ kind: k, count: reqs.filter((r) => r.kind === k).length })).filter((x) => x.count > 0),
      dispatched: dispatched.length,
      dispatchedWithinTarget: dispatched.filter((r) => {
        const ms = Date.parse(String(r.dispatched_at)) - Date.parse(String(r.created_at));
        return ms >= 0 && ms <= num(r.target_minutes) * 60_000;
      }).length,
      done: reqs.filter((r) => r.done_at !== null).length,
      calledBack: sats.length,
      meanSatisfaction: sats.length ? sats.reduce((a, b) => a + b, 0) / sats.length : null,
    },
    visitors: visitorFigures(new Sql(db), f, t),
    audit: { headSeq: num(head.seq), headHash: typeof head.hash === 'string' ? head.hash : '' },
  };
}
