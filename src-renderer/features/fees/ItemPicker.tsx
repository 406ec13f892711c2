import { useId, useMemo, useState, type RefObject } from 'react';
import type { FeeItemView } from '@shared/contract';
import { unitName } from '@shared/fee-line';
import { useI18n, type T } from '../../app/i18n/I18n';
import type { Lang } from '../../app/i18n/lang';
import { OptionList, SearchCombobox } from '../../app/ui/SearchCombobox';
import { useListboxKeys } from '../../app/useListboxKeys';
import { moneyText } from '../../lib/money';

/** "￥2.50/㎡·月", "￥150.00/月", "按金额": what an item costs, as the chip shows it. */
export function priceLabel(item: FeeItemView, t: T, lang: Lang): string {
  const p = moneyText(item.unitPriceFen);
  switch (item.rule) {
    case 'fixed':
      return `${p}/${item.unitLabel ? unitName(item.unitLabel, lang) : t('fee.unit.each')}`;
    case 'per_area_month':
      return `${p}/${t('fee.unit.m2month')}`;
    case 'per_month':
      return `${p}/${t('fee.unit.month')}`;
    case 'metered':
      return `${p}/${item.unitLabel ? unitName(item.unitLabel, lang) : t('fee.unit.unit')}`;
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
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const listId = useId();
  const shown = useMemo(() => filterItems(items, q), [items, q]);

  const add = (item: FeeItemView | undefined) => {
    if (!item) return;
    onAdd(item);
    setQ('');
  };
  // the list is filtered in place: what it shows always answers the box
  const { active, onKeyDown } = useListboxKeys({ items: shown, resetOn: q, onEnter: add, onEscape: () => (q ? (setQ(''), true) : false) });

  return (
    <div className="item-picker">
      <label className="field">
        <span className="field-label">
          {t('collect.addItem')} <kbd>F4</kbd>
        </span>
        <SearchCombobox
          inputRef={inputRef}
          name="item-filter"
          listId={listId}
          activeKey={shown[active]?.id}
          expanded={shown.length > 0}
          maxLength={30}
          placeholder={t('collect.itemPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {items.length === 0 ? <p className="warn-box">{t('collect.noItems')}</p> : null}
      {items.length > 0 && shown.length === 0 ? <p className="hint">{t('collect.noItemMatch', { q: q.trim() })}</p> : null}
      <OptionList
        id={listId}
        items={shown}
        active={active}
        keyOf={(i) => i.id}
        onPick={add}
        label={t('collect.catalogue')}
        className="item-chips"
        optionClassName={() => 'item-chip'}
        hideEmpty={false}
      >
        {(item) => (
          <>
            <span className="item-chip-name">{item.name}</span>
            <span className="item-chip-price">{priceLabel(item, t, lang)}</span>
            <span className="item-chip-code">{item.code}</span>
          </>
        )}
      </OptionList>
    </div>
  );
}
