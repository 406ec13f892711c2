import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../scripts/upstream-dev/receiver';
import { businessWindow } from '@shared/calendar';
import { post } from '../../src-main/sync/http-client';
import { buildDailySummary } from '../../src-main/sync/summary';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign } from '../../src-main/sync/signing';
import { dailySummary, dailySummaryJsonSchema } from '@shared/contract/summary';
import { FLOAT_500, openFeesCore, type FeesFixture } from '../support/fees';

/**
 * The nightly upstream against the development receiver on real sockets: days built while head office is
 * down are all delivered once when it is back, a flaky receiver (timeouts, 5xx, 429, lost answers) still
 * ends with every day exactly once, a bad secret stops and says so, a replay is recognised, clock skew is
 * absorbed, and no payload carries a name or a phone number.
 */
const SECRET = 'head-office-secret-0123456789abcdef';
let receivers: Receiver[] = [];
let cores: FeesFixture[] = [];

afterEach(async () => {
  for (const r of receivers) await r.stop();
  for (const c of cores) await c.core.close();
  receivers = [];
  cores = [];
});

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function receiver(opts: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(opts);
  receivers.push(r);
  return r;
}

async function terminal(): Promise<FeesFixture> {
  const t = await openFeesCore({ printer: false, upstream: { timeoutMs: 250, backoffBaseMs: 1000, backoffCapMs: 60_000, random: () => 0.5 } });
  cores.push(t);
  await t.call('cash.open', { count: FLOAT_500 });
  return t;
}

const DAY = 86_400_000;
let n = 0;
/** One payment by a named resident with a phone in the payer field (which must never leave the terminal). */
async function collect(t: FeesFixture): Promise<void> {
  await wake(t);
  await t.call('fees.collect', {
    requestId: `upstream-request-${++n}`,
    roomId: t.roomId,
    payer: '曾国藩 13812345678',
    lines: [{ itemId: t.items.copy, quantity: 2 }],
    payments: [{ method: 'cash', amountFen: 100 }],
  });
}

/** Runs the queue as the nightly timer would, moving the clock past each wait, until nothing is pending. */
async function runUntilDone(t: FeesFixture, stepMs: number, maxSteps: number): Promise<number> {
  const up = t.core.need().upstream;
  for (let i = 0; i < maxSteps; i++) {
    up.ensureDays();
    await up.drain();
    const h = up.history(400);
    if (h.length && h.every((d) => d.status !== 'pending')) return i;
    t.clock.advance(stepMs);
  }
  return maxSteps;
}

/** Moving the clock by days locks the screen: unlock as the admin before calling as them. */
async function wake(t: FeesFixture): Promise<void> {
  const r = await t.raw('auth.unlock', { password: 'admin-pass-1' });
  if (!r.ok && r.error.code !== 'CONFLICT') throw new Error(r.error.message);
  await t.raw('auth.touch', {});
}

async function enable(t: FeesFixture, url: string, secret = SECRET): Promise<void> {
  await wake(t);
  await t.call('upstream.settings.save', { enabled: true, url, sendTime: '04:30', cutoffHour: 4, secret });
}

describe('nightly upstream on real sockets', () => {
  it('head office down for 7 days, then up: all 7 days delivered, each once, in order, with the day’s figures', async () => {
    const t = await terminal();
    const r = await receiver({ secret: SECRET, now: () => t.clock.now().getTime() });
    const port = r.port;
    const url = r.url;
    await r.stop();
    receivers = [];
    await enable(t, url);
    // 2026-11-23 10:00 China time: one payment a day for 7 days, the nightly run failing each night
    for (let d = 0; d < 7; d++) {
      await collect(t);
      t.clock.advance(DAY);
      t.core.need().upstream.ensureDays();
      await t.core.need().upstream.drain();
    }
    const down = t.core.need().upstream.history(30);
    expect(down.map((d) => d.businessDate).sort()).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(down.every((d) => d.status === 'pending')).toBe(true);
    // each night the oldest day was tried and failed; the round stops there instead of hammering a dead host
    const oldest = down.find((d) => d.businessDate === '2026-11-23');
    expect(oldest?.attempts).toBeGreaterThan(0);
    expect(oldest?.lastError).toContain('连不上总部');
    const st = await t.call('system.status', {}).finally(() => undefined);
    expect(st.upstream).toMatchObject({ lastSuccessAt: null, backlog: 7, alert: null });

    const back = await receiver({ secret: SECRET, port, now: () => t.clock.now().getTime() });
    await runUntilDone(t, 60_000, 20);
    expect([...back.received.values()].map((x) => x.businessDate).sort()).toEqual(down.map((d) => d.businessDate).sort());
    expect([...back.received.values()].every((x) => x.arrivals === 1)).toBe(true);
    const first = dailySummary.parse(JSON.parse(back.received.get('T01:2026-11-23:daily-summary')?.body ?? '{}'));
    expect(first.fees.documents).toEqual({ count: 1, firstNo: 'T01-00000001', lastNo: 'T01-00000001' });
    expect(first.fees.byMethod).toEqual([{ method: 'cash', payments: 1, amountFen: 100 }]);
    expect(first.fees.byItem).toEqual([{ name: '复印', category: 'service', lines: 1, amountFen: 100 }]);
    const after = await t.call('system.status', {}).finally(() => undefined);
    expect(after.upstream.backlog).toBe(0);
    expect(after.upstream.lastSuccessAt).not.toBeNull();
  });

  it('a 50% failure rate with timeouts, 5xx, 429 and lost answers: every one of 30 days delivered, none twice in effect', { timeout: 120_000 }, async () => {
    const t = await terminal();
    await collect(t);
    t.clock.advance(30 * DAY);
    const r = await receiver({ secret: SECRET, now: () => t.clock.now().getTime(), random: seeded(7), faults: { failRate: 0.5, lostAnswerRate: 0.2 } });
    await enable(t, r.url);
    const steps = await runUntilDone(t, 5 * 60_000, 400);
    expect(steps).toBeLessThan(400);
    const days = t.core.need().upstream.history(400);
    expect(days).toHaveLength(30);
    expect(days.every((d) => d.status === 'delivered')).toBe(true);
    expect(r.received.size).toBe(30);
    // the injected faults really happened, and lost answers were re-sent and recognised as duplicates
    const notes = r.log.map((e) => e.note);
    for (const k of ['injected 500', 'injected 503', 'injected 429', 'injected: hang before storing', 'injected: stored, answer lost'])
      expect(notes).toContain(k);
    const resent = [...r.received.values()].filter((x) => x.arrivals > 1);
    expect(resent.length).toBeGreaterThan(0);
    expect(days.filter((d) => d.duplicate).length).toBe(resent.length);
  });

  it('a bad secret: 401, the day is stopped and the status bar says so; with the right secret 立即上报 delivers it', async () => {
    const t = await terminal();
    await collect(t);
    t.clock.advance(DAY);
    const r = await receiver({ secret: SECRET, now: () => t.clock.now().getTime() });
    await enable(t, r.url, 'not-the-secret-of-head-office');
    t.core.need().upstream.ensureDays();
    await t.core.need().upstream.drain();
    const [day] = t.core.need().upstream.history(5);
    expect(day).toMatchObject({ businessDate: '2026-11-23', status: 'stopped', lastHttpStatus: 401 });
    expect(day?.lastError).toContain('密钥');
    const st = await t.call('system.status', {}).finally(() => undefined);
    expect(st.upstream.alert).toContain('密钥');
    expect(st.upstream.backlog).toBe(1);
    // stopped means stopped: the nightly timer does not hammer head office with it
    t.clock.advance(DAY);
    await t.core.need().upstream.drain();
    expect(r.log.filter((e) => e.status === 401)).toHaveLength(1);

    await enable(t, r.url, SECRET);
    await wake(t);
    const sent = await t.call('upstream.sendNow', {});
    expect(sent).toEqual({ delivered: 2, pending: 0, stopped: 0 });
    expect((await t.call('system.status', {}).finally(() => undefined)).upstream.alert).toBeNull();
  });

  it('a replayed request is recognised by its Idempotency-Key; the same key with another body is refused', async () => {
    const t = await terminal();
    t.clock.advance(DAY);
    const r = await receiver({ secret: SECRET, now: () => t.clock.now().getTime() });
    await enable(t, r.url);
    await t.core.need().upstream.sendNow();
    const rec = r.received.get('T01:2026-11-23:daily-summary');
    expect(rec?.arrivals).toBe(1);
    const ts = Math.floor(t.clock.now().getTime() / 1000);
    const again = await post(
      r.url,
      rec?.body ?? '',
      { [IDEMPOTENCY_HEADER]: rec?.key ?? '', [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: sign(SECRET, ts, rec?.body ?? '') },
      2000,
    );
    expect(again).toMatchObject({ kind: 'answer', status: 409 });
    expect(rec?.arrivals).toBe(2);
    const other = (rec?.body ?? '').replace('"netFen":0', '"netFen":1');
    const forged = await post(
      r.url,
      other,
      { [IDEMPOTENCY_HEADER]: rec?.key ?? '', [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: sign(SECRET, ts, other) },
      2000,
    );
    expect(forged).toMatchObject({ kind: 'answer', status: 422 });
    // and a body changed without the secret fails the signature
    const tampered = await post(
      r.url,
      other,
      { [IDEMPOTENCY_HEADER]: 'T01:2026-11-24:daily-summary', [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: sign(SECRET, ts, rec?.body ?? '') },
      2000,
    );
    expect(tampered).toMatchObject({ kind: 'answer', status: 401 });
  });

  it('the terminal’s clock an hour fast: head office answers clock_skew with its time, the terminal signs with that and delivers', async () => {
    const t = await terminal();
    t.clock.advance(DAY);
    const r = await receiver({ secret: SECRET, now: () => t.clock.now().getTime() - 3_600_000 });
    await enable(t, r.url);
    const sent = await t.core.need().upstream.sendNow();
    expect(sent.delivered).toBe(1);
    const [day] = t.core.need().upstream.history(5);
    expect(day?.status).toBe('delivered');
    expect(Math.round((day?.clockSkewMs ?? 0) / 1000)).toBe(-3600);
    expect(r.log.map((e) => e.note)).toEqual(['clock skew', 'stored']);
  });

  it('payloads validate against the schema and carry no name, phone or payer', async () => {
    const t = await terminal();
    for (let d = 0; d < 3; d++) {
      await collect(t);
      t.clock.advance(DAY);
    }
    const r = await receiver({ secret: SECRET, now: () => t.clock.now().getTime() });
    await enable(t, r.url);
    await t.core.need().upstream.sendNow();
    expect(r.received.size).toBe(3);
    for (const rec of r.received.values()) {
      expect(dailySummary.safeParse(JSON.parse(rec.body)).success).toBe(true);
      expect(rec.body).not.toMatch(/1[3-9]\d{9}/);
      expect(rec.body).not.toMatch(/\d{3}\*{4}\d{4}/);
      expect(rec.body).not.toContain('曾');
      expect(rec.body).not.toContain('王经理');
      expect(rec.body).not.toContain('3-2-501');
    }
  });

  it('keys, cards and service requests of the day: counts, card numbers and rooms, no holder or borrower names', async () => {
    const t = await terminal();
    // 2026-11-23 10:00 China time
    const key: { id: number } = await t.call('keys.save', { kind: 'vacant', label: '空置房大门', roomId: t.roomId });
    await t.call('keys.lend', {
      keyId: key.id,
      borrowerType: 'agent',
      borrowerName: '中介孙悟空',
      borrowerPhone: '13912345678',
      purpose: 'viewing',
      idChecked: '身份证 尾号1234',
      dueAt: '2026-11-23T05:00:00.000Z',
    });
    await t.call('cards.stockMove', { cardType: 'access', kind: 'in', quantity: 10, reason: '采购入库' });
    const card: { id: number } = await t.call('cards.issue', { number: '0040856634', roomId: t.roomId, holderName: '猪八戒', type: 'access' });
    await t.call('cards.reportLost', { cardId: card.id });
    const req: { id: number } = await t.call('requests.log', {
      kind: 'repair',
      source: 'call',
      roomId: t.roomId,
      caller: '沙和尚',
      category: '水电',
      description: '漏水',
      urgency: 'normal',
    });
    t.clock.advance(60_000);
    await t.call('requests.dispatch', { id: req.id, department: '工程部' });
    t.clock.advance(DAY);
    const r = await receiver({ secret: SECRET, now: () => t.clock.now().getTime() });
    await enable(t, r.url);
    await t.core.need().upstream.sendNow();
    const body = r.received.get('T01:2026-11-23:daily-summary')?.body ?? '';
    const s = dailySummary.parse(JSON.parse(body));
    // lent at 10:00, due 13:00, never returned: out and overdue at the end of the day
    expect(s.keys).toEqual({ available: true, lent: 1, returned: 0, outAtEnd: 1, overdueAtEnd: 1, byPurpose: [{ purpose: 'viewing', lent: 1 }] });
    expect(s.cards).toMatchObject({ available: true, issued: 1, lost: 1, replaced: 0 });
    if (s.cards.available)
      expect(s.cards.changes.map((c) => [c.kind, c.card, c.room])).toEqual([
        ['issue', '0040856634', '3-2-501'],
        ['lost', '0040856634', '3-2-501'],
      ]);
    expect(s.serviceRequests).toMatchObject({ available: true, logged: 1, dispatched: 1, dispatchedWithinTarget: 1, done: 0 });
    for (const name of ['孙悟空', '猪八戒', '沙和尚', '13912345678', '尾号']) expect(body).not.toContain(name);
  });

  it('a day rebuilt with other content (an older backup restored) is not sent for ever: head office keeps its copy, the history says to reconcile', async () => {
    const r = await receiver({ secret: SECRET, now: () => Date.parse('2026-11-24T02:00:00Z') });
    const a = await terminal();
    await collect(a);
    a.clock.advance(DAY);
    await enable(a, r.url);
    await a.core.need().upstream.sendNow();
    expect(r.received.size).toBe(1);
    // the same terminal id, its store as it was before that payment (no receipt that day)
    const b = await terminal();
    b.clock.advance(DAY);
    await enable(b, r.url);
    const sent = await b.core.need().upstream.sendNow();
    expect(sent).toEqual({ delivered: 1, pending: 0, stopped: 0 });
    const [day] = b.core.need().upstream.history(5);
    expect(day).toMatchObject({ status: 'delivered', lastHttpStatus: 422, duplicate: true });
    expect(day?.lastError).toContain('请与总部核对');
    expect(r.received.get('T01:2026-11-23:daily-summary')?.arrivals).toBe(2);
  });

  it('the same day built twice from the same data is the same bytes; the cut-off cannot change once a day is built', async () => {
    const t = await terminal();
    await collect(t);
    t.clock.advance(DAY);
    const r = await receiver({ secret: SECRET, now: () => t.clock.now().getTime() });
    await enable(t, r.url);
    t.core.need().upstream.ensureDays();
    const built = (t.core.need().db.prepare("SELECT body FROM upstream_outbox WHERE business_date = '2026-11-23'").get() as { body: string }).body;
    t.clock.advance(3 * 3600_000);
    const again = buildDailySummary(t.core.need().sql, {
      terminalId: 'T01',
      propertyName: '阳光花园',
      businessDate: '2026-11-23',
      cutoffHour: 4,
      timeZone: 'Asia/Shanghai',
      overdueDays: 3,
      generatedAt: businessWindow('2026-11-23', 4, 'Asia/Shanghai').to,
    });
    expect(JSON.stringify(again)).toBe(built);
    await wake(t);
    const change = await t.raw('upstream.settings.save', { enabled: true, url: r.url, sendTime: '04:30', cutoffHour: 0 });
    expect(change).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!change.ok) expect(change.error.message).toContain('营业日分界');
  });

  it('the JSON Schema in docs/ is the one the code checks (npm run upstream:schema rewrites it)', () => {
    const file = path.resolve('docs/upstream/daily-summary.v1.schema.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(dailySummaryJsonSchema())));
  });
});
