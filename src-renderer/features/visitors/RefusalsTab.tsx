import { useRef, useState, type FormEvent } from 'react';
import type { RefusalView } from '@shared/contract';
import { addDays } from '@shared/calendar';
import { ApiError } from '../../lib/api';
import { formatDateTime, propertyToday } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { ListSection } from './ListSection';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { RoomPicker, type RoomPickerLabels } from '../fees/RoomPicker';
import type { Payer } from '../fees/room';
import { focusField } from './keys';
import { ReasonDialog } from './ReasonDialog';
import { DateInput } from '../../app/ui/DateInput';

/** No room chosen (or 全小区): refused for the whole property; a room: a resident's own instruction for it. */
const REFUSAL_ROOM_LABELS: RoomPickerLabels = { chosen: 'vis.refusal.scope', walkIn: 'vis.refusal.wholeProperty', missing: 'vis.refusal.scopeHint' };

/**
 * 拒绝来访名单: who is not let in (a name with a phone last four or a document last four), why and until
 * when, for the whole property or one room (a resident's instruction). Everyone sees the list; a supervisor
 * adds to it and ends an entry, with a reason.
 */
export function RefusalsTab({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const send = useSend();
  const [includeEnded, setIncludeEnded] = useState(false);
  const list = useCall('visitors.refusals.list', { includeEnded }, { keepPrevious: true });
  const [name, setName] = useState('');
  const [phone4, setPhone4] = useState('');
  const [doc4, setDoc4] = useState('');
  const [place, setPlace] = useState<Payer | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(() => addDays(propertyToday(), 90));
  const [saved, setSaved] = useState<string | null>(null);
  const [ending, setEnding] = useState<RefusalView | null>(null);
  const roomRef = useRef<HTMLInputElement>(null);
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => {
        if (!name.trim()) return (focusField('visitorName'), t('vis.needName'));
        if (!phone4.trim() && !doc4.trim()) return (focusField('phoneLast4'), t('vis.refusal.needMatch'));
        if (reason.trim().length < 2) return (focusField('reason'), t('vis.needReason'));
        return null;
      },
      run: async () => {
        try {
          const r = await send('visitors.refusals.save', {
            visitorName: name.trim(),
            ...(phone4.trim() ? { phoneLast4: phone4.trim() } : {}),
            ...(doc4.trim() ? { docLast4: doc4.trim() } : {}),
            roomId: place?.kind === 'room' ? place.roomId : null,
            reason: reason.trim(),
            untilDate: until,
          });
          setSaved(t('vis.refusal.saved', { name: r.nameMasked }));
          setName('');
          setPhone4('');
          setDoc4('');
          setPlace(null);
          setReason('');
        } catch (err) {
          if (err instanceof ApiError && err.field) focusField(err.field);
          throw err;
        }
      },
    });
  };

  const rows = list.data ?? [];
  return (
    <div className={canEdit ? 'vis-two' : undefined}>
      {canEdit ? (
        <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="vis-refusal-new">
          <h2 id="vis-refusal-new" className="section-title">
            {t('vis.refusal.new')}
          </h2>
          <label className="field">
            <span className="field-label">{t('vis.name')}</span>
            <input name="visitorName" value={name} maxLength={40} autoComplete="off" onChange={(e) => setName(e.target.value)} />
          </label>
          <div className="grid-2">
            <label className="field">
              <span className="field-label">{t('vis.phoneLast4')}</span>
              <input name="phoneLast4" value={phone4} maxLength={4} inputMode="numeric" autoComplete="off" onChange={(e) => setPhone4(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">{t('vis.docLast4')}</span>
              <input name="docLast4" value={doc4} maxLength={4} autoComplete="off" onChange={(e) => setDoc4(e.target.value)} />
            </label>
          </div>
          <RoomPicker value={place} onChange={setPlace} inputRef={roomRef} onPicked={() => undefined} missing={false} labels={REFUSAL_ROOM_LABELS} />
          <p className="field-hint">{t('vis.refusal.scopeHint')}</p>
          <label className="field">
            <span className="field-label">{t('vis.reason')}</span>
            <input name="reason" value={reason} maxLength={200} autoComplete="off" onChange={(e) => setReason(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('vis.refusal.until')}</span>
            <DateInput name="untilDate" value={until} onChange={(v) => setUntil(v)} />
          </label>
          <ErrorNote text={action.checkError} />
          <ErrorBox error={action.error} />
          <OkNote text={saved} />
          <div className="vis-actions">
            <button type="submit" className="btn primary" disabled={action.busy}>
              {t('vis.refusal.save')}
            </button>
          </div>
        </form>
      ) : null}
      <ListSection
        id="vis-refusal-list"
        title={t('vis.tab.refusals')}
        filters={
          <>
            <label className="check">
              <input type="checkbox" checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)} /> {t('vis.refusal.includeEnded')}
            </label>
          </>
        }
        hint={<>{!canEdit ? <p className="hint">{t('vis.refusal.supervisorOnly')}</p> : null}</>}
        error={list.error}
        rows={list.data ? rows : undefined}
        empty={t('vis.refusal.none')}
        testId="refusal-table"
        columns={[t('vis.visitor'), t('vis.refusal.scope'), t('vis.reason'), t('vis.refusal.until'), ...(canEdit ? [t('vis.actions')] : [])]}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ className: r.active ? undefined : 'vis-ended' })}
        cells={(r) => (
          <>
            <td>
              {r.nameMasked}
              {r.phoneLast4 ? <div className="muted">{t('vis.refusal.phone4', { v: r.phoneLast4 })}</div> : null}
              {r.docLast4 ? <div className="muted">{t('vis.refusal.doc4', { v: r.docLast4 })}</div> : null}
            </td>
            <td className="room-code">{r.roomCode ?? t('vis.refusal.wholeProperty')}</td>
            <td>
              {r.reason}
              <div className="muted">{t('vis.appt.by', { name: r.createdByName, at: formatDateTime(r.createdAt, lang) })}</div>
              {r.endedAt ? <div className="muted">{t('vis.refusal.ended', { name: r.endedByName ?? '', reason: r.endReason ?? '' })}</div> : null}
            </td>
            <td>{r.untilDate}</td>
            {canEdit ? (
              <td>
                {r.active ? (
                  <button type="button" className="btn small" onClick={() => setEnding(r)}>
                    {t('vis.refusal.end')}
                  </button>
                ) : null}
              </td>
            ) : null}
          </>
        )}
      />
      {ending ? (
        <ReasonDialog
          title={t('vis.refusal.endTitle', { name: ending.nameMasked })}
          message={t('vis.refusal.endText')}
          submitLabel={t('vis.refusal.end')}
          onCancel={() => setEnding(null)}
          onSubmit={async (why) => {
            await send('visitors.refusals.end', { id: ending.id, reason: why });
            setEnding(null);
          }}
        />
      ) : null}
    </div>
  );
}
