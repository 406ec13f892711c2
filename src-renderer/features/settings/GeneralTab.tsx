import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useStatus } from '../../app/status';
import { useAction } from '../../app/useAction';
import { Field } from '../../app/ui/Field';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { CashThresholdForm } from './CashThresholdForm';

/** 常规: the property name and the auto-lock minutes; the cash variance limit. */
export function GeneralTab() {
  const t = useT();
  const { refresh } = useStatus();
  const [propertyName, setPropertyName] = useState('');
  const [terminalId, setTerminalId] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const { setError } = action;

  useEffect(() => {
    call('settings.get', {})
      .then((s) => {
        setPropertyName(s.propertyName);
        setTerminalId(s.terminalId);
        setMinutes(String(s.idleLockMinutes));
      })
      .catch((e: unknown) => setError(e));
  }, [setError]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const m = Number(minutes);
    return action.start({
      check: () => {
        if (!Number.isInteger(m) || m < 1 || m > 240) return t('general.minutesRange');
        if (propertyName.trim().length < 2) return t('general.nameShort');
        return null;
      },
      run: async () => {
        const s = await call('settings.update', { propertyName: propertyName.trim(), idleLockMinutes: m });
        setPropertyName(s.propertyName);
        setMinutes(String(s.idleLockMinutes));
        setSaved(true);
        await refresh();
      },
    });
  };

  return (
    <>
    <form className="form card" onSubmit={(e) => void save(e)}>
      <div className="grid-2">
        <label className="field">
          <span className="field-label">{t('setup.propertyName')}</span>
          <input name="propertyName" value={propertyName} maxLength={40} onChange={(e) => setPropertyName(e.target.value)} />
        </label>
        <Field label={t('setup.terminalId')} hint={t('general.terminalFixed')}>
          <input name="terminalId" value={terminalId} readOnly aria-readonly="true" />
        </Field>
        <Field label={t('general.idleMinutes')} hint={t('general.idleHint')}>
          <input name="idleLockMinutes" type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </Field>
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <OkNote text={saved ? t('common.saved') : null} />
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
    <CashThresholdForm />
    </>
  );
}
