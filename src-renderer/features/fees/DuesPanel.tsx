import { useState, type FormEvent, type RefObject } from 'react';
import type { FeeItemView } from '@shared/contract';
import { useCall } from '../../lib/query';
import { parseWhole } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useKeys } from '../../app/useKeys';
import { ErrorNote } from '../../app/ui/Notes';
import { DuesList } from './DuesList';
import { LateFeeWaiver } from './LateFeeWaiver';
import { duesLines } from './duesLines';
import type { LineDraft } from './lines';

interface Props {
  roomId: number;
  items: FeeItemView[];
  /** the collect tab is on screen and nothing is posted (F10 works) */
  active: boolean;
  /** the lines to put on the receipt in place of any for the same items */
  onCollect: (lines: LineDraft[]) => void;
  monthsRef?: RefObject<HTMLInputElement | null>;
}

/** 欠费 on 收费: the room's dues, F10 collects all of it, or a number of months from the oldest (paying ahead past it). */
export function DuesPanel({ roomId, items, active, onCollect, monthsRef }: Props) {
  const t = useT();
  const q = useCall('receivables.dues', { roomId });
  const [months, setMonths] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const dues = q.data?.roomId === roomId ? q.data : null;

  const collect = (n: number | 'all') => {
    setProblem(null);
    if (!dues) return;
    const r = duesLines(dues, items, n);
    if ('lines' in r) onCollect(r.lines);
    else setProblem(r.problem === 'nothing' ? t('dues.nothingToCollect') : t('dues.noCatalogueItem', { name: r.problem.inactive }));
  };

  useKeys(active && !!dues && dues.items.length > 0, { F10: () => collect('all') });

  const submitMonths = (e: FormEvent) => {
    e.preventDefault();
    const n = parseWhole(months, { min: 1, max: 120 });
    if (!n.ok) return setProblem(t('dues.monthsProblem'));
    collect(n.value);
  };

  if (q.error) return <ErrorBox error={q.error} />;
  if (!dues) return <p className="dues-loading hint">{t('dues.loading')}</p>;
  if (dues.items.length === 0) return <p className="dues-none hint">{t('dues.noPlan')}</p>;
  return (
    <DuesList
      dues={dues}
      lateAction={(i) => <LateFeeWaiver roomId={roomId} roomCode={dues.roomCode} item={i} />}
      actions={
        <div className="dues-actions">
          <button type="button" className="btn primary" onClick={() => collect('all')} disabled={dues.totalFen === 0}>
            {t('dues.collectAll')} <kbd>F10</kbd>
          </button>
          <form className="dues-first" onSubmit={submitMonths} aria-label={t('dues.collectFirst')}>
            <label className="dues-months-field">
              <span>{t('dues.monthsField')}</span>
              <input
                ref={monthsRef}
                name="dues-months"
                inputMode="numeric"
                autoComplete="off"
                value={months}
                onChange={(e) => setMonths(e.target.value)}
                aria-describedby="dues-hint"
              />
            </label>
            <button type="submit" className="btn">
              {t('dues.collectFirst')} <kbd>Enter</kbd>
            </button>
          </form>
          <p id="dues-hint" className="dues-hint hint">
            {t('dues.collectHint')}
          </p>
          <ErrorNote text={problem} />
        </div>
      }
    />
  );
}

/** After posting: what the room owes now (nothing, once all was collected; owed again after a void). */
export function PostedDues({ roomId }: { roomId: number }) {
  const q = useCall('receivables.dues', { roomId });
  if (q.error) return <ErrorBox error={q.error} />;
  return q.data && q.data.roomId === roomId && q.data.items.length > 0 ? <DuesList dues={q.data} /> : null;
}
