import { useRef, useState, type FormEvent } from 'react';
import type { AppointmentView, VisitPurpose } from '@shared/contract';
import { ApiError } from '../../lib/api';
import { formatDateTime, propertyToday } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { RoomPicker, type RoomPickerLabels } from '../fees/RoomPicker';
import type { Payer } from '../fees/room';
import { focusField } from './keys';
import { APPOINTMENT_STATUS, PURPOSE, PURPOSES } from './labels';
import { ListSection } from './ListSection';
import { PhoneField } from './PhoneField';
import { ReasonDialog } from './ReasonDialog';
import { DateInput } from '../../app/ui/DateInput';

/** An appointment is for a room of the roster: choosing 无房号 says a room is needed. */
const APPT_ROOM_LABELS: RoomPickerLabels = { chosen: 'vis.room', walkIn: 'vis.apptNoRoom', missing: 'vis.needApptRoom' };

/**
 * 预约: a resident phones the counter; the receptionist records the expected visitor, the room and the day.
 * The day's list (planned → 已到访 / 已离开 / 未到 / 已取消); 登记来访 starts the check-in from a planned one of
 * today, 取消 asks why.
 */
export function AppointmentsTab({ onCheckIn }: { onCheckIn: (a: AppointmentView) => void }) {
  const { t, lang } = useI18n();
  const send = useSend();
  const today = propertyToday();
  const [day, setDay] = useState(today);
  const list = useCall('visitors.appointments.list', { date: day }, { keepPrevious: true });
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [place, setPlace] = useState<Payer | null>(null);
  const [date, setDate] = useState(today);
  const [party, setParty] = useState('1');
  const [purpose, setPurpose] = useState<VisitPurpose>('friend');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [missingRoom, setMissingRoom] = useState(false);
  const [cancelling, setCancelling] = useState<AppointmentView | null>(null);
  const roomRef = useRef<HTMLInputElement>(null);
  const requestId = useRef(crypto.randomUUID());
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => {
        if (!name.trim()) return (focusField('visitorName'), t('vis.needName'));
        if (place?.kind !== 'room') {
          setMissingRoom(true);
          if (place) setPlace(null);
          roomRef.current?.focus();
          return t('vis.needApptRoom');
        }
        return null;
      },
      run: async () => {
        if (place?.kind !== 'room') return;
        try {
          const a = await send('visitors.appointments.create', {
            requestId: requestId.current,
            visitorName: name.trim(),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            roomId: place.roomId,
            date,
            partySize: Number(party) || 1,
            purpose,
            ...(note.trim() ? { note: note.trim() } : {}),
          });
          requestId.current = crypto.randomUUID();
          setSaved(t('vis.appt.saved', { name: a.nameMasked, room: a.roomCode, date: a.date }));
          setName('');
          setPhone('');
          setPlace(null);
          setParty('1');
          setNote('');
          setDay(a.date);
          focusField('visitorName');
        } catch (err) {
          if (err instanceof ApiError && err.field) focusField(err.field);
          throw err;
        }
      },
    });
  };

  const rows = list.data ?? [];
  return (
    <div className="vis-two">
      <form className="form vis-appt-form" onSubmit={(e) => void submit(e)} aria-labelledby="vis-appt-new">
        <h2 id="vis-appt-new" className="section-title">
          {t('vis.appt.new')}
        </h2>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('vis.name')}</span>
            <input name="visitorName" value={name} maxLength={40} autoComplete="off" onChange={(e) => setName(e.target.value)} />
          </label>
          <PhoneField name="phone" label={t('vis.phoneOptional')} value={phone} onChange={setPhone} />
          <label className="field">
            <span className="field-label">{t('vis.appt.date')}</span>
            <DateInput name="date" value={date} onChange={(v) => setDate(v)} />
          </label>
          <label className="field">
            <span className="field-label">{t('vis.party')}</span>
            <input type="number" name="partySize" min={1} max={50} value={party} onChange={(e) => setParty(e.target.value)} />
          </label>
        </div>
        <RoomPicker
          value={place}
          onChange={(p) => (setPlace(p?.kind === 'room' ? p : null), setMissingRoom(p?.kind === 'walkin'))}
          inputRef={roomRef}
          onPicked={() => undefined}
          missing={missingRoom}
          labels={APPT_ROOM_LABELS}
        />
        <label className="field">
          <span className="field-label">{t('vis.purpose')}</span>
          <select name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as VisitPurpose)}>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(PURPOSE[p])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('vis.note')}</span>
          <input name="note" value={note} maxLength={100} autoComplete="off" onChange={(e) => setNote(e.target.value)} />
        </label>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <OkNote text={saved} />
        <div className="vis-actions">
          <button type="submit" className="btn primary" disabled={action.busy}>
            {t('vis.appt.save')}
          </button>
        </div>
      </form>

      <ListSection
        id="vis-appt-day"
        className="vis-appt-list"
        title={t('vis.appt.list')}
        filters={
          <>
            <label className="field vis-inline">
              <span className="field-label">{t('vis.appt.day')}</span>
              <DateInput name="appt-day" value={day} onChange={(v) => v && setDay(v)} />
            </label>
          </>
        }
        error={list.error}
        rows={list.data ? rows : undefined}
        empty={t('vis.appt.none')}
        testId="appt-table"
        columns={[t('vis.visitor'), t('vis.room'), t('vis.purpose'), t('vis.status'), t('vis.actions')]}
        rowKey={(a) => a.id}
        cells={(a) => (
          <>
            <td>
              {a.nameMasked} {a.phoneMasked}
              {a.partySize > 1 ? <span className="tag">{t('vis.partyOf', { n: a.partySize })}</span> : null}
              {a.note ? <div className="muted">{a.note}</div> : null}
            </td>
            <td className="room-code">{a.roomCode}</td>
            <td>{t(PURPOSE[a.purpose])}</td>
            <td>
              <span className={`tag ${a.status === 'planned' ? 'tag-warn' : 'tag-muted'}`}>{t(APPOINTMENT_STATUS[a.status])}</span>
              {a.cancelReason ? <div className="muted">{a.cancelReason}</div> : null}
              <div className="muted">{t('vis.appt.by', { name: a.createdByName, at: formatDateTime(a.createdAt, lang) })}</div>
            </td>
            <td className="row-actions">
              {a.status === 'planned' && a.date === today ? (
                <button type="button" className="btn small primary" onClick={() => onCheckIn(a)}>
                  {t('vis.appt.checkIn')}
                </button>
              ) : null}
              {a.status === 'planned' ? (
                <button type="button" className="btn small" onClick={() => setCancelling(a)}>
                  {t('vis.appt.cancel')}
                </button>
              ) : null}
            </td>
          </>
        )}
      />
      {cancelling ? (
        <ReasonDialog
          title={t('vis.appt.cancelTitle', { name: cancelling.nameMasked })}
          message={t('vis.appt.cancelText')}
          submitLabel={t('vis.appt.cancel')}
          picks={[
            { zh: '住户来电取消', label: t('vis.appt.reason.resident') },
            { zh: '访客改期', label: t('vis.appt.reason.rescheduled') },
          ]}
          onCancel={() => setCancelling(null)}
          onSubmit={async (reason) => {
            await send('visitors.appointments.cancel', { id: cancelling.id, reason });
            setCancelling(null);
          }}
        />
      ) : null}
    </div>
  );
}
