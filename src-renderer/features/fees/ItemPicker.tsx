import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { FeeItemView } from '@shared/contract';
import { useT, type T } from '../../app/i18n/I18n';
import { moneyText } from '../../lib/money';

/** "￥2.50/㎡·月", "￥150.00/月", "按金额": what an item costs, as the chip shows it. */
export function priceLabel(item: FeeItemView, t: T): string {
  const p = moneyText(item.unitPriceFen);
  switch (item.rule) {
    case 'fixed':
      return `${p}/${item.unitLabel || t('fee.unit.each')}`;
    case 'per_area_month':
      return `${p}/${t('fee.unit.m2month')}`;
    case 'per_month':
      return `${p}/${t('fee.unit.month')}`;
    case 'metered':
      return `${p}/${item.unitLabel || t('fee.unit.unit')}`;
    case 'amount':
      return t('fee.rule.amount');
  }
}

export function filterItems(items: FeeItemView[], q: string): FeeItemView[] {
  const s = q.trim().toLowerCase();
  if (!s) return items;
  const byCode = items.filter((i) => i.code.toLowerCase().startsWith(s));
  const byName = items.filter((i) => !byCode.includes(i) && i.name.toLowerCase().includes(s));
  return [...byCode, ...byName];
}

interface Props {
  items: FeeItemView[];
  onAdd: (item: FeeItemView) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The catalogue: type a code or part of a name to filter, ↑/↓ to choose, Enter to add (or click a chip). */
export function ItemPicker({ items, onAdd, inputRef }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => filterItems(items, q), [items, q]);

  useEffect(() => setActive(0), [q]);
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const add = (item: FeeItemView | undefined) => {
    if (!item) return;
    onAdd(item);
    setQ('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(shown.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      add(shown[active]);
    } else if (e.key === 'Escape' && q) {
      e.preventDefault();
      setQ('');
    }
  };

  const activeItem = shown[active];
  return (
    <div className="item-picker">
      <label className="field">
        <span className="field-label">
          {t('collect.addItem')} <kbd>F4</kbd>
        </span>
        <input
          ref={inputRef}
          name="item-filter"
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeItem ? `${listId}-${activeItem.id}` : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          spellCheck={false}
          maxLength={30}
          placeholder={t('collect.itemPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {items.length === 0 ? <p className="warn-box">{t('collect.noItems')}</p> : null}
      {items.length > 0 && shown.length === 0 ? <p className="hint">{t('collect.noItemMatch', { q: q.trim() })}</p> : null}
      <ul className="item-chips" id={listId} role="listbox" aria-label={t('collect.catalogue')} ref={listRef}>
        {shown.map((item, i) => (
          <li
            key={item.id}
            id={`${listId}-${item.id}`}
            role="option"
            aria-selected={i === active}
            className="item-chip"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => add(item)}
          >
            <span className="item-chip-name">{item.name}</span>
            <span className="item-chip-price">{priceLabel(item, t)}</span>
            <span className="item-chip-code">{item.code}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
