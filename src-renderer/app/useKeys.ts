import { useEffect, useRef } from 'react';

export type KeyMap = Partial<Record<string, (e: KeyboardEvent) => void>>;

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

/**
 * A screen's own function keys (F3, F8, F9…, and Escape), by KeyboardEvent.key, while `enabled` and no
 * dialog is open. Plain keys only: with Ctrl/Alt/Meta held the shell's shortcuts apply. The latest map is
 * used on each press, so handlers may close over fresh state.
 */
export function useKeys(enabled: boolean, map: KeyMap): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.altKey || e.metaKey || dialogOpen()) return;
      const fn = ref.current[e.key];
      if (!fn) return;
      e.preventDefault();
      fn(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
