import { useState, type FormEvent } from 'react';
import type { OperatorAdminView } from '../../../src-main/contract/index';
import { call } from '../../lib/api';
import type { Role } from '../../lib/roles';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { Field } from '../../app/ui/Field';

export function AddOperatorForm({ onAdded }: { onAdded: (o: OperatorAdminView) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('receptionist');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
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
      const o = await call('operators.create', { username: username.trim(), displayName: displayName.trim(), role, password });
      setUsername('');
      setDisplayName('');
      setPassword('');
      setConfirm('');
      onAdded(o);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form card" onSubmit={(e) => void submit(e)}>
      <h2>{t('operators.add')}</h2>
      <div className="grid-3">
        <label className="field">
          <span className="field-label">{t('operators.username')}</span>
          <input name="new-username" autoComplete="off" value={username} maxLength={32} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('operators.displayName')}</span>
          <input name="new-displayName" autoComplete="off" value={displayName} maxLength={40} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('operators.role')}</span>
          <select name="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="receptionist">{t('role.receptionist')}</option>
            <option value="supervisor">{t('role.supervisor')}</option>
            <option value="admin">{t('role.admin')}</option>
          </select>
        </label>
        <Field label={t('setup.password')} hint={t('setup.passwordHint')}>
          <input type="password" name="new-password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <label className="field">
          <span className="field-label">{t('setup.confirm')}</span>
          <input type="password" name="new-confirm" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="submit" className="btn primary" disabled={busy}>
            {t('operators.addButton')}
          </button>
        </div>
      </div>
      {local ? (
        <p className="error-box" role="alert">
          {local}
        </p>
      ) : null}
      <ErrorBox error={error} />
    </form>
  );
}
