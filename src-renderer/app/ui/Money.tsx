import { moneyText } from '../../lib/money';

/** An amount: ￥ and two decimals, tabular figures; negative (voids, refunds) in red with a minus. */
export function Money({ fen, className, testId }: { fen: number; className?: string; testId?: string }) {
  const cls = ['money', fen < 0 ? 'negative' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <span className={cls} data-testid={testId}>
      {moneyText(fen)}
    </span>
  );
}
