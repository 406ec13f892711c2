import { useState, type FormEvent } from 'react';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { LangSwitch } from '../../app/LangSwitch';
import { useStatus } from '../../app/status';
import { Field } from '../../app/ui/Field';

/** First run: the property, this terminal's id and the first administrator. */
export function Setup({ onDone }: { onDone: (demo: boolean) => void }) {
  const t = useT();
  const { refresh } = useStatus();
  const [propertyName, setPropertyName] = useState('');
  const [terminalId, setTerminalId] = useState('T01');
  const [username, setUsername] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [demo, setDemo] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    if (password.length < 8) return setLocal(t('setup.passwordShort'));
    if (password !== confirm) return setLocal(t('common.passwordMismatch'));
    setBusy(true);
    try {
      await call('system.setup', {
        propertyName: propertyName.trim(),
        terminalId: terminalId.trim(),
        admin: { username: username.trim(), displayName: displayName.trim(), password },
        demoData: demo,
      });
      onDone(demo);
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center-screen setup-screen">
      <div className="card wide">
        <div className="card-head">
          <div>
            <h1>{t('setup.title')}</h1>
            <p className="subtitle">{t('setup.intro')}</p>
          </div>
          <LangSwitch />
        </div>
        <form className="form" onSubmit={(e) => void submit(e)}>
          <fieldset className="fieldset">
            <legend>{t('setup.property')}</legend>
            <div className="grid-2">
              <label className="field">
                <span className="field-label">{t('setup.propertyName')}</span>
                <input name="propertyName" autoFocus value={propertyName} maxLength={40} placeholder={t('setup.propertyNameExample')} onChange={(e) => setPropertyName(e.target.value)} />
              </label>
              <Field label={t('setup.terminalId')} hint={t('setup.terminalHint')}>
                <input name="terminalId" value={terminalId} maxLength={16} onChange={(e) => setTerminalId(e.target.value)} />
              </Field>
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('setup.admin')}</legend>
            <div className="grid-2">
              <label className="field">
                <span className="field-label">{t('setup.username')}</span>
                <input name="adminUsername" autoComplete="off" value={username} maxLength={32} onChange={(e) => setUsername(e.target.value)} />
              </label>
              <label className="field">
                <span className="field-label">{t('setup.displayName')}</span>
                <input name="adminDisplayName" autoComplete="off" value={displayName} maxLength={40} onChange={(e) => setDisplayName(e.target.value)} />
              </label>
              <Field label={t('setup.password')} hint={t('setup.passwordHint')}>
                <input name="adminPassword" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              </Field>
              <label className="field">
                <span className="field-label">{t('setup.confirm')}</span>
                <input name="adminConfirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
              </label>
            </div>
          </fieldset>
          <label className="check">
            <input type="checkbox" name="demoData" checked={demo} onChange={(e) => setDemo(e.target.checked)} />
            <span>{t('setup.demo')}</span>
          </label>
          {local ? (
            <p className="error-box" role="alert">
              {local}
            </p>
          ) : null}
          <ErrorBox error={error} />
          <div className="form-actions">
            <button type="submit" className="btn primary big" disabled={busy}>
              {busy ? t('common.working') : t('setup.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
