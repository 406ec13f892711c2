import type { Sql } from '../db/sql';
import { appendAudit } from '../db/audit';
import type { Clock } from '../lib/clock';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/log';
import type { UpstreamDayView, UpstreamSettingsView } from '@shared/contract/upstream';
import { sendTime as sendTimeSchema, type upstreamSettingsInput } from '@shared/contract/upstream';
import type { SessionOperator } from '../features/operators/sessions';
import { getSetting, setSetting } from '../features/system/settings.repo';
import { addDays, businessDateOf, businessWindow, daysBetween, sendDueAt } from '@shared/calendar';
import { checkUrl, post, type PostResult } from './http-client';
import { alertText, classify, skewOf, type Outcome } from './outcome';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, idempotencyKey, sign } from './signing';
import { buildDailySummary } from './summary';
import { plainSecretStore, type SecretStore } from '../lib/sealed-secret';
import { StoredSecret } from './stored-secret';
import * as repo from './upstream.repo';
import type { OutboxRow } from './upstream.repo';
import { firstCreatedAt } from '../features/operators/operators.repo';
import type { z } from 'zod';

export interface UpstreamOptions {
  timeoutMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** 0..1, for the jitter (tests pass a fixed one) */
  random?: () => number;
  /** how far back a first start catches up (days) */
  maxCatchUpDays?: number;
}

interface Settings {
  enabled: boolean;
  url: string;
  sendTime: string;
  cutoffHour: number;
}
const DEFAULTS: Settings = { enabled: false, url: '', sendTime: '04:30', cutoffHour: 4 };

/**
 * 上报: builds each closed business day's summary once into the outbox (frozen body), sends it to head
 * office signed and with an Idempotency-Key, and retries with exponential backoff and jitter until a 2xx or
 * a 409 duplicate. 401/403 and other 4xx stop the day and raise an alert (a bad secret or URL is not fixed
 * by retrying); 408/429/5xx, timeouts and network errors retry. A nightly tick at the send time, plus a
 * catch-up at start for the days the PC was off.
 */
export class UpstreamService {
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  /** head office's clock minus ours, learnt from a clock_skew answer */
  private skewMs = 0;
  private readonly o: Required<UpstreamOptions>;
  private readonly stored: StoredSecret;

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly ctx: {
      terminalId: () => string;
      propertyName: () => string;
      overdueDays: () => number;
      timeZone: () => string;
      /** brings derived records up to date before days are built (the month charges of receivables) */
      beforeBuild?: () => void;
    },
    secrets: SecretStore = plainSecretStore,
    opts: UpstreamOptions = {},
  ) {
    this.stored = new StoredSecret(sql, clock, log, secrets);
    this.o = { timeoutMs: 15_000, backoffBaseMs: 30_000, backoffCapMs: 30 * 60_000, random: Math.random, maxCatchUpDays: 92, ...opts };
  }

  // ——— settings ———

  private raw(): Settings {
    const s = getSetting(this.sql, 'upstream_settings');
    if (!s) return DEFAULTS;
    try {
      const v = JSON.parse(s) as Partial<Settings>;
      return {
        enabled: v.enabled === true,
        url: typeof v.url === 'string' ? v.url : '',
        sendTime: sendTimeSchema.safeParse(v.sendTime).success ? (v.sendTime as string) : DEFAULTS.sendTime,
        cutoffHour:
          Number.isInteger(v.cutoffHour) && (v.cutoffHour as number) >= 0 && (v.cutoffHour as number) <= 23 ? (v.cutoffHour as number) : DEFAULTS.cutoffHour,
      };
    } catch {
      return DEFAULTS;
    }
  }

  private secret(): string {
    return this.stored.read().secret;
  }

  settings(): UpstreamSettingsView {
    const s = this.raw();
    return {
      ...s,
      terminalId: this.ctx.terminalId(),
      hasSecret: !!this.stored.sealed(),
      secretProtection: this.stored.protection(),
      secretProblem: this.stored.read().problem,
    };
  }

  /** True once a business day was built: the day boundaries (cut-off hour, time zone) then stay as they are. */
  hasBuiltDays(): boolean {
    return repo.hasDays(this.sql);
  }

  saveSettings(input: z.output<typeof upstreamSettingsInput>, actor: SessionOperator): UpstreamSettingsView {
    if (input.url) {
      const bad = checkUrl(input.url);
      if (bad) throw new AppError('BAD_INPUT', bad);
    }
    if (input.enabled && !input.url) throw new AppError('BAD_INPUT', '启用上报前请填写总部的上报地址。');
    if (input.enabled && !input.secret && !this.stored.sealed()) throw new AppError('BAD_INPUT', '启用上报前请填写总部提供的密钥。');
    if (this.hasBuiltDays() && input.cutoffHour !== this.raw().cutoffHour)
      throw new AppError('BAD_INPUT', '已经有营业日汇总生成过，不能再改营业日分界（否则会有几个小时被重复或漏报）：如确需修改，请先与总部确认。');
    const at = this.clock.now().toISOString();
    const next: Settings = { enabled: input.enabled, url: input.url, sendTime: input.sendTime, cutoffHour: input.cutoffHour };
    this.sql.tx(() => {
      setSetting(this.sql, 'upstream_settings', JSON.stringify(next), at);
      if (input.secret) this.stored.save(input.secret, at);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'settings.upstream',
        entity: 'settings',
        entityId: 'upstream',
        detail: { ...next, secretChanged: !!input.secret },
      });
    });
    return this.settings();
  }

  // ——— building the days ———

  /** The first business day this counter has data for (setup day). */
  private firstDay(cutoffHour: number): string | null {
    const at = firstCreatedAt(this.sql);
    return at ? businessDateOf(new Date(at), cutoffHour, this.ctx.timeZone()) : null;
  }

  /** Builds every day that is due and not in the outbox yet; returns how many were added. */
  ensureDays(now: Date = this.clock.now()): number {
    const s = this.raw();
    if (!s.enabled || !s.url) return 0;
    const first = this.firstDay(s.cutoffHour);
    if (!first) return 0;
    const tz = this.ctx.timeZone();
    let last = businessDateOf(now, s.cutoffHour, tz);
    while (last >= first && sendDueAt(last, s.cutoffHour, s.sendTime, tz).getTime() > now.getTime()) last = addDays(last, -1);
    const from = [first, addDays(last, -(this.o.maxCatchUpDays - 1))].sort()[1] as string;
    const have = new Set(repo.daysSince(this.sql, 'daily-summary', from));
    let added = 0;
    for (const day of daysBetween(from, last)) {
      if (have.has(day)) continue;
      if (added === 0) this.ctx.beforeBuild?.();
      const at = now.toISOString();
      this.sql.tx(() => {
        const summary = buildDailySummary(this.sql, {
          terminalId: this.ctx.terminalId(),
          propertyName: this.ctx.propertyName(),
          businessDate: day,
          cutoffHour: s.cutoffHour,
          timeZone: tz,
          overdueDays: this.ctx.overdueDays(),
          // the window's end, not the build time: a day rebuilt (after a restore) from the same data is the same bytes
          generatedAt: businessWindow(day, s.cutoffHour, tz).to,
        });
        repo.insertDay(this.sql, {
          kind: 'daily-summary',
          business_date: day,
          idempotency_key: idempotencyKey(this.ctx.terminalId(), day, 'daily-summary'),
          body: JSON.stringify(summary),
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          created_at: at,
          updated_at: at,
        });
      });
      added++;
    }
    return added;
  }

  // ——— sending ———

  /** Sends every due day, oldest first; a day that must wait ends the round (the receiver is likely down). */
  drain(): Promise<void> {
    this.draining ??= this.drainLoop().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async drainLoop(): Promise<void> {
    const s = this.raw();
    const secret = this.secret();
    if (!s.enabled || !s.url || !secret) return;
    for (;;) {
      const job = repo.nextDue(this.sql, this.clock.now().toISOString());
      if (!job) return;
      const outcome = await this.attempt(job, s.url, secret);
      this.record(job, outcome);
      if (outcome.kind !== 'delivered') return;
    }
  }

  private async attempt(job: OutboxRow, url: string, secret: string): Promise<Outcome> {
    let r = await this.send(job, url, secret);
    const skew = skewOf(r);
    if (skew !== null) {
      // our clock is off: sign with head office's time (from its answer) and try again at once
      this.skewMs = skew - this.clock.now().getTime();
      repo.updateDay(this.sql, job.id, { clock_skew_ms: this.skewMs });
      this.log.warn(`upstream: clock skew ${this.skewMs} ms against head office`);
      r = await this.send(job, url, secret);
    }
    return classify(r);
  }

  private send(job: OutboxRow, url: string, secret: string): Promise<PostResult> {
    const ts = Math.floor((this.clock.now().getTime() + this.skewMs) / 1000);
    return post(
      url,
      job.body,
      { [IDEMPOTENCY_HEADER]: job.idempotency_key, [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: sign(secret, ts, job.body) },
      this.o.timeoutMs,
    );
  }

  private record(job: OutboxRow, o: Outcome): void {
    const now = this.clock.now();
    const at = now.toISOString();
    const attempts = job.attempts + 1;
    this.sql.tx(() => {
      if (o.kind === 'delivered') {
        repo.updateDay(this.sql, job.id, {
          status: 'delivered',
          attempts,
          last_http_status: o.status,
          last_error: o.conflict ? '总部已有这一天的数据且内容不同（可能恢复过备份）：请与总部核对' : null,
          duplicate: o.duplicate ? 1 : 0,
          delivered_at: at,
          updated_at: at,
        });
        appendAudit(this.sql, this.clock, {
          operatorId: null,
          action: 'upstream.delivered',
          entity: 'upstream',
          entityId: job.business_date,
          detail: { attempts, duplicate: o.duplicate },
        });
      } else if (o.kind === 'stop') {
        repo.updateDay(this.sql, job.id, { status: 'stopped', attempts, last_http_status: o.status, last_error: o.error, updated_at: at });
        appendAudit(this.sql, this.clock, {
          operatorId: null,
          action: 'upstream.stopped',
          entity: 'upstream',
          entityId: job.business_date,
          detail: { status: o.status },
        });
        this.log.error(`upstream ${job.business_date}: stopped (${o.status})`);
      } else {
        const backoff = Math.min(this.o.backoffCapMs, this.o.backoffBaseMs * 2 ** Math.min(attempts - 1, 20)) * (0.5 + this.o.random() / 2);
        const wait = Math.max(backoff, o.retryAfterMs ?? 0);
        repo.updateDay(this.sql, job.id, {
          attempts,
          last_http_status: o.status,
          last_error: o.error,
          next_attempt_at: new Date(now.getTime() + wait).toISOString(),
          updated_at: at,
        });
      }
    });
  }

  /** 立即上报: builds what is due, puts every waiting or stopped day back in line now, and sends. */
  async sendNow(): Promise<{ delivered: number; pending: number; stopped: number }> {
    const s = this.raw();
    if (!s.enabled || !s.url) throw new AppError('CONFLICT', '上报尚未启用：请管理员在「上报」中填写地址和密钥并启用。');
    const read = this.stored.read();
    if (!read.secret) throw new AppError('CONFLICT', read.problem ?? '没有可用的上报密钥：请管理员重新填写密钥。');
    this.ensureDays();
    await this.draining;
    repo.requeueAll(this.sql, this.clock.now().toISOString());
    await this.drain();
    return this.counts();
  }

  private counts(): { delivered: number; pending: number; stopped: number } {
    const rows = repo.countsByStatus(this.sql);
    const n = (st: OutboxRow['status']) => rows.find((r) => r.status === st)?.n ?? 0;
    return { delivered: n('delivered'), pending: n('pending'), stopped: n('stopped') };
  }

  history(limit = 60): UpstreamDayView[] {
    return repo.history(this.sql, limit).map((r) => ({
      businessDate: r.business_date,
      status: r.status,
      attempts: r.attempts,
      lastHttpStatus: r.last_http_status,
      lastError: r.last_error,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      deliveredAt: r.delivered_at,
      duplicate: r.duplicate === 1,
      clockSkewMs: r.clock_skew_ms,
    }));
  }

  /** For the status bar: the last delivery, the days not delivered yet, and an alert when a day was refused. */
  status(): { lastSuccessAt: string | null; backlog: number; alert: string | null } {
    const lastSuccessAt = repo.lastDeliveredAt(this.sql);
    const c = this.counts();
    const stopped = c.stopped ? repo.lastStopped(this.sql) : undefined;
    const s = this.raw();
    const skew = repo.lastSkew(this.sql);
    const unreadable = s.enabled && !!s.url ? this.stored.read().problem : null;
    return {
      lastSuccessAt,
      backlog: c.pending + c.stopped,
      alert: unreadable
        ? unreadable
        : stopped
          ? alertText(stopped.last_http_status)
          : skew !== null && Math.abs(skew) > 5 * 60_000
            ? `本机时钟与总部相差约 ${Math.round(Math.abs(skew) / 60_000)} 分钟：请校准电脑时间，否则收款可能记到错误的营业日`
            : null,
    };
  }

  /** Catch-up now, then a check every `intervalMs` (the send time comes round; retries fall due). */
  start(intervalMs = 30_000): void {
    this.stop();
    const tick = () => {
      try {
        this.ensureDays();
      } catch (e) {
        this.log.error(`upstream: building the summary failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      void this.drain().catch((e: unknown) => this.log.error(`upstream: ${String(e)}`));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
  }
}
