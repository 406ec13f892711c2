import type { KeyboardEvent } from 'react';
import { countTotalFen, DENOMINATIONS, type DenominationCount } from '@shared/contract/cash';
import { useT } from '../../app/i18n/I18n';
import { Money } from '../../app/ui/Money';
import { FieldProblem } from '../../app/ui/Notes';
import { parseWhole, type Problem } from '../../lib/money';

export type CountDraft = Record<string, string>;

export const emptyCount = (): CountDraft => Object.fromEntries(DENOMINATIONS.map((d) => [String(d), '']));

/** The typed counts as cash.open/close take them, or the problem of each denomination. */
export function checkCount(draft: CountDraft): { count: DenominationCount | null; problems: Record<string, Problem>; totalFen: number } {
  const count: DenominationCount = {};
  const problems: Record<string, Problem> = {};
  for (const d of DENOMINATIONS) {
    const r = parseWhole(draft[String(d)] ?? '', { min: 0, max: 100000, blank: 0 });
    if (r.ok) {
      if (r.value > 0) count[String(d)] = r.value;
    } else problems[String(d)] = r.problem;
  }
  return { count: Object.keys(problems).length ? null : count, problems, totalFen: countTotalFen(count) };
}

/** "100 元", "5 角": how a note or coin is called. */
export function useDenominationLabel() {
  const t = useT();
  return (fen: number) => (fen >= 100 ? t('denom.yuan', { n: fen / 100 }) : t('denom.jiao', { n: fen / 10 }));
}

interface Props {
  draft: CountDraft;
  onChange: (d: CountDraft) => void;
  /** where Enter in the last count goes */
  onLast: () => void;
  /** the label of the total line (开班: 备用金合计; 结班: 实点合计) */
  totalLabel: string;
  name: string;
}

/**
 * Notes and coins by denomination (100, 50, 20, 10, 5, 1 元, 5 角, 1 角): how many of each, the amount of
 * each line and the running total. Enter moves to the next denomination, like counting down the drawer.
 */
export function DenominationTable({ draft, onChange, onLast, totalLabel, name }: Props) {
  const t = useT();
  const label = useDenominationLabel();
  const { problems, totalFen } = checkCount(draft);

  const onKey = (e: KeyboardEvent<HTMLInputElement>, i: number) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const next = DENOMINATIONS[i + 1];
    if (next !== undefined) document.querySelector<HTMLInputElement>(`[name="${name}-${next}"]`)?.focus();
    else onLast();
  };

  const half = Math.ceil(DENOMINATIONS.length / 2);
  const columns = [DENOMINATIONS.slice(0, half), DENOMINATIONS.slice(half)];
  return (
    <div className="denoms" data-testid={`${name}-table`}>
      <div className="denom-columns">
        {columns.map((col, c) => (
          <table key={c} className="table denom-table">
            <thead>
              <tr>
                <th>{t('denom.face')}</th>
                <th className="num">{t('denom.count')}</th>
                <th className="num">{t('denom.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {col.map((d) => {
                const i = DENOMINATIONS.indexOf(d);
                const key = String(d);
                const n = parseWhole(draft[key] ?? '', { min: 0, max: 100000, blank: 0 });
                const problem = problems[key];
                return (
                  <tr key={d}>
                    <th scope="row" className="denom-face">
                      <label htmlFor={`${name}-${d}`}>{label(d)}</label>
                    </th>
                    <td className="num">
                      <input
                        id={`${name}-${d}`}
                        name={`${name}-${d}`}
                        className="count-input"
                        inputMode="numeric"
                        autoComplete="off"
                        placeholder="0"
                        value={draft[key] ?? ''}
                        aria-invalid={problem ? true : undefined}
                        onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
                        onKeyDown={(e) => onKey(e, i)}
                      />
                      <FieldProblem problem={problem} />
                    </td>
                    <td className="num">
                      <Money fen={n.ok ? d * n.value : 0} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </div>
      <p className="count-total" aria-live="polite">
        <span className="count-total-label">{totalLabel}</span>
        <Money fen={totalFen} className="count-total-amount" testId={`${name}-total`} />
      </p>
    </div>
  );
}
