import { useState } from 'react';
import { useT } from '../i18n/I18n';
import { Field } from './Field';

/** A new password typed twice: its state and the check made before it is sent. */
export function useNewPassword() {
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  /** The message for a password too short or not typed the same twice; null when it will do. */
  const problem = (): string | null => {
    if (password.length < 8) return t('setup.passwordShort');
    if (password !== confirm) return t('common.passwordMismatch');
    return null;
  };
  const clear = () => {
    setPassword('');
    setConfirm('');
  };
  return { password, setPassword, confirm, setConfirm, problem, clear };
}

interface Props {
  value: ReturnType<typeof useNewPassword>;
  label: string;
  confirmLabel: string;
  /** Shown under the first field (linked by aria-describedby). */
  hint?: string;
  /** The inputs' name attributes, where the form has them. */
  names?: { password: string; confirm: string };
}

/** The two new-password inputs, side by side in a grid or one under the other (a fragment: no wrapper). */
export function NewPasswordFields({ value, label, confirmLabel, hint, names }: Props) {
  const input = (
    <input type="password" name={names?.password} autoComplete="new-password" value={value.password} onChange={(e) => value.setPassword(e.target.value)} />
  );
  return (
    <>
      {hint ? (
        <Field label={label} hint={hint}>
          {input}
        </Field>
      ) : (
        <label className="field">
          <span className="field-label">{label}</span>
          {input}
        </label>
      )}
      <label className="field">
        <span className="field-label">{confirmLabel}</span>
        <input type="password" name={names?.confirm} autoComplete="new-password" value={value.confirm} onChange={(e) => value.setConfirm(e.target.value)} />
      </label>
    </>
  );
}
