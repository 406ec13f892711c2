import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

interface Options<T> {
  /** the options the list shows */
  items: readonly T[];
  /** a new result set: the first option is active again */
  resetOn: unknown;
  /**
   * The options for exactly this text in the box: null when the ones shown answer it, else the answer on its
   * way (Enter waits for it). Without it, the options shown always answer the box (a list filtered in place).
   */
  pendingFor?: (text: string) => Promise<readonly T[]> | null;
  /** Enter on the active option, or with nothing listed when `enterWhenEmpty` (item undefined) */
  onEnter: (item: T | undefined, text: string) => void;
  /** Enter with an empty list still belongs to the box (it does not submit a form) */
  enterWhenEmpty?: boolean;
  /** Esc: true when it did something (then the key stops here) */
  onEscape?: () => boolean;
}

/**
 * ↑/↓ to move through a search box's listbox (aria-activedescendant), Enter to take the active option, Esc
 * for the box's own clearing. Keys typed while an input method is composing belong to the IME.
 *
 * Enter acts on the options for exactly the text in the box when it is pressed, never on the options left
 * from an earlier keystroke: when the answer for that text has not arrived yet, Enter waits for it and then
 * takes its first option, unless the text has changed meanwhile (a later Enter is then the one that counts).
 */
export function useListboxKeys<T>({ items, resetOn, pendingFor, onEnter, enterWhenEmpty = true, onEscape }: Options<T>) {
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [resetOn]);
  // the Enter waiting for its answer (a newer Enter replaces it)
  const waiting = useRef(0);
  const latest = useRef(onEnter);
  latest.current = onEnter;
  const count = items.length;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' && count) {
      e.preventDefault();
      setActive((i) => Math.min(count - 1, i + 1));
    } else if (e.key === 'ArrowUp' && count) {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      const box = e.currentTarget;
      const text = box.value;
      const answer = pendingFor?.(text) ?? null;
      const mine = ++waiting.current;
      if (answer === null) {
        if (!count && !enterWhenEmpty) return;
        e.preventDefault();
        onEnter(items[Math.min(active, count - 1)], text);
        return;
      }
      e.preventDefault();
      answer.then(
        (options) => {
          if (mine !== waiting.current || !box.isConnected || box.value !== text) return;
          if (options.length || enterWhenEmpty) latest.current(options[0], text);
        },
        () => undefined, // the search shows its own error
      );
    } else if (e.key === 'Escape' && onEscape?.()) {
      e.preventDefault();
    }
  };

  return { active, setActive, onKeyDown };
}
