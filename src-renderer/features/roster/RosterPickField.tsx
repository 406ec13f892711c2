import { useId, useState, type ReactNode } from 'react';
import { ErrorBox } from '../../app/errors';
import { OptionList, SearchCombobox } from '../../app/ui/SearchCombobox';
import { useListboxKeys } from '../../app/useListboxKeys';
import { searchQuery, useRosterSearch, type SearchResult } from './useRosterSearch';

interface PickProps<T> {
  label: string;
  /** the box's name */
  name: string;
  placeholder: string;
  /** the list's accessible name */
  listLabel: string;
  /** the field's own class (its area's layout) */
  className: string;
  /** what the list offers for an answer (residents, or the rooms it names) */
  toItems: (r: SearchResult | null) => T[];
  keyOf: (item: T) => number;
  children: (item: T) => ReactNode;
  onPick: (item: T) => void;
  autoFocus?: boolean;
}

/**
 * A field that picks something from the roster search as you type (↑/↓, Enter): a room for a case, a room and
 * resident for a key or a card. Enter takes the active option of the answer to exactly the text in the box (waiting
 * for it when it is on its way); with nothing listed, Enter is the form's.
 */
export function RosterPickField<T>({ label, name, placeholder, listLabel, className, toItems, keyOf, children, onPick, autoFocus }: PickProps<T>) {
  const [q, setQ] = useState('');
  const listId = useId();
  const search = useRosterSearch(q);
  const items = searchQuery(q) ? toItems(search.result) : [];
  const pick = (item: T | undefined) => {
    if (item === undefined) return;
    onPick(item);
    setQ('');
  };
  const { active, onKeyDown } = useListboxKeys<T>({
    items,
    resetOn: search.result,
    pendingFor: (text) => (search.answers(text) ? null : search.resultFor(text).then(toItems)),
    onEnter: pick,
    enterWhenEmpty: false,
  });
  const activeItem = items[active];
  return (
    <div className={`field ${className}`}>
      <label className="field-label" htmlFor={`${listId}-q`}>
        {label}
      </label>
      <SearchCombobox
        id={`${listId}-q`}
        className="search-input compact"
        type="search"
        name={name}
        listId={listId}
        activeKey={activeItem !== undefined ? keyOf(activeItem) : undefined}
        expanded={items.length > 0}
        placeholder={placeholder}
        value={q}
        autoFocus={autoFocus}
        onChange={(e) => {
          search.ask(e.target.value);
          setQ(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <ErrorBox error={search.error} />
      <OptionList
        id={listId}
        items={items}
        active={active}
        keyOf={keyOf}
        onPick={pick}
        label={listLabel}
        className="room-results"
        optionClassName={() => 'room-result'}
      >
        {children}
      </OptionList>
    </div>
  );
}

/** The room chosen in such a field: its code large, what goes with it, and a button to choose again. */
export function ChosenRoom(props: {
  label: string;
  className: string;
  testId: string;
  code: string;
  changeLabel: string;
  onChange: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="field">
      <span className="field-label">{props.label}</span>
      <div className={props.className} data-testid={props.testId}>
        <span className="room-code big">{props.code}</span>
        {props.children}
        <button type="button" className="btn small" onClick={props.onChange}>
          {props.changeLabel}
        </button>
      </div>
    </div>
  );
}
