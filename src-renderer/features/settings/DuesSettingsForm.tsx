import { useEffect, useState, type FormEvent } from 'react';
import type { ReceivablesSettings } from '@shared/contract/receivables';
import { useCall, useSend } from '../../lib/query';
import { moneyText, parseWhole } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';

const RULES: { id: ReceivablesSettings['firstMonth']; label: MsgKey }[] = [
  { id: 'by_days', label: 'lateSettings.firstMonth.by_days' },
  { id: 'whole', label: 'lateSettings.firstMonth.whole' },
  { id: 'next', label: 'lateSettings.firstMonth.next' },
];

/** ￥1,000.00 owed 30 days late at `dailyBp` 万分之 a day, capped at `capPct` % (the example under the fields). */
export function exampleLateFee(dailyBp: number, capPct: number): { feeFen: number; capFen: number } {
  const owed = 100_000;
  const capFen = Math.round((owed * capPct) / 100);
  return { feeFen: Math.min(Math.round((owed * dailyBp * 30) / 10_000), capFen), capFen };
}

/** 欠费与违约金 (admin): how a mid-month hand-over's first month is charged, and the late fee (off unless the contracts say so). */
export function DuesSettingsForm() {
  const t = useT();
  const current = useCall('receivables.settings.get', {});
  const [firstMonth, setFirstMonth] = useState<ReceivablesSettings['firstMonth']>('whole');
  const [enabled, setEnabled] = useState(false);
  const [dailyBp, setDailyBp] = useState('');
  const [capPct, setCapPct] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const send = useSend();

  const show = (s: ReceivablesSettings) => {
    setFirstMonth(s.firstMonth);
    setEnabled(s.lateFee.enabled);
    setDailyBp(String(s.lateFee.dailyBp));
    setCapPct(String(s.lateFee.capPct));
  };
  useEffect(() => {
    if (current.data) show(current.data);
  }, [current.data]);

  const bp = parseWhole(dailyBp, { min: 0, max: 100 });
  const cap = parseWhole(capPct, { min: 0, max: 100 });
  const example = bp.ok && cap.ok ? exampleLateFee(bp.value, cap.value) : null;

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!bp.ok || !cap.ok) return setProblem(t('lateSettings.wholeProblem', { max: 100 }));
    setProblem(null);
    return action.start({
      run: async () => {
        show(await send('receivables.settings.save', { firstMonth, lateFee: { enabled, dailyBp: bp.value, capPct: cap.value } }));
        setSaved(true);
      },
    });
  };

  return (
    <form className="form card" onSubmit={(e) => void save(e)} aria-labelledby="dues-settings-title">
      <h2 id="dues-settings-title">{t('lateSettings.tab')}</h2>
      <label className="field narrow-field">
        <span className="field-label">{t('lateSettings.firstMonth')}</span>
        <select name="firstMonth" value={firstMonth} onChange={(e) => setFirstMonth(e.target.value as ReceivablesSettings['firstMonth'])}>
          {RULES.map((r) => (
            <option key={r.id} value={r.id}>
              {t(r.label)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('lateSettings.enabled')}</span>
      </label>
      <label className="field narrow-field">
        <span className="field-label">{t('lateSettings.dailyBp')}</span>
        <input name="dailyBp" inputMode="numeric" autoComplete="off" value={dailyBp} disabled={!enabled} onChange={(e) => setDailyBp(e.target.value)} />
      </label>
      <label className="field narrow-field">
        <span className="field-label">{t('lateSettings.capPct')}</span>
        <input name="capPct" inputMode="numeric" autoComplete="off" value={capPct} disabled={!enabled} onChange={(e) => setCapPct(e.target.value)} />
      </label>
      {enabled && example ? (
        <p className="hint" data-testid="late-example">
          {t('lateSettings.example', { fee: moneyText(example.feeFen), cap: moneyText(example.capFen) })}
        </p>
      ) : null}
      <ErrorNote text={problem} />
      <ErrorBox error={action.error ?? current.error} />
      <OkNote text={saved ? t('lateSettings.saved') : null} />
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
