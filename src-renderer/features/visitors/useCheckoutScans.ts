import { useCallback, useState } from 'react';
import { ApiError } from '../../lib/api';
import { useSend } from '../../lib/query';

export interface ScanEntry {
  n: number;
  code: string;
  state: 'working' | 'out' | 'refused';
  /** the visitor, masked, once checked out */
  name?: string;
  room?: string | null;
  /** the core's message when refused (already out, void, not a visitor pass, unknown) */
  error?: unknown;
  /** a worker's temporary pass handed back (scanned), not a visitor leaving */
  worker?: boolean;
}

/** A printed worker's pass (`T01-W0000001`): scanned at the counter, it is being handed back. */
const WORKER_PASS = /^[A-Z0-9]+-W\d+$/i;

const KEEP = 6;
let counter = 0;

/**
 * Check-out by scanning the pass: each scan is one `visitors.checkOut` by its pass number (a worker's printed
 * pass, `-W` series: `visitors.workers.return`, handed back), sent at once (back
 * to back scans each go whole, in order), whatever the screen shows — a dialog open included, since nothing
 * on screen moves. The last few scans and what became of them are kept for the scan log.
 */
export function useCheckoutScans() {
  const send = useSend();
  const [log, setLog] = useState<ScanEntry[]>([]);
  const update = (n: number, patch: Partial<ScanEntry>) => setLog((l) => l.map((x) => (x.n === n ? { ...x, ...patch } : x)));

  const checkOut = useCallback(
    (code: string) => {
      const n = ++counter;
      setLog((l) => [{ n, code, state: 'working' as const }, ...l].slice(0, KEEP));
      const fail = (e: unknown) => update(n, { state: 'refused', error: e instanceof ApiError ? e : new ApiError('INTERNAL', String(e)) });
      if (WORKER_PASS.test(code.trim())) {
        send('visitors.workers.return', { passNo: code })
          .then((p) => update(n, { state: 'out', worker: true, name: p.holder?.nameMasked ?? p.company ?? '', room: p.roomCode, code: p.passNo }))
          .catch(fail);
        return;
      }
      send('visitors.checkOut', { passNo: code })
        .then((v) => update(n, { state: 'out', name: v.nameMasked, room: v.roomCode, code: v.passNo }))
        .catch(fail);
    },
    [send],
  );
  const clear = useCallback(() => setLog([]), []);
  return { log, checkOut, clear };
}
