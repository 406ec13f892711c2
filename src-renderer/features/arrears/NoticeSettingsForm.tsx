import { useEffect, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { OkNote } from '../../app/ui/Notes';
import { useCall, useSend } from '../../lib/query';

/** What every notice says about paying and whom to call (supervisors). */
export function NoticeSettingsForm() {
  const { t } = useI18n();
  const q = useCall('receivables.notices.settings.get', {});
  const [howToPay, setHowToPay] = useState('');
  const [contact, setContact] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const send = useSend();
  useEffect(() => {
    if (q.data) {
      setHowToPay(q.data.howToPay);
      setContact(q.data.contact);
    }
  }, [q.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    void action.start({
      run: async () => {
        await send('receivables.notices.settings.save', { howToPay, contact });
        setSaved(t('common.saved'));
      },
    });
  };
  return (
    <details className="card arr-settings">
      <summary>{t('arr.noticeSettings')}</summary>
      <form onSubmit={submit}>
        <div className="arr-form-row">
          <label className="field grow">
            <span className="field-label">{t('arr.howToPay')}</span>
            <input name="howToPay" autoComplete="off" maxLength={300} value={howToPay} onChange={(e) => setHowToPay(e.target.value)} data-data="" />
          </label>
          <label className="field grow">
            <span className="field-label">{t('arr.contact')}</span>
            <input name="contact" autoComplete="off" maxLength={200} value={contact} onChange={(e) => setContact(e.target.value)} data-data="" />
          </label>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={action.busy}>
              {t('arr.saveSettings')}
            </button>
          </div>
        </div>
        <ErrorBox error={action.error} />
        <OkNote text={saved} />
      </form>
    </details>
  );
}
