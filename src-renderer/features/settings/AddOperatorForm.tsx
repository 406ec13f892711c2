import { useState, type FormEvent } from 'react';
import type { OperatorAdminView } from '@shared/contract';
import { useSend } from '../../lib/query';
import type { Role } from '../../lib/roles';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { NewPasswordFields, useNewPassword } from '../../app/ui/NewPassword';
import { ErrorNote } from '../../app/ui/Notes';

export function AddOperatorForm({ onAdded }: { onAdded: (o: OperatorAdminView) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('receptionist');
  const pw = useNewPassword();
  const action = useAction();
  const send = useSend();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: pw.problem,
      run: async () => {
        const o = await send('operators.create', { username: username.trim(), displayName: displayName.trim(), role, password: pw.password });
        setUsername('');
        setDisplayName('');
        pw.clear();
        onAdded(o);
      },
    });
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
        <NewPasswordFields
          value={pw}
          label={t('setup.password')}
          confirmLabel={t('setup.confirm')}
          hint={t('setup.passwordHint')}
          names={{ password: 'new-password', confirm: 'new-confirm' }}
        />
        <div className="field field-button">
          <button type="submit" className="btn primary" disabled={action.busy}>
            {t('operators.addButton')}
          </button>
        </div>
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
    </form>
  );
}
