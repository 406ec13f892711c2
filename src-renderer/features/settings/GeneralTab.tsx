import { useEffect, useState, type FormEvent } from 'react';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useStatus } from '../../app/status';
import { useAction } from '../../app/useAction';
import { Field } from '../../app/ui/Field';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { CashThresholdForm } from './CashThresholdForm';
import { DuesSettingsForm } from './DuesSettingsForm';
import type { MsgKey } from '../../app/i18n/dict';

/** Zones a property of ours may be in; the label says the city and the offset. */
const ZONES: { tz: string; label: MsgKey }[] = [
  { tz: 'Asia/Shanghai', label: 'tz.shanghai' },
  { tz: 'Asia/Urumqi', label: 'tz.urumqi' },
  { tz: 'Asia/Hong_Kong', label: 'tz.hongKong' },
  { tz: 'Asia/Macau', label: 'tz.macau' },
  { tz: 'Asia/Taipei', label: 'tz.taipei' },
  { tz: 'Asia/Singapore', label: 'tz.singapore' },
  { tz: 'Asia/Tokyo', label: 'tz.tokyo' },
  { tz: 'Europe/London', label: 'tz.london' },
  { tz: 'UTC', label: 'tz.utc' },
];

/** 常规: the property name, its time zone and the auto-lock minutes; the cash variance limit. */
export function GeneralTab() {
  const t = useT();
  const { refresh } = useStatus();
  const [propertyName, setPropertyName] = useState('');
  const [terminalId, setTerminalId] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [timeZone, setTimeZone] = useState('Asia/Shanghai');
  const [zoneFixed, setZoneFixed] = useState(false);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const send = useSend();
  const current = useCall('settings.get', {});

  // the form shows the settings as read (again after a save)
  useEffect(() => {
    const s = current.data;
    if (!s) return;
    setPropertyName(s.propertyName);
    setTerminalId(s.terminalId);
    setMinutes(String(s.idleLockMinutes));
    setTimeZone(s.timeZone);
    setZoneFixed(!s.timeZoneChangeable);
  }, [current.data]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const m = Number(minutes);
    return action.start({
      check: () => {
        if (!Number.isInteger(m) || m < 1 || m > 240) return t('general.minutesRange');
        if (propertyName.trim().length < 2) return t('general.nameShort');
        return null;
      },
      run: async () => {
        const s = await send('settings.update', { propertyName: propertyName.trim(), idleLockMinutes: m, ...(zoneFixed ? {} : { timeZone }) });
        setPropertyName(s.propertyName);
        setMinutes(String(s.idleLockMinutes));
        setTimeZone(s.timeZone);
        setZoneFixed(!s.timeZoneChangeable);
        setSaved(true);
        await refresh();
      },
    });
  };

  return (
    <>
      <form className="form card" onSubmit={(e) => void save(e)}>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('setup.propertyName')}</span>
            <input name="propertyName" value={propertyName} maxLength={40} onChange={(e) => setPropertyName(e.target.value)} />
          </label>
          <Field label={t('setup.terminalId')} hint={t('general.terminalFixed')}>
            <input name="terminalId" value={terminalId} readOnly aria-readonly="true" />
          </Field>
          <Field label={t('general.timeZone')} hint={t(zoneFixed ? 'general.timeZoneFixed' : 'general.timeZoneHint')}>
            <select name="timeZone" value={timeZone} disabled={zoneFixed} onChange={(e) => setTimeZone(e.target.value)}>
              {ZONES.some((z) => z.tz === timeZone) ? null : <option value={timeZone}>{timeZone}</option>}
              {ZONES.map((z) => (
                <option key={z.tz} value={z.tz}>
                  {t(z.label)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('general.idleMinutes')} hint={t('general.idleHint')}>
            <input name="idleLockMinutes" type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </Field>
        </div>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error ?? current.error} />
        <OkNote text={saved ? t('common.saved') : null} />
        <div className="form-actions">
          <button type="submit" className="btn primary big" disabled={action.busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
      <CashThresholdForm />
      <DuesSettingsForm />
    </>
  );
}
