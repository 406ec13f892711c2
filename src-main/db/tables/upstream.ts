import type { Generated } from 'kysely';

/** Kysely row types: the upstream outbox, one frozen body per business day and kind (0004). */

export type OutboxKind = 'daily-summary';
export type OutboxStatus = 'pending' | 'delivered' | 'stopped';

export interface UpstreamOutboxTable {
  id: Generated<number>;
  kind: OutboxKind;
  business_date: string;
  idempotency_key: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_http_status: number | null;
  last_error: string | null;
  /** 1 when head office already had the day (a 409, or a 2xx saying so) */
  duplicate: Generated<number>;
  /** head office's clock minus ours, learnt from a clock_skew answer */
  clock_skew_ms: number | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}
