import { useEffect, useMemo, useRef, useState } from 'react';
import type { Input, Output } from '@shared/contract';
import { useCall } from '../../lib/query';
import type { LineInput } from './lines';

export type Quote = Output<'fees.quote'>;

/** A change to the lines is priced once typing pauses this long. */
const QUOTE_DELAY_MS = 120;
const NO_QUOTE: Input<'fees.quote'> = { roomId: null, lines: [] };

/**
 * The live price of the lines from fees.quote, asked again whenever the room or a line changes (the
 * server prices; the screen never computes money itself). Each draft is its own query, so a reply for an
 * older draft never stands for a newer one. While a new price is being asked, `quote` is the previous one
 * (shown dimmed) and `current` is false; `current` is true only for an answer to exactly these lines, asked
 * just now.
 */
export function useQuote(roomId: number | null, lines: LineInput[] | null): { quote: Quote | null; error: unknown; pending: boolean; current: boolean } {
  const key = lines && lines.length ? JSON.stringify({ roomId, lines }) : '';
  const [asked, setAsked] = useState(key);
  useEffect(() => {
    if (!key) return setAsked('');
    const timer = window.setTimeout(() => setAsked(key), QUOTE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [key]);
  const input = useMemo(() => (asked ? (JSON.parse(asked) as Input<'fees.quote'>) : NO_QUOTE), [asked]);
  const q = useCall('fees.quote', input, { enabled: asked !== '' });

  // the last price shown stays (dimmed) while the next is asked; none after a failure or with no lines
  const shown = useRef<Quote | null>(null);
  const quote = !key || q.isError ? null : (q.data ?? shown.current);
  shown.current = quote;
  const current = key !== '' && asked === key && !q.isFetching && (q.isSuccess || q.isError);
  return { quote, error: current ? q.error : null, pending: key !== '' && (asked !== key || q.isFetching), current };
}
