import { useEffect, useRef } from 'react';
import { useSend } from '../lib/query';

export const TOUCH_EVERY_MS = 30_000;
const CHECK_EVERY_MS = 5_000;
const ACTIVITY = ['keydown', 'mousedown', 'wheel'] as const;

/**
 * Locks the screen after `idleLockMinutes` without a key, click or wheel. Activity is reported to main
 * with auth.touch at most every 30 s (main enforces the same limit on its side).
 */
export function useAutoLock({ active, idleLockMinutes, onIdle }: { active: boolean; idleLockMinutes: number; onIdle: () => void }): void {
  const lastActivity = useRef(0);
  const lastTouch = useRef(0);
  const send = useSend();

  useEffect(() => {
    if (!active) return;
    const start = Date.now();
    lastActivity.current = start;
    lastTouch.current = start;
    let fired = false;
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current >= TOUCH_EVERY_MS) {
        lastTouch.current = now;
        send('auth.touch', {}).catch(() => undefined);
      }
    };
    const timer = window.setInterval(() => {
      if (!fired && Date.now() - lastActivity.current >= idleLockMinutes * 60_000) {
        fired = true;
        onIdle();
      }
    }, CHECK_EVERY_MS);
    for (const ev of ACTIVITY) window.addEventListener(ev, onActivity, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      for (const ev of ACTIVITY) window.removeEventListener(ev, onActivity, { capture: true });
    };
  }, [active, idleLockMinutes, onIdle, send]);
}
