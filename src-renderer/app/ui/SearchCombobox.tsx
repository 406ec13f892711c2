import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

/** The element id of an option in a listbox: what the box's aria-activedescendant names. */
export const optionId = (listId: string, key: string | number): string => `${listId}-${key}`;

interface ComboboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'role' | 'aria-expanded' | 'aria-controls' | 'aria-activedescendant'> {
  /** the listbox the box drives */
  listId: string;
  /** the key of the active option, when the list shows one */
  activeKey: string | number | undefined;
  /** the list shows options */
  expanded: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** the screen went on without a choice here */
  invalid?: boolean;
}

/**
 * A search box with a listbox under it (role combobox): the focus stays in the box while ↑/↓ move the active
 * option (aria-activedescendant) and Enter takes it; no browser autofill or spelling marks. The keys are the
 * caller's (useListboxKeys, or useRosterListbox for the roster's Enter rule), the options are `OptionList`.
 */
export function SearchCombobox({ listId, activeKey, expanded, inputRef, invalid, ...input }: ComboboxProps) {
  return (
    <input
      ref={inputRef}
      role="combobox"
      aria-expanded={expanded}
      aria-controls={listId}
      aria-activedescendant={activeKey !== undefined ? optionId(listId, activeKey) : undefined}
      aria-autocomplete="list"
      aria-invalid={invalid || undefined}
      autoComplete="off"
      spellCheck={false}
      maxLength={64}
      {...input}
    />
  );
}

interface OptionListProps<T> {
  id: string;
  items: readonly T[];
  active: number;
  keyOf: (item: T) => string | number;
  onPick: (item: T, index: number) => void;
  /** the listbox's accessible name */
  label: string;
  className: string;
  optionClassName: (item: T) => string;
  /** hidden while it lists nothing */
  hideEmpty?: boolean;
  children: (item: T) => ReactNode;
}

/**
 * The options under a SearchCombobox (role listbox): the active one is marked and kept in view, a click
 * takes one without taking the focus from the box.
 */
export function OptionList<T>({ id, items, active, keyOf, onPick, label, className, optionClassName, hideEmpty = true, children }: OptionListProps<T>) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <ul ref={ref} className={className} id={id} role="listbox" aria-label={label} hidden={hideEmpty && items.length === 0}>
      {items.map((item, i) => (
        <li
          key={keyOf(item)}
          id={optionId(id, keyOf(item))}
          role="option"
          aria-selected={i === active}
          className={optionClassName(item)}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(item, i)}
        >
          {children(item)}
        </li>
      ))}
    </ul>
  );
}
