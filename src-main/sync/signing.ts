import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The request signature head office checks: `X-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`
 * with `X-LobbyDesk-Timestamp: <unix seconds>`. The timestamp is inside the MAC, so a captured request
 * cannot be replayed later with a new time; the Idempotency-Key makes an honest retry harmless.
 */
export const TIMESTAMP_HEADER = 'x-lobbydesk-timestamp';
export const SIGNATURE_HEADER = 'x-signature';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How far apart the terminal's and head office's clocks may be (seconds). */
export const MAX_SKEW_SECONDS = 300;

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  const want = Buffer.from(sign(secret, Number(timestamp), body));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

export const idempotencyKey = (terminalId: string, businessDate: string, kind: string): string => `${terminalId}:${businessDate}:${kind}`;
