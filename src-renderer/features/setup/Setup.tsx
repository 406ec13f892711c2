import { useState, type FormEvent } from 'react';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { LangSwitch } from '../../app/LangSwitch';
import { useStatus } from '../../app/status';
import { useAction } from '../../app/useAction';
import { Field } from '../../app/ui/Field';
import { NewPasswordFields, useNewPassword } from '../../app/ui/NewPassword';
import { ErrorNote } from '../../app/ui/Notes';

/** First run: the property, this terminal's id and the first administrator. */
export function Setup({ onDone }: { onDone: (demo: boolean) => void }) {
  const t = useT();
  const { refresh } = useStatus();
  const [propertyName, setPropertyName] = useState('');
  const [terminalId, setTerminalId] = useState('T01');
  const [username, setUsername] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const pw = useNewPassword();
  const [demo, setDemo] = useState(false);
  const action = useAction();
  const send = useSend();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: pw.problem,
      run: async () => {
        await send('system.setup', {
          propertyName: propertyName.trim(),
          terminalId: terminalId.trim(),
          admin: { username: username.trim(), displayName: displayName.trim(), password: pw.password },
          demoData: demo,
        });
        onDone(demo);
        await refresh();
      },
    });
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
                <input
                  name="propertyName"
                  autoFocus
                  value={propertyName}
                  maxLength={40}
                  placeholder={t('setup.propertyNameExample')}
                  onChange={(e) => setPropertyName(e.target.value)}
                />
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
              <NewPasswordFields
                value={pw}
                label={t('setup.password')}
                confirmLabel={t('setup.confirm')}
                hint={t('setup.passwordHint')}
                names={{ password: 'adminPassword', confirm: 'adminConfirm' }}
              />
            </div>
          </fieldset>
          <label className="check">
            <input type="checkbox" name="demoData" checked={demo} onChange={(e) => setDemo(e.target.checked)} />
            <span>{t('setup.demo')}</span>
          </label>
          <ErrorNote text={action.checkError} />
          <ErrorBox error={action.error} />
          <div className="form-actions">
            <button type="submit" className="btn primary big" disabled={action.busy}>
              {action.busy ? t('common.working') : t('setup.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
