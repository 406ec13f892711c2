import { useEffect, useState, type KeyboardEvent } from 'react';

interface Options {
  /** how many options the list shows */
  count: number;
  /** a new result set: the first option is active again */
  resetOn: unknown;
  /** Enter on the active option (index < count), or with nothing listed when `enterWhenEmpty` */
  onEnter: (index: number) => void;
  /** Enter with an empty list still belongs to the box (it does not submit a form) */
  enterWhenEmpty?: boolean;
  /** Esc: true when it did something (then the key stops here) */
  onEscape?: () => boolean;
}

/**
 * ↑/↓ to move through a search box's listbox (aria-activedescendant), Enter to take the active option, Esc
 * for the box's own clearing. Keys typed while an input method is composing belong to the IME.
 */
export function useListboxKeys({ count, resetOn, onEnter, enterWhenEmpty = true, onEscape }: Options) {
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [resetOn]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' && count) {
      e.preventDefault();
      setActive((i) => Math.min(count - 1, i + 1));
    } else if (e.key === 'ArrowUp' && count) {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter' && (count || enterWhenEmpty)) {
      e.preventDefault();
      onEnter(active);
    } else if (e.key === 'Escape' && onEscape?.()) {
      e.preventDefault();
    }
  };

  return { active, setActive, onKeyDown };
}
