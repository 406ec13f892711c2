import type { KeyboardEvent } from 'react';
import type { MsgKey } from '../../app/i18n/dict';
import { localizeFeeLine } from '@shared/fee-line';
import { useI18n } from '../../app/i18n/I18n';
import { Money } from '../../app/ui/Money';
import { FieldProblem } from '../../app/ui/Notes';
import { CATEGORY_LABEL } from './labels';
import { fieldsOf, type LineCheck, type LineDraft, type LineField } from './lines';
import type { Quote } from './useQuote';

const FIELD_LABEL: Record<LineField, MsgKey> = {
  quantity: 'line.quantity',
  months: 'line.months',
  from: 'line.from',
  meterFrom: 'line.meterFrom',
  meterTo: 'line.meterTo',
  amount: 'line.amount',
};

interface Props {
  lines: LineDraft[];
  checks: LineCheck[];
  /** the priced lines, in the same order, when the quote is for these lines */
  priced: Quote['lines'] | null;
  /** show the problems of empty fields too (after a try to post) */
  showAll: boolean;
  onChange: (key: number, field: LineField, value: string) => void;
  onRemove: (key: number) => void;
  /** Enter in a line's last field */
  onDone: () => void;
}

/** The lines being charged: each item with the inputs its rule needs, and the price from fees.quote. */
export function LinesTable({ lines, checks, priced, showAll, onChange, onRemove, onDone }: Props) {
  const { t, lang } = useI18n();
  if (lines.length === 0) return <p className="lines-empty">{t('collect.noLines')}</p>;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, fields: LineField[], i: number, key: number) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const next = fields[i + 1];
    if (next) document.querySelector<HTMLInputElement>(`[data-line="${key}"][data-field="${next}"]`)?.focus();
    else onDone();
  };

  return (
    <table className="table lines-table">
      <thead>
        <tr>
          <th>{t('collect.item')}</th>
          <th>{t('collect.inputs')}</th>
          <th className="num">{t('collect.amount')}</th>
          <th>
            <span className="sr-only">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, idx) => {
          const check = checks[idx];
          const fields = fieldsOf(l.item.rule);
          const p = priced?.[idx];
          return (
            <tr key={l.key} data-testid="fee-line">
              <td className="line-item">
                <span className="line-name" data-data="">
                  {l.item.name}
                </span>
                <span className="tag tag-muted">{t(CATEGORY_LABEL[l.item.category])}</span>
                {p?.detail ? <span className="line-detail">{localizeFeeLine(p.detail, p.quantity, lang).detail}</span> : null}
              </td>
              <td>
                <div className="line-fields">
                  {fields.map((f, i) => {
                    const problem = check && !check.ok ? check.problems[f] : undefined;
                    const shown = problem && (showAll || l[f].trim() !== '') ? problem : null;
                    const errId = `line-${l.key}-${f}-err`;
                    return (
                      <label key={f} className={`field line-field line-field-${f}`}>
                        <span className="field-label small">{t(FIELD_LABEL[f], { unit: l.item.unitLabel || t('fee.unit.unit') })}</span>
                        <input
                          name={`line-${f}`}
                          data-line={l.key}
                          data-field={f}
                          type={f === 'from' ? 'month' : 'text'}
                          inputMode={f === 'from' ? undefined : f === 'amount' || f === 'meterFrom' || f === 'meterTo' ? 'decimal' : 'numeric'}
                          autoComplete="off"
                          aria-label={`${l.item.name} ${t(FIELD_LABEL[f], { unit: l.item.unitLabel || t('fee.unit.unit') })}`}
                          aria-invalid={shown ? true : undefined}
                          aria-describedby={shown ? errId : undefined}
                          value={l[f]}
                          onChange={(e) => onChange(l.key, f, e.target.value)}
                          onKeyDown={(e) => onKeyDown(e, fields, i, l.key)}
                        />
                        <FieldProblem problem={shown} id={errId} />
                      </label>
                    );
                  })}
                </div>
              </td>
              <td className="num line-amount">{p ? <Money fen={p.amountFen} /> : <span className="hint">—</span>}</td>
              <td>
                <button type="button" className="btn small" onClick={() => onRemove(l.key)} aria-label={t('collect.removeLine', { name: l.item.name })}>
                  {t('collect.remove')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
