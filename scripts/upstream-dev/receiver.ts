/**
 * Head office's receiver, for development and tests only (a test peer, not a product): listens on
 * 127.0.0.1, checks the timestamp window, the HMAC signature and the schema, keeps each Idempotency-Key
 * once (a repeat gets 409 {"duplicate":true}), and can be told to fail, delay or lose answers.
 * The contract it checks is docs/upstream.md; head office implements the same on its own stack.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dailySummary } from '@shared/contract/summary';
import { IDEMPOTENCY_HEADER, MAX_SKEW_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../src-main/sync/signing';

export interface Faults {
  /** share of requests (0..1) that fail before being stored: 500, 503, 429 or no answer */
  failRate: number;
  /** share of requests (0..1) that are stored but whose answer is lost (the client times out) */
  lostAnswerRate: number;
  /** delay before every answer, ms */
  delayMs: number;
  /** answer every request with this status without storing (e.g. 503 = down for maintenance) */
  forceStatus: number | null;
}

export interface Received {
  key: string;
  businessDate: string;
  body: string;
  receivedAt: string;
  /** how many times this key arrived (1 = once; more = retries recognised as duplicates) */
  arrivals: number;
}

export interface LogEntry {
  at: string;
  key: string | null;
  status: number | 'no-answer';
  note: string;
}

export interface Receiver {
  url: string;
  port: number;
  faults: Faults;
  secret: string;
  /** head office's clock (tests move it to make skew) */
  now: () => number;
  readonly received: Map<string, Received>;
  readonly log: LogEntry[];
  stop(): Promise<void>;
}

export interface ReceiverOptions {
  secret: string;
  port?: number;
  host?: string;
  faults?: Partial<Faults>;
  /** keep what arrives as JSON files here */
  storeDir?: string;
  now?: () => number;
  random?: () => number;
}

export async function startReceiver(opts: ReceiverOptions): Promise<Receiver> {
  const random = opts.random ?? Math.random;
  const received = new Map<string, Received>();
  const log: LogEntry[] = [];
  const held = new Set<http.ServerResponse>();
  const r: Receiver = {
    url: '',
    port: 0,
    secret: opts.secret,
    faults: { failRate: 0, lostAnswerRate: 0, delayMs: 0, forceStatus: null, ...opts.faults },
    now: opts.now ?? Date.now,
    received,
    log,
    stop: async () => {
      for (const res of held) res.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
  if (opts.storeDir) fs.mkdirSync(opts.storeDir, { recursive: true });

  const answer = (res: http.ServerResponse, key: string | null, status: number, body: unknown, note: string, headers: Record<string, string> = {}) => {
    log.push({ at: new Date(r.now()).toISOString(), key, status, note });
    const send = () => {
      held.delete(res);
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    held.add(res);
    if (r.faults.delayMs > 0) setTimeout(send, r.faults.delayMs);
    else send();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1024 * 1024) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (n: string) => {
        const v = req.headers[n];
        return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
      };
      const key = header(IDEMPOTENCY_HEADER) || null;
      if (req.method !== 'POST') return answer(res, key, 405, { error: 'method' }, 'not POST');
      if (r.faults.forceStatus !== null) return answer(res, key, r.faults.forceStatus, { error: 'forced' }, 'forced status');
      if (random() < r.faults.failRate) {
        const pick = Math.floor(random() * 4);
        if (pick === 3) {
          log.push({ at: new Date(r.now()).toISOString(), key, status: 'no-answer', note: 'injected: hang before storing' });
          held.add(res);
          return;
        }
        const status = [500, 503, 429][pick] as number;
        return answer(res, key, status, { error: 'injected' }, `injected ${status}`, status === 429 ? { 'retry-after': '1' } : {});
      }
      // the checks head office makes, in this order
      const ts = header(TIMESTAMP_HEADER);
      if (!/^\d{1,12}$/.test(ts)) return answer(res, key, 400, { error: 'timestamp' }, 'no timestamp');
      if (!verifySignature(r.secret, ts, body, header(SIGNATURE_HEADER))) return answer(res, key, 401, { error: 'bad_signature' }, 'bad signature');
      if (Math.abs(Number(ts) * 1000 - r.now()) > MAX_SKEW_SECONDS * 1000)
        return answer(res, key, 401, { error: 'clock_skew', serverTime: r.now() }, 'clock skew');
      if (!key || key.length > 100) return answer(res, key, 400, { error: 'idempotency_key' }, 'no key');
      const seen = received.get(key);
      if (seen) {
        seen.arrivals++;
        if (seen.body !== body) return answer(res, key, 422, { error: 'key_reused_with_other_body' }, 'same key, other body');
        return answer(res, key, 409, { duplicate: true }, 'duplicate');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return answer(res, key, 400, { error: 'json' }, 'not JSON');
      }
      const v = dailySummary.safeParse(parsed);
      if (!v.success) return answer(res, key, 422, { error: 'schema', issues: v.error.issues.slice(0, 10) }, 'schema');
      // the key is not under the signature: it must name the terminal and day the signed body is about
      if (key !== `${v.data.terminalId}:${v.data.businessDate}:daily-summary`)
        return answer(res, key, 422, { error: 'key_does_not_match_body' }, 'key does not match body');
      const rec: Received = { key, businessDate: v.data.businessDate, body, receivedAt: new Date(r.now()).toISOString(), arrivals: 1 };
      received.set(key, rec);
      if (opts.storeDir) fs.writeFileSync(path.join(opts.storeDir, `${key.replace(/[^\w.-]/g, '_')}.json`), body);
      if (random() < r.faults.lostAnswerRate) {
        log.push({ at: rec.receivedAt, key, status: 'no-answer', note: 'injected: stored, answer lost' });
        held.add(res);
        return;
      }
      return answer(res, key, 201, { stored: true, duplicate: false }, 'stored');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  r.port = (server.address() as AddressInfo).port;
  r.url = `http://127.0.0.1:${r.port}/lobbydesk/daily-summary`;
  return r;
}
