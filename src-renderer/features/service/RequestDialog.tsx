import { useState } from 'react';
import { useCall, useSend } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog } from '../../app/ui/Dialog';
import { defaultName, KIND_LABEL, STATUS_LABEL, STATUS_TAG } from './labels';

const EVENT_LABEL: Record<string, MsgKey> = {
  log: 'svc.ev.log',
  dispatch: 'svc.ev.dispatch',
  start: 'svc.ev.start',
  done: 'svc.ev.done',
  callback: 'svc.ev.callback',
};

/** One request: what was reported, its history, and the next step for its state (派工 → 开始 → 完成 → 回访). */
export function RequestDialog({ id, departments, onClose }: { id: number; departments: string[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const q = useCall('requests.get', { id });
  const r = q.data ?? null;
  const [department, setDepartment] = useState(departments[0] ?? '');
  const [note, setNote] = useState('');
  const [satisfaction, setSatisfaction] = useState(0);
  const action = useAction();
  const send = useSend();

  // the request as it now stands (here and in the list) comes back with the refresh of the requests' reads
  const act = (run: () => Promise<unknown>) =>
    action.start({
      run: async () => {
        await run();
        setNote('');
      },
    });

  const canDone =
    r && (r.status === 'dispatched' || r.status === 'in_progress' || (r.status === 'logged' && (r.kind === 'enquiry' || r.kind === 'suggestion')));
  return (
    <Dialog title={r ? t('svc.detailTitle', { kind: t(KIND_LABEL[r.kind]), id: r.id }) : '…'} onClose={onClose} className="wide-dialog">
      {r ? (
        <div className="svc-detail">
          <dl className="facts">
            <dt>{t('svc.state')}</dt>
            <dd>
              <span className={`tag ${STATUS_TAG[r.status]}`}>{t(STATUS_LABEL[r.status])}</span> {r.department ? defaultName(r.department, t) : ''}
            </dd>
            <dt>{t('svc.room')}</dt>
            <dd>{r.roomCode ?? t('svc.noRoom')}</dd>
            <dt>{t('svc.category')}</dt>
            <dd>
              {defaultName(r.category, t)}
              {r.urgency === 'urgent' ? <span className="tag tag-bad"> {t('svc.urgent')}</span> : null}
            </dd>
            <dt>{t('svc.description')}</dt>
            <dd className="svc-desc">{r.description}</dd>
            {r.callerMasked || r.phoneLast4 ? (
              <>
                <dt>{t('svc.callerShown')}</dt>
                <dd>
                  {r.callerMasked} {r.phoneLast4 ? `****${r.phoneLast4}` : ''}
                </dd>
              </>
            ) : null}
          </dl>
          {r.clockAnomaly ? <p className="warn-box">{t('svc.clockAnomaly')}</p> : null}

          {r.status === 'logged' && r.kind !== 'enquiry' && r.kind !== 'suggestion' ? (
            <div className="svc-step">
              <label className="field">
                <span className="field-label">{t('svc.department')}</span>
                <select name="svc-department" value={department} onChange={(e) => setDepartment(e.target.value)} data-autofocus>
                  {departments.map((d) => (
                    <option key={d} value={d}>
                      {defaultName(d, t)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="btn primary big"
                disabled={action.busy}
                onClick={() => void act(() => send('requests.dispatch', { id: r.id, department }))}
              >
                {t('svc.dispatch')}
              </button>
            </div>
          ) : null}
          {r.status === 'dispatched' ? (
            <div className="svc-step">
              <button type="button" className="btn" disabled={action.busy} onClick={() => void act(() => send('requests.start', { id: r.id }))}>
                {t('svc.start')}
              </button>
            </div>
          ) : null}
          {canDone ? (
            <div className="svc-step">
              <label className="field grow">
                <span className="field-label">{t('svc.doneNote')}</span>
                <input name="svc-done-note" autoComplete="off" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              <button type="button" className="btn primary" disabled={action.busy} onClick={() => void act(() => send('requests.done', { id: r.id, note }))}>
                {t('svc.done')}
              </button>
            </div>
          ) : null}
          {r.status === 'done' ? (
            <div className="svc-step svc-callback">
              <fieldset className="fieldset seg-group">
                <legend>{t('svc.satisfaction')}</legend>
                {[5, 4, 3, 2, 1].map((n) => (
                  <label key={n} className="seg">
                    <input type="radio" name="svc-sat" checked={satisfaction === n} onChange={() => setSatisfaction(n)} />
                    <span>
                      {n} {t(`svc.sat.${n}` as MsgKey)}
                    </span>
                  </label>
                ))}
              </fieldset>
              <label className="field grow">
                <span className="field-label">{t('svc.callbackNote')}</span>
                <input name="svc-callback-note" autoComplete="off" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              <button
                type="button"
                className="btn primary"
                disabled={action.busy || satisfaction === 0}
                onClick={() => void act(() => send('requests.callback', { id: r.id, satisfaction, ...(note.trim() ? { note } : {}) }))}
              >
                {t('svc.callback')}
              </button>
            </div>
          ) : null}
          <ErrorBox error={action.error} />

          <h3>{t('svc.history')}</h3>
          <ol className="svc-events">
            {r.events.map((e, i) => (
              <li key={i}>
                <span className="hint">{formatDateTime(e.at, lang)}</span> {e.operatorName} {t(EVENT_LABEL[e.action] ?? 'svc.ev.log')}
                {e.note ? t('common.colonNote', { note: e.note }) : ''}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <ErrorBox error={q.error} />
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
