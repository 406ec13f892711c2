import { useState, type FormEvent } from 'react';
import type { OperatorAdminView } from '../../../src-main/contract/index';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { Dialog } from '../../app/ui/Dialog';

export function ResetPasswordDialog({ operator, onDone, onCancel }: { operator: OperatorAdminView; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLocal(null);
    setError(null);
    if (password.length < 8) return setLocal(t('setup.passwordShort'));
    if (password !== confirm) return setLocal(t('common.passwordMismatch'));
    setBusy(true);
    try {
      await call('operators.resetPassword', { id: operator.id, newPassword: password });
      onDone();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('operators.resetTitle', { name: operator.displayName })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{t('operators.resetExplain')}</p>
        <label className="field">
          <span className="field-label">{t('password.new')}</span>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('password.confirm')}</span>
          <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
        {local ? (
          <p className="error-box" role="alert">
            {local}
          </p>
        ) : null}
        <ErrorBox error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="btn primary" disabled={busy}>
            {t('operators.resetButton')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
