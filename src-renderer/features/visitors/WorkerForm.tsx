import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DocType, Output } from '@shared/contract';
import { addDays } from '@shared/calendar';
import { ApiError } from '../../lib/api';
import { propertyToday } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { useKeys } from '../../app/useKeys';
import { ErrorNote } from '../../app/ui/Notes';
import { RoomPicker } from '../fees/RoomPicker';
import type { Payer } from '../fees/room';
import { VISIT_ROOM_LABELS } from './CheckInTab';
import { focusField } from './keys';
import { DOC_TYPE, DOC_TYPES } from './labels';
import { PhoneField } from './PhoneField';
import { DateInput } from '../../app/ui/DateInput';

export type WorkerIssued = Output<'visitors.workers.issue'>;

/** Days between two plain dates, both counted (the core's rule for a worker pass's length). */
const daysInclusive = (from: string, until: string): number =>
  Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * 临时出入证: company, person, phone (masked once typed), document (last four by default), the days it is valid
 * (the property's maximum shown and checked), the buildings it opens, a room or a common area with why; in the
 * pre-printed forms mode, the number of the form handed over (the next one in stock offered). F9 issues it.
 */
export function WorkerForm({ onIssued }: { onIssued: (r: WorkerIssued) => void }) {
  const { t } = useI18n();
  const send = useSend();
  const action = useAction();
  const settings = useCall('visitors.settings.get', {}).data;
  const forms = settings?.workerPassMode === 'forms';
  const register = useCall('visitors.forms.register', {}, { enabled: forms }).data;
  const buildings = useCall('roster.buildings.list', {}).data ?? [];
  const today = propertyToday();
  const maxDays = settings?.workerPassMaxDays ?? 30;
  const fullDoc = settings?.fullDocumentNumber ?? false;
  const [company, setCompany] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [docType, setDocType] = useState<DocType>('id_card');
  const [doc, setDoc] = useState('');
  const [from, setFrom] = useState(today);
  const [until, setUntil] = useState(() => addDays(today, 6));
  const [zones, setZones] = useState<number[]>([]);
  const [place, setPlace] = useState<Payer | null>(null);
  const [commonReason, setCommonReason] = useState('');
  const [formNo, setFormNo] = useState('');
  const [note, setNote] = useState('');
  const [missingRoom, setMissingRoom] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const roomRef = useRef<HTMLInputElement>(null);
  const requestId = useRef(crypto.randomUUID());
  const days = from && until ? daysInclusive(from, until) : 0;
  const tooLong = days > maxDays;

  // the next blank form in stock is offered; the receptionist types another number if they hand out another
  const next = register?.nextInStock ?? '';
  useEffect(() => {
    if (forms && next) setFormNo((v) => v || next);
  }, [forms, next]);
  useEffect(() => focusField('company'), []);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    return action.start({
      check: () => {
        if (!company.trim()) return (focusField('company'), t('vis.w.needCompany'));
        if (!name.trim()) return (focusField('workerName'), t('vis.needName'));
        if (!phone.trim()) return (focusField('phone'), t('vis.w.needPhone'));
        if (until < from) return (focusField('validUntil'), t('vis.w.untilBeforeFrom'));
        if (tooLong) return (focusField('validUntil'), t('vis.w.tooLong', { max: maxDays, days }));
        if (!place) {
          setMissingRoom(true);
          roomRef.current?.focus();
          return t('vis.needRoom');
        }
        if (place.kind === 'walkin' && commonReason.trim().length < 2) return (focusField('commonAreaReason'), t('vis.needCommonReason'));
        if (forms && !formNo.trim()) return (focusField('formNo'), t('vis.w.needFormNo'));
        return null;
      },
      run: async () => {
        const room = place?.kind === 'room' ? place : null;
        try {
          const r = await send('visitors.workers.issue', {
            requestId: requestId.current,
            company: company.trim(),
            workerName: name.trim(),
            phone: phone.trim(),
            docType,
            ...(docType !== 'none' && doc.trim() ? (fullDoc ? { docNumber: doc.trim() } : { docLast4: doc.trim() }) : {}),
            validFrom: from,
            validUntil: until,
            ...(zones.length ? { zones } : {}),
            roomId: room ? room.roomId : null,
            ...(room ? {} : { commonAreaReason: commonReason.trim() }),
            ...(forms ? { formNo: formNo.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          });
          onIssued(r);
        } catch (err) {
          if (err instanceof ApiError && err.field) focusField(err.field);
          throw err;
        }
      },
    });
  };
  useKeys(true, { F9: () => formRef.current?.requestSubmit() });

  const toggleZone = (id: number) => setZones((z) => (z.includes(id) ? z.filter((x) => x !== id) : [...z, id]));

  return (
    <form ref={formRef} className="form vis-worker-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="vis-worker-new">
      <h2 id="vis-worker-new" className="section-title">
        {t('vis.w.new')}
        <span className="tag">{t(forms ? 'vis.w.modeForms' : 'vis.w.modePrinted')}</span>
      </h2>
      <div className="vis-grid">
        <label className="field">
          <span className="field-label">{t('vis.w.company')}</span>
          <input name="company" value={company} maxLength={40} autoComplete="off" onChange={(e) => setCompany(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('vis.w.person')}</span>
          <input name="workerName" value={name} maxLength={40} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <PhoneField name="phone" label={t('vis.phone')} value={phone} onChange={setPhone} />
        <label className="field">
          <span className="field-label">{t('vis.docType')}</span>
          <select name="docType" value={docType} onChange={(e) => setDocType(e.target.value as DocType)}>
            {DOC_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(DOC_TYPE[x])}
              </option>
            ))}
          </select>
        </label>
        {docType === 'none' ? null : (
          <label className="field">
            <span className="field-label">{t(fullDoc ? 'vis.docNumber' : 'vis.docLast4')}</span>
            <input
              name={fullDoc ? 'docNumber' : 'docLast4'}
              value={doc}
              maxLength={fullDoc ? 30 : 4}
              autoComplete="off"
              onChange={(e) => setDoc(e.target.value)}
            />
          </label>
        )}
        <label className="field">
          <span className="field-label">{t('vis.w.from')}</span>
          <DateInput name="validFrom" value={from} onChange={(v) => setFrom(v)} />
        </label>
        <label className="field">
          <span className="field-label">{t('vis.w.until')}</span>
          <DateInput name="validUntil" value={until} onChange={(v) => setUntil(v)} />
          <span className={tooLong ? 'field-error' : 'field-hint'} data-testid="worker-days">
            {tooLong ? t('vis.w.tooLong', { max: maxDays, days }) : t('vis.w.days', { days: Math.max(days, 0), max: maxDays })}
          </span>
        </label>
        {forms ? (
          <label className="field">
            <span className="field-label">{t('vis.w.formNo')}</span>
            <input name="formNo" value={formNo} maxLength={16} autoComplete="off" onChange={(e) => setFormNo(e.target.value.toUpperCase())} />
            <span className="field-hint">{next ? t('vis.w.nextForm', { no: next }) : t('vis.w.noForms')}</span>
          </label>
        ) : null}
      </div>

      <RoomPicker
        value={place}
        onChange={(p) => (setPlace(p), setMissingRoom(false))}
        inputRef={roomRef}
        onPicked={() => undefined}
        missing={missingRoom}
        labels={VISIT_ROOM_LABELS}
      />
      {place?.kind === 'walkin' ? (
        <label className="field">
          <span className="field-label">{t('vis.commonReason')}</span>
          <input
            name="commonAreaReason"
            value={commonReason}
            maxLength={60}
            autoComplete="off"
            placeholder={t('vis.w.commonPlaceholder')}
            onChange={(e) => setCommonReason(e.target.value)}
          />
        </label>
      ) : null}
      {buildings.length > 0 ? (
        <fieldset className="fieldset-plain">
          <legend className="field-label">{t('vis.w.zones')}</legend>
          <div className="seg-group vis-seg" data-testid="worker-zones">
            {buildings.map((b) => (
              <label key={b.id} className="seg">
                <input type="checkbox" name="zones" checked={zones.includes(b.id)} onChange={() => toggleZone(b.id)} />
                <span>{t('vis.w.building', { code: b.code })}</span>
              </label>
            ))}
          </div>
          <span className="field-hint">{t('vis.w.zonesHint')}</span>
        </fieldset>
      ) : null}
      <label className="field">
        <span className="field-label">{t('vis.note')}</span>
        <input name="note" value={note} maxLength={100} autoComplete="off" onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <div className="vis-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {action.busy ? t('common.working') : t(forms ? 'vis.w.submitForm' : 'vis.w.submit')} <kbd>F9</kbd>
        </button>
      </div>
    </form>
  );
}
