import { useState, type FormEvent } from 'react';
import type { FeeItemView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { formatFen, parseAmount, type Problem } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';
import { ErrorNote, FieldProblem } from '../../app/ui/Notes';
import { CATEGORY_LABEL, RULE_LABEL } from '../fees/labels';

type Category = FeeItemView['category'];
type Rule = FeeItemView['rule'];

const CATEGORIES = Object.keys(CATEGORY_LABEL) as Category[];
const RULES = Object.keys(RULE_LABEL) as Rule[];
const PRICE_LABEL: Record<Rule, MsgKey> = {
  fixed: 'items.price.fixed',
  per_area_month: 'items.price.perAreaMonth',
  per_month: 'items.price.perMonth',
  metered: 'items.price.metered',
  amount: 'items.price.amount',
};

/** Add or change one fee item: code, name, category, price rule, unit price, unit, refundable, active, order. */
export function FeeItemDialog({
  item,
  nextSort,
  onSaved,
  onCancel,
}: {
  item: FeeItemView | null;
  nextSort: number;
  onSaved: (i: FeeItemView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [code, setCode] = useState(item?.code ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [category, setCategory] = useState<Category>(item?.category ?? 'property');
  const [rule, setRule] = useState<Rule>(item?.rule ?? 'fixed');
  const [price, setPrice] = useState(item ? formatFen(item.unitPriceFen) : '');
  const [unit, setUnit] = useState(item?.unitLabel ?? '');
  const [refundable, setRefundable] = useState(item?.refundable ?? false);
  const [active, setActive] = useState(item?.active ?? true);
  const [sort, setSort] = useState(String(item?.sort ?? nextSort));
  const [priceProblem, setPriceProblem] = useState<Problem | null>(null);
  const action = useAction();
  const send = useSend();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = rule === 'amount' && price.trim() === '' ? ({ ok: true, value: 0 } as const) : parseAmount(price, { allowZero: rule === 'amount' });
    setPriceProblem(p.ok ? null : p.problem);
    const s = Number(sort);
    return action.start({
      check: () => {
        if (!p.ok) return t('items.fixPrice');
        if (!/^[A-Za-z0-9_-]{1,16}$/.test(code.trim())) return t('items.badCode');
        if (!name.trim()) return t('items.needName');
        if (!Number.isInteger(s) || s < 0 || s > 9999) return t('items.badSort');
        return null;
      },
      run: async () => {
        if (!p.ok) return;
        const saved = await send('fees.items.save', {
          ...(item ? { id: item.id } : {}),
          code: code.trim(),
          name: name.trim(),
          category,
          rule,
          unitPriceFen: p.value,
          unitLabel: unit.trim(),
          refundable,
          active,
          sort: s,
        });
        onSaved(saved);
      },
      keepBusyOnSuccess: true,
    });
  };

  return (
    <Dialog title={item ? t('items.editTitle', { name: item.name }) : t('items.addTitle')} onClose={onCancel} className="wide-dialog">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="grid-2">
          <Field label={t('items.code')} hint={t('items.codeHint')}>
            <input name="item-code" autoComplete="off" spellCheck={false} maxLength={16} value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <label className="field">
            <span className="field-label">{t('items.name')}</span>
            <input name="item-name" autoComplete="off" maxLength={30} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('items.category')}</span>
            <select name="item-category" value={category} onChange={(e) => setCategory(e.target.value as Category)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(CATEGORY_LABEL[c])}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('items.rule')}</span>
            <select name="item-rule" value={rule} onChange={(e) => setRule(e.target.value as Rule)}>
              {RULES.map((r) => (
                <option key={r} value={r}>
                  {t(RULE_LABEL[r])}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t(PRICE_LABEL[rule])}</span>
            <input
              name="item-price"
              inputMode="decimal"
              autoComplete="off"
              className="amount-input"
              value={price}
              placeholder={rule === 'amount' ? '0' : ''}
              aria-invalid={priceProblem ? true : undefined}
              onChange={(e) => setPrice(e.target.value)}
            />
            <FieldProblem problem={priceProblem} />
          </label>
          <Field label={t('items.unit')} hint={t('items.unitHint')}>
            <input name="item-unit" autoComplete="off" maxLength={6} value={unit} onChange={(e) => setUnit(e.target.value)} />
          </Field>
          <Field label={t('items.sort')} hint={t('items.sortHint')}>
            <input name="item-sort" inputMode="numeric" value={sort} onChange={(e) => setSort(e.target.value)} />
          </Field>
          <div className="field checks">
            <label className="check">
              <input type="checkbox" name="item-refundable" checked={refundable} onChange={(e) => setRefundable(e.target.checked)} />
              <span>{t('items.refundable')}</span>
            </label>
            <label className="check">
              <input type="checkbox" name="item-active" checked={active} onChange={(e) => setActive(e.target.checked)} />
              <span>{t('items.active')}</span>
            </label>
          </div>
        </div>
        <p className="hint">{t(`items.ruleHint.${rule}`)}</p>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t('common.save')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
