import { useState, type FormEvent } from 'react';
import { useCall, useSend } from '../../lib/query';
import { formatNumber } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Field } from '../../app/ui/Field';
import { OkNote } from '../../app/ui/Notes';

/** The buildings with their room and resident counts; supervisors and admins can add one. */
export function BuildingsTab({ canCreate }: { canCreate: boolean }) {
  const { t, lang } = useI18n();
  const buildings = useCall('roster.buildings.list', {});
  const list = buildings.data ?? null;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction();
  const send = useSend();

  const add = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    return save.start({
      run: async () => {
        const b = await send('roster.buildings.create', { code: code.trim(), ...(name.trim() ? { name: name.trim() } : {}) });
        setSaved(t('buildings.added', { name: b.name || b.code }));
        setCode('');
        setName('');
      },
    });
  };

  return (
    <div className="buildings">
      <ErrorBox error={buildings.error} />
      {list && list.length === 0 ? <p className="info-box">{t('buildings.none')}</p> : null}
      {list && list.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('buildings.code')}</th>
              <th>{t('buildings.name')}</th>
              <th className="num">{t('buildings.rooms')}</th>
              <th className="num">{t('buildings.residents')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.id}>
                <td className="room-code">{b.code}</td>
                <td>{b.name}</td>
                <td className="num">{formatNumber(b.rooms, lang)}</td>
                <td className="num">{formatNumber(b.residents, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canCreate ? (
        <form className="form inline-form card" onSubmit={(e) => void add(e)}>
          <h2>{t('buildings.add')}</h2>
          <div className="grid-3">
            <Field label={t('buildings.code')} hint={t('buildings.codeHint')}>
              <input name="building-code" value={code} maxLength={8} onChange={(e) => setCode(e.target.value)} />
            </Field>
            <label className="field">
              <span className="field-label">{t('buildings.nameOptional')}</span>
              <input name="building-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
            </label>
            <div className="field field-button">
              <button type="submit" className="btn primary" disabled={save.busy || !code.trim()}>
                {t('buildings.addButton')}
              </button>
            </div>
          </div>
          <ErrorBox error={save.error} />
          <OkNote text={saved} />
        </form>
      ) : null}
    </div>
  );
}
