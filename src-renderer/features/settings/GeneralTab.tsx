import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useStatus } from '../../app/status';
import { Field } from '../../app/ui/Field';

/** 常规: the property name and the auto-lock minutes. */
export function GeneralTab() {
  const t = useT();
  const { refresh } = useStatus();
  const [propertyName, setPropertyName] = useState('');
  const [terminalId, setTerminalId] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('settings.get', {})
      .then((s) => {
        setPropertyName(s.propertyName);
        setTerminalId(s.terminalId);
        setMinutes(String(s.idleLockMinutes));
      })
      .catch((e: unknown) => setError(e));
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    setSaved(false);
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 1 || m > 240) return setLocal(t('general.minutesRange'));
    if (propertyName.trim().length < 2) return setLocal(t('general.nameShort'));
    setBusy(true);
    try {
      const s = await call('settings.update', { propertyName: propertyName.trim(), idleLockMinutes: m });
      setPropertyName(s.propertyName);
      setMinutes(String(s.idleLockMinutes));
      setSaved(true);
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
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
      {local ? (
        <p className="error-box" role="alert">
          {local}
        </p>
      ) : null}
      <ErrorBox error={error} />
      {saved ? (
        <p className="ok-box" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
