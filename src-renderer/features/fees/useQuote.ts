import { useEffect, useRef, useState } from 'react';
import type { Output } from '@shared/contract';
import { call } from '../../lib/api';
import type { LineInput } from './lines';

export type Quote = Output<'fees.quote'>;

/**
 * The live price of the lines from fees.quote, asked again whenever the room or a line changes (the
 * server prices; the screen never computes money itself). A reply for an older draft is dropped.
 * While a new price is being asked, `quote` is the previous one (shown dimmed) and `current` is false.
 */
export function useQuote(roomId: number | null, lines: LineInput[] | null): { quote: Quote | null; error: unknown; pending: boolean; current: boolean } {
  const key = lines && lines.length ? JSON.stringify({ roomId, lines }) : '';
  const [state, setState] = useState<{ key: string; quote: Quote | null; error: unknown }>({ key: '', quote: null, error: null });
  const [pending, setPending] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!key) {
      setState({ key: '', quote: null, error: null });
      setPending(false);
      return;
    }
    setPending(true);
    const { roomId: r, lines: l } = JSON.parse(key) as { roomId: number | null; lines: LineInput[] };
    const timer = window.setTimeout(() => {
      call('fees.quote', { roomId: r, lines: l })
        .then((quote) => mine === seq.current && setState({ key, quote, error: null }))
        .catch((error: unknown) => mine === seq.current && setState({ key, quote: null, error }))
        .finally(() => mine === seq.current && setPending(false));
    }, 120);
    return () => window.clearTimeout(timer);
  }, [key]);

  const current = state.key === key && !!key;
  return { quote: key ? state.quote : null, error: current ? state.error : null, pending, current };
}
