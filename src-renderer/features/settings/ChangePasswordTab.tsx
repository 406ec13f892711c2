import { useState, type FormEvent } from 'react';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { NewPasswordFields, useNewPassword } from '../../app/ui/NewPassword';
import { ErrorNote, OkNote } from '../../app/ui/Notes';

/** 修改密码: every operator, for their own account. */
export function ChangePasswordTab() {
  const t = useT();
  const [oldPassword, setOld] = useState('');
  const pw = useNewPassword();
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const send = useSend();

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    return action.start({
      check: pw.problem,
      run: async () => {
        await send('auth.changePassword', { oldPassword, newPassword: pw.password });
        setSaved(true);
        setOld('');
        pw.clear();
      },
    });
  };

  return (
    <form className="form card narrow-form" onSubmit={(e) => void save(e)}>
      <label className="field">
        <span className="field-label">{t('password.old')}</span>
        <input type="password" name="oldPassword" autoComplete="current-password" value={oldPassword} onChange={(e) => setOld(e.target.value)} />
      </label>
      <NewPasswordFields
        value={pw}
        label={t('password.new')}
        confirmLabel={t('password.confirm')}
        hint={t('setup.passwordHint')}
        names={{ password: 'newPassword', confirm: 'confirmPassword' }}
      />
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <OkNote text={saved ? t('password.changed') : null} />
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('password.submit')}
        </button>
      </div>
    </form>
  );
}
