import { useEffect, useState, type FormEvent } from 'react';
import { useCall, useSend } from '../../lib/query';
import { formatFen, parseAmount, type Problem } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { FieldProblem, OkNote } from '../../app/ui/Notes';

/** 备用金: the cash variance at close above which a supervisor must approve. */
export function CashThresholdForm() {
  const t = useT();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const send = useSend();
  const current = useCall('cash.settings.get', {});

  // the form shows the limit as read (again after a save)
  useEffect(() => {
    if (current.data) setValue(formatFen(current.data.varianceThresholdFen));
  }, [current.data]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const p = parseAmount(value, { allowZero: true });
    setProblem(p.ok ? null : p.problem);
    if (!p.ok) return;
    return action.start({
      run: async () => {
        const s = await send('cash.settings.save', { varianceThresholdFen: p.value });
        setValue(formatFen(s.varianceThresholdFen));
        setSaved(true);
      },
    });
  };

  return (
    <form className="form card" onSubmit={(e) => void save(e)} aria-labelledby="threshold-title">
      <h2 id="threshold-title">{t('threshold.title')}</h2>
      <label className="field narrow-field">
        <span className="field-label">{t('threshold.label')}</span>
        <input
          name="varianceThreshold"
          inputMode="decimal"
          autoComplete="off"
          className="amount-input"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby="threshold-hint"
          onChange={(e) => setValue(e.target.value)}
        />
        <FieldProblem problem={problem} />
        <span className="field-hint" id="threshold-hint">
          {t('threshold.hint')}
        </span>
      </label>
      <ErrorBox error={action.error ?? current.error} />
      <OkNote text={saved ? t('common.saved') : null} />
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
