import { useEffect } from 'react';
import { isTypingTarget } from '../lib/format';
import { AREAS, type AreaId } from './areas';

interface Options {
  active: boolean;
  go: (area: AreaId) => void;
  focusSearch: () => void;
  lock: () => void;
}

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

/**
 * The shell's keyboard shortcuts: Alt+1 … Alt+9, Alt+0 and Alt+V for the areas, Ctrl+, for settings,
 * F2 / Ctrl+K / "/" (when not typing) for the roster search box, Ctrl+L to lock. Esc is the dialogs' own.
 */
export function useShortcuts({ active, go, focusSearch, lock }: Options): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const ctrl = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (ctrl && !e.altKey && !e.shiftKey && key === 'l') {
        e.preventDefault();
        lock();
        return;
      }
      if (dialogOpen()) return;
      if (e.altKey && !ctrl) {
        const area = AREAS.find((a) => a.code === e.code && a.shortcut.startsWith('Alt+'));
        if (area) {
          e.preventDefault();
          go(area.id);
          return;
        }
        if (e.code.startsWith('Digit')) return;
      }
      if (ctrl && !e.altKey && e.code === 'Comma') {
        e.preventDefault();
        go('settings');
        return;
      }
      const slash = e.key === '/' && !ctrl && !e.altKey && !isTypingTarget(e.target);
      if (e.key === 'F2' || (ctrl && !e.altKey && key === 'k') || slash) {
        e.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, go, focusSearch, lock]);
}
