import { useEffect, useRef, useState } from 'react';
import type { CardReadView } from '@shared/contract';
import { useCall } from '../../lib/query';

export const READ_POLL_MS = 300;

/**
 * Cards presented to the reader while the screen is active: polls cardReader.lastRead (the same in Electron and
 * in the browser host) for a read after the last one seen. Reads from before the screen opened are skipped: the
 * first answer only tells where the reader's count stands. A failed poll is simply asked again (the status bar
 * shows a lost connection).
 */
export function useCardReads(active: boolean, onRead: (r: CardReadView) => void): void {
  const cb = useRef(onRead);
  cb.current = onRead;
  // the reader's count last seen; null until the first answer since the screen became active (reset as it
  // becomes active, in the same render, so no read from before is asked for)
  const [state, setState] = useState<{ active: boolean; seen: number | null }>({ active, seen: null });
  if (state.active !== active) setState({ active, seen: null });
  const seen = state.active === active ? state.seen : null;
  const setSeen = (n: number) => setState({ active, seen: n });
  const poll = useCall('cardReader.lastRead', { afterSeq: seen ?? Number.MAX_SAFE_INTEGER }, { enabled: active, refetchInterval: READ_POLL_MS, gcTime: 0 });
  const answer = poll.data;
  useEffect(() => {
    if (!answer || !active) return;
    if (seen !== null && answer.seq > seen && answer.read) cb.current(answer.read);
    if (answer.seq !== seen) setSeen(answer.seq);
    // each answer once: `seen` moves on with it
  }, [answer]);
}
