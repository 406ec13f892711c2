import { useState, type FormEvent } from 'react';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { Field } from '../../app/ui/Field';

/** 修改密码: every operator, for their own account. */
export function ChangePasswordTab() {
  const t = useT();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    setSaved(false);
    if (newPassword.length < 8) return setLocal(t('setup.passwordShort'));
    if (newPassword !== confirm) return setLocal(t('common.passwordMismatch'));
    setBusy(true);
    try {
      await call('auth.changePassword', { oldPassword, newPassword });
      setSaved(true);
      setOld('');
      setNew('');
      setConfirm('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form card narrow-form" onSubmit={(e) => void save(e)}>
      <label className="field">
        <span className="field-label">{t('password.old')}</span>
        <input type="password" name="oldPassword" autoComplete="current-password" value={oldPassword} onChange={(e) => setOld(e.target.value)} />
      </label>
      <Field label={t('password.new')} hint={t('setup.passwordHint')}>
        <input type="password" name="newPassword" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />
      </Field>
      <label className="field">
        <span className="field-label">{t('password.confirm')}</span>
        <input type="password" name="confirmPassword" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </label>
      {local ? (
        <p className="error-box" role="alert">
          {local}
        </p>
      ) : null}
      <ErrorBox error={error} />
      {saved ? (
        <p className="ok-box" role="status">
          {t('password.changed')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={busy}>
          {t('password.submit')}
        </button>
      </div>
    </form>
  );
}
