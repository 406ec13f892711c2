import { useEffect, useRef } from 'react';
import type { CardReadView } from '@shared/contract';
import { call } from '../../lib/api';

export const READ_POLL_MS = 300;

/**
 * Cards presented to the reader while the screen is active: polls cardReader.lastRead (the same in Electron and
 * in the browser host). Reads from before the screen opened are skipped.
 */
export function useCardReads(active: boolean, onRead: (r: CardReadView) => void): void {
  const cb = useRef(onRead);
  cb.current = onRead;
  useEffect(() => {
    if (!active) return;
    let seq: number | null = null;
    let stopped = false;
    let timer = 0;
    const tick = async () => {
      try {
        const r = await call('cardReader.lastRead', { afterSeq: seq ?? Number.MAX_SAFE_INTEGER });
        if (!stopped) {
          if (seq !== null && r.seq > seq && r.read) cb.current(r.read);
          seq = r.seq;
        }
      } catch {
        /* the status bar shows a lost connection; keep polling */
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), READ_POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [active]);
}
