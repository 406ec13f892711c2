import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppointmentView, CheckInResult, DocType, ReturningVisitor } from '@shared/contract';
import { plateProblem } from '@shared/plate';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useCall, useFetch, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { useKeys } from '../../app/useKeys';
import { ErrorNote } from '../../app/ui/Notes';
import { useSupervisorApproval } from '../auth/SupervisorApproval';
import { RoomPicker, type RoomPickerLabels } from '../fees/RoomPicker';
import { CONSENT, DOC_TYPE, DOC_TYPES, PURPOSE, PURPOSES } from './labels';
import { CheckInDone } from './CheckInDone';
import { PhoneField } from './PhoneField';
import { focusField } from './keys';
import { EMPTY, fromAppointment, type Draft } from './checkInDraft';

/** The room picker in this screen's words: the room visited, or 公共区域 (then where and why). */
export const VISIT_ROOM_LABELS: RoomPickerLabels = { chosen: 'vis.room', walkIn: 'vis.commonArea', missing: 'vis.needRoom' };

interface Props {
  /** check-in started from an appointment of today (預約 → 登记来访) */
  appointment: AppointmentView | null;
  onAppointmentDone: () => void;
}

/**
 * 来访登记: a walk-up visitor in one form (name, phone, document, party, plate, purpose, room, consent) →
 * 登记并打印 (F9) → the pass. A returning visitor (same name and phone last four) is offered the last
 * visit's details; a visitor on the refusal list stops with the reason until a supervisor lets them in.
 */
export function CheckInTab({ appointment, onAppointmentDone }: Props) {
  const { t, lang } = useI18n();
  const send = useSend();
  const fetch = useFetch();
  const approval = useSupervisorApproval();
  const action = useAction();
  const settings = useCall('visitors.settings.get', {}).data;
  const [d, setD] = useState<Draft>(() => (appointment ? fromAppointment(appointment) : EMPTY));
  const [returning, setReturning] = useState<ReturningVisitor | null>(null);
  const [fromVisit, setFromVisit] = useState<ReturningVisitor | null>(null);
  const [refused, setRefused] = useState<{ message: string; subject: string } | null>(null);
  const [done, setDone] = useState<CheckInResult | null>(null);
  const [missingRoom, setMissingRoom] = useState(false);
  const requestId = useRef(crypto.randomUUID());
  const nameRef = useRef<HTMLInputElement>(null);
  const roomRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const plateErr = d.plate.trim() ? plateProblem(d.plate) : null;
  const fullDoc = settings?.fullDocumentNumber ?? false;

  useEffect(() => {
    nameRef.current?.focus();
  }, []);
  useEffect(() => {
    if (done) nextRef.current?.focus();
  }, [done]);

  const next = () => {
    setD(EMPTY);
    setReturning(null);
    setFromVisit(null);
    setRefused(null);
    setDone(null);
    setMissingRoom(false);
    requestId.current = crypto.randomUUID();
    if (appointment) onAppointmentDone();
    window.setTimeout(() => nameRef.current?.focus(), 0);
  };

  const lookUpReturning = () => {
    const digits = d.phone.replace(/\D/g, '');
    if (!d.name.trim() || digits.length < 4 || fromVisit || appointment) return;
    fetch('visitors.returning', { name: d.name.trim(), phoneLast4: digits.slice(-4) })
      .then((r) => setReturning(r && !fromVisit ? r : null))
      .catch(() => setReturning(null));
  };

  const applyReturning = () => {
    if (!returning) return;
    setFromVisit(returning);
    setReturning(null);
    setD((x) => ({
      ...x,
      docType: returning.docType,
      party: String(returning.partySize),
      purpose: returning.purpose,
      purposeNote: returning.purposeNote,
      place: returning.roomId && returning.roomCode ? { kind: 'room', roomId: returning.roomId, roomCode: returning.roomCode, name: '' } : x.place,
    }));
  };

  const submit = (approvalId?: string) =>
    action.start({
      check: () => {
        // from an appointment the core fills in the name and phone it has (the screen has them masked only)
        if (!d.name.trim() && !appointment) return (focusField('visitorName'), t('vis.needName'));
        if (!d.phone.trim() && !fromVisit && !appointment?.phoneMasked) return (focusField('phone'), t('vis.needPhone'));
        if (plateErr) return (focusField('plate'), plateErr);
        if (!d.place) {
          setMissingRoom(true);
          roomRef.current?.focus();
          return t('vis.needRoom');
        }
        if (d.place.kind === 'walkin' && d.commonReason.trim().length < 2) return (focusField('commonAreaReason'), t('vis.needCommonReason'));
        if (d.place.kind === 'room' && d.consent === 'phone' && !d.consentPhone.trim()) return (focusField('consentPhone'), t('vis.needConsentPhone'));
        return null;
      },
      run: async () => {
        const room = d.place?.kind === 'room' ? d.place : null;
        try {
          const r = await send('visitors.checkIn', {
            requestId: requestId.current,
            ...(appointment ? { appointmentId: appointment.id } : {}),
            ...(fromVisit ? { fromVisitId: fromVisit.visitId } : {}),
            ...(d.name.trim() ? { visitorName: d.name.trim() } : {}),
            ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
            docType: d.docType,
            ...(d.docType !== 'none' && !fullDoc && d.docLast4.trim() ? { docLast4: d.docLast4.trim() } : {}),
            ...(d.docType !== 'none' && fullDoc && d.docNumber.trim() ? { docNumber: d.docNumber.trim() } : {}),
            partySize: Number(d.party) || 1,
            ...(d.plate.trim() ? { plate: d.plate.trim() } : {}),
            purpose: d.purpose,
            ...(d.purposeNote.trim() ? { purposeNote: d.purposeNote.trim() } : {}),
            roomId: room ? room.roomId : null,
            ...(room ? {} : { commonAreaReason: d.commonReason.trim() }),
            consent: room ? d.consent : 'none',
            ...(room && d.consent === 'phone' ? { consentPhone: d.consentPhone.trim() } : {}),
            ...(approvalId ? { approvalId } : {}),
          });
          setRefused(null);
          setDone(r);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'APPROVAL_REQUIRED' && e.params?.action === 'visitor.admitRefused') {
            setRefused({ message: e.message, subject: String(e.params.subject ?? '') });
            return;
          }
          if (e instanceof ApiError && e.field) focusField(e.field);
          throw e;
        }
      },
    });

  const override = async () => {
    if (!refused) return;
    const a = await approval.request({
      action: 'visitor.admitRefused',
      subject: refused.subject,
      title: t('vis.refused.approvalTitle'),
      description: t('vis.refused.approvalText', { reason: refused.message }),
      reasons: ['vis.refused.reason.resident', 'vis.refused.reason.police', 'vis.refused.reason.mistake'],
    });
    if (a) await submit(a.approvalId);
  };

  useKeys(true, {
    F9: () => {
      if (!done && !refused) formRef.current?.requestSubmit();
    },
    F4: () => {
      if (returning && !done) applyReturning();
    },
    Escape: () => {
      if (done) next();
    },
  });

  if (done) return <CheckInDone done={done} nextRef={nextRef} onNext={next} />;

  const busy = action.busy;
  return (
    <>
      <form ref={formRef} className="form vis-checkin" onSubmit={(e: FormEvent) => (e.preventDefault(), void submit())} aria-label={t('vis.tab.checkin')}>
        {appointment ? (
          <div className="notice-card vis-appt-note" data-testid="from-appointment">
            <strong>{t('vis.fromAppointment', { name: appointment.nameMasked, phone: appointment.phoneMasked, room: appointment.roomCode })}</strong>
            {appointment.note ? <span>{appointment.note}</span> : null}
          </div>
        ) : null}
        <div className="vis-grid">
          <label className="field">
            <span className="field-label">{t('vis.name')}</span>
            <input
              ref={nameRef}
              name="visitorName"
              value={d.name}
              maxLength={40}
              autoComplete="off"
              onChange={(e) => set('name', e.target.value)}
              onBlur={lookUpReturning}
              aria-describedby={appointment ? 'vis-name-from-appt' : undefined}
            />
            {appointment ? (
              <span className="field-hint" id="vis-name-from-appt">
                {t('vis.fromAppointmentKept', { v: appointment.nameMasked })}
              </span>
            ) : null}
          </label>
          <PhoneField
            name="phone"
            label={t('vis.phone')}
            value={d.phone}
            onChange={(v) => set('phone', v)}
            onDone={lookUpReturning}
            hint={
              fromVisit && !d.phone
                ? t('vis.carried', { v: fromVisit.phoneMasked })
                : appointment?.phoneMasked && !d.phone
                  ? t('vis.fromAppointmentKept', { v: appointment.phoneMasked })
                  : undefined
            }
          />
          <label className="field">
            <span className="field-label">{t('vis.docType')}</span>
            <select name="docType" value={d.docType} onChange={(e) => set('docType', e.target.value as DocType)}>
              {DOC_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(DOC_TYPE[x])}
                </option>
              ))}
            </select>
          </label>
          {d.docType === 'none' ? null : fullDoc ? (
            <label className="field">
              <span className="field-label">{t('vis.docNumber')}</span>
              <input name="docNumber" value={d.docNumber} maxLength={30} autoComplete="off" onChange={(e) => set('docNumber', e.target.value)} />
            </label>
          ) : (
            <label className="field">
              <span className="field-label">{t('vis.docLast4')}</span>
              <input name="docLast4" value={d.docLast4} maxLength={4} autoComplete="off" onChange={(e) => set('docLast4', e.target.value)} />
              {fromVisit?.docMasked && !d.docLast4 ? <span className="field-hint">{t('vis.carried', { v: fromVisit.docMasked })}</span> : null}
            </label>
          )}
          <label className="field vis-party">
            <span className="field-label">{t('vis.party')}</span>
            <input name="partySize" type="number" min={1} max={50} value={d.party} onChange={(e) => set('party', e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('vis.plate')}</span>
            <input
              name="plate"
              value={d.plate}
              maxLength={16}
              autoComplete="off"
              aria-invalid={plateErr ? true : undefined}
              // a plate is data: its example keeps the province's character in English too
              data-data
              placeholder={t('vis.platePlaceholder')}
              onChange={(e) => set('plate', e.target.value)}
            />
            {plateErr ? (
              <span className="field-error">{plateErr}</span>
            ) : fromVisit?.plateMasked && !d.plate ? (
              <span className="field-hint">{t('vis.carried', { v: fromVisit.plateMasked })}</span>
            ) : null}
          </label>
        </div>

        {returning ? (
          <div className="notice-card vis-returning" role="status" data-testid="returning">
            <span>
              {t('vis.returning', {
                name: returning.nameMasked,
                n: returning.visits,
                at: formatDateTime(returning.lastVisitAt, lang),
                room: returning.roomCode ?? t('vis.commonArea'),
              })}
            </span>
            <button type="button" className="btn small primary" onClick={applyReturning}>
              {t('vis.useReturning')} <kbd>F4</kbd>
            </button>
          </div>
        ) : null}

        <fieldset className="fieldset-plain">
          <legend className="field-label">{t('vis.purpose')}</legend>
          <div className="seg-group vis-seg">
            {PURPOSES.map((p) => (
              <label key={p} className="seg">
                <input type="radio" name="purpose" checked={d.purpose === p} onChange={() => set('purpose', p)} />
                <span>{t(PURPOSE[p])}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {d.purpose === 'other' || d.purposeNote ? (
          <label className="field">
            <span className="field-label">{t('vis.purposeNote')}</span>
            <input name="purposeNote" value={d.purposeNote} maxLength={60} autoComplete="off" onChange={(e) => set('purposeNote', e.target.value)} />
          </label>
        ) : null}

        <RoomPicker
          value={d.place}
          onChange={(p) => (set('place', p), setMissingRoom(false))}
          inputRef={roomRef}
          onPicked={() => undefined}
          missing={missingRoom}
          labels={VISIT_ROOM_LABELS}
        />
        {d.place?.kind === 'walkin' ? (
          <label className="field">
            <span className="field-label">{t('vis.commonReason')}</span>
            <input
              name="commonAreaReason"
              value={d.commonReason}
              maxLength={60}
              autoComplete="off"
              placeholder={t('vis.commonReasonPlaceholder')}
              onChange={(e) => set('commonReason', e.target.value)}
            />
          </label>
        ) : null}
        {d.place?.kind === 'room' ? (
          <div className="vis-consent">
            <fieldset className="fieldset-plain">
              <legend className="field-label">{t('vis.consent')}</legend>
              <div className="seg-group vis-seg">
                {(appointment ? (['appointment', 'phone', 'owner_present'] as const) : (['phone', 'owner_present'] as const)).map((c) => (
                  <label key={c} className="seg">
                    <input type="radio" name="consent" checked={d.consent === c} onChange={() => set('consent', c)} />
                    <span>{t(CONSENT[c])}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            {d.consent === 'phone' ? (
              <PhoneField name="consentPhone" label={t('vis.consentPhone')} value={d.consentPhone} onChange={(v) => set('consentPhone', v)} />
            ) : null}
          </div>
        ) : null}

        {refused ? (
          <div className="vis-refused" role="alert" data-testid="refused">
            <p className="vis-refused-head">{t('vis.refused.head')}</p>
            <p>{refused.message}</p>
            <div className="toolbar">
              <button type="button" className="btn danger" onClick={() => void override()}>
                {t('vis.refused.override')}
              </button>
              <button type="button" className="btn" onClick={next}>
                {t('vis.refused.turnAway')}
              </button>
            </div>
          </div>
        ) : null}
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <div className="vis-actions">
          <button type="submit" className="btn primary big" disabled={busy || refused !== null}>
            {busy ? t('common.working') : t('vis.submit')} <kbd>F9</kbd>
          </button>
          <button type="button" className="btn" onClick={next}>
            {t('vis.clear')}
          </button>
        </div>
      </form>
      {approval.dialog}
    </>
  );
}
