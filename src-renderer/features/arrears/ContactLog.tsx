import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { DateInput } from '../../app/ui/DateInput';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { WAY_LABEL, WAYS, type RoomRef, type Way } from './labels';
import { RoomChoice } from './RoomChoice';

/** A room's 催缴 log: add an entry from the keyboard (way, result, promised date, Enter), newest first below. */
export function ContactLog({ room, onRoom }: { room: RoomRef | null; onRoom: (r: RoomRef | null) => void }) {
  const { t, lang } = useI18n();
  const [way, setWay] = useState<Way>('phone');
  const [result, setResult] = useState('');
  const [promised, setPromised] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const resultRef = useRef<HTMLInputElement>(null);
  const log = useCall('receivables.contacts.list', { roomId: room?.roomId ?? 0 }, { enabled: !!room });
  const action = useAction();
  const send = useSend();
  const roomId = room?.roomId;
  // a room chosen (here or from the list): the cursor in 催缴结果 (Shift+Tab reaches the way, ←/→ changes it)
  useEffect(() => {
    if (roomId) window.setTimeout(() => resultRef.current?.focus(), 0);
  }, [roomId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!room) return;
    setNotice(null);
    void action.start({
      check: () => (result.trim() ? null : t('arr.needResult')),
      run: async () => {
        await send('receivables.contacts.add', { roomId: room.roomId, way, result: result.trim(), ...(promised ? { promisedDate: promised } : {}) });
        setNotice(t('arr.added', { room: room.roomCode }));
        setResult('');
        setPromised('');
        resultRef.current?.focus();
      },
    });
  };

  return (
    <div className="arr-log">
      <RoomChoice room={room} onRoom={onRoom} />
      {room ? (
        <form className="card arr-form" onSubmit={submit} aria-label={t('arr.tab.log')}>
          <fieldset className="fieldset seg-group">
            <legend className="field-label">{t('arr.way')}</legend>
            {WAYS.map((w) => (
              <label key={w} className="seg">
                <input type="radio" name="arr-way" value={w} checked={way === w} onChange={() => setWay(w)} />
                <span>{t(WAY_LABEL[w])}</span>
              </label>
            ))}
          </fieldset>
          <div className="arr-form-row">
            <label className="field grow">
              <span className="field-label">{t('arr.result')}</span>
              <input
                ref={resultRef}
                name="arr-result"
                autoComplete="off"
                maxLength={200}
                placeholder={t('arr.resultHint')}
                value={result}
                onChange={(e) => setResult(e.target.value)}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('arr.promised')}</span>
              <DateInput name="arr-promised" value={promised} onChange={setPromised} />
            </label>
            <div className="field field-button">
              <button type="submit" className="btn primary" disabled={action.busy}>
                {t('arr.add')}
              </button>
            </div>
          </div>
          <ErrorNote text={action.checkError} />
          <ErrorBox error={action.error} />
          <OkNote text={notice} />
        </form>
      ) : null}
      {room ? <ErrorBox error={log.error} /> : null}
      {room && log.data && log.data.length === 0 ? <p className="info-box">{t('arr.noLog')}</p> : null}
      {room && log.data && log.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table arr-log-table" data-testid="arr-log">
            <thead>
              <tr>
                <th>{t('arr.date')}</th>
                <th>{t('arr.way')}</th>
                <th>{t('arr.operator')}</th>
                <th>{t('arr.result')}</th>
                <th>{t('arr.promised')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.at, lang)}</td>
                  <td>{t(WAY_LABEL[c.way])}</td>
                  <td data-data="">{c.operatorName}</td>
                  <td data-data="">{c.result}</td>
                  <td>{c.promisedDate ? formatDate(c.promisedDate, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
