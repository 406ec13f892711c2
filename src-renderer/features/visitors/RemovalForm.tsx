import { useRef, useState, type FormEvent } from 'react';
import type { DuesView } from '@shared/contract/receivables';
import type { Output } from '@shared/contract';
import { plateProblem } from '@shared/plate';
import { ApiError } from '../../lib/api';
import { propertyToday } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { useKeys } from '../../app/useKeys';
import { ErrorNote } from '../../app/ui/Notes';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { moneyText } from '../../lib/money';
import { useSupervisorApproval } from '../auth/SupervisorApproval';
import { RoomPicker, type RoomPickerLabels } from '../fees/RoomPicker';
import type { Payer } from '../fees/room';
import { focusField } from './keys';
import { QUICK_ITEMS } from './labels';
import { PhoneField } from './PhoneField';
import { RoomIssuesPanel } from './RoomIssuesPanel';
import { DateInput } from '../../app/ui/DateInput';

type Consent = 'owner_present' | 'phone' | 'written' | 'approval';
const CONSENTS: Consent[] = ['owner_present', 'phone', 'written', 'approval'];
const REMOVAL_ROOM_LABELS: RoomPickerLabels = { chosen: 'vis.room', walkIn: 'vis.apptNoRoom', missing: 'vis.removal.needRoom' };

interface Line {
  key: number;
  name: string;
  qty: string;
}
let lineKey = 0;
const newLine = (name = ''): Line => ({ key: ++lineKey, name, qty: '1' });

export type RemovalIssued = Output<'visitors.removal.issue'>;

/** What a room owes, in short: the total and over how many months; null when no fee of the room is billed by month. */
export function owedSummary(d: DuesView | undefined): { totalFen: number; months: number } | null {
  if (!d || d.items.length === 0) return null;
  const months = new Set(d.items.flatMap((i) => i.owed.map((u) => u.month)));
  return { totalFen: d.totalFen, months: months.size };
}

/**
 * 搬运证: the room (its open matters shown as soon as it is chosen), the applicant (owner or tenant), the items
 * (free lines and quick picks), the moving company and plate, the day and time window; a tenant's pass needs the
 * owner's consent recorded or a supervisor's approval. F9 issues and prints it. A room that owes fees (its dues,
 * read as 收费 reads them) shows the total and the months, and the pass is issued only once the receptionist
 * has confirmed they saw it.
 */
export function RemovalForm({ onIssued }: { onIssued: (r: RemovalIssued) => void }) {
  const { t } = useI18n();
  const send = useSend();
  const approval = useSupervisorApproval();
  const action = useAction();
  const [place, setPlace] = useState<Payer | null>(null);
  const [kind, setKind] = useState<'owner' | 'tenant'>('owner');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [lines, setLines] = useState<Line[]>([newLine()]);
  const [company, setCompany] = useState('');
  const [plate, setPlate] = useState('');
  const [date, setDate] = useState(propertyToday());
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('18:00');
  const [consent, setConsent] = useState<Consent>('owner_present');
  const [consentPhone, setConsentPhone] = useState('');
  const [consentNote, setConsentNote] = useState('');
  const [missingRoom, setMissingRoom] = useState(false);
  const roomRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const requestId = useRef(crypto.randomUUID());
  const plateErr = plate.trim() ? plateProblem(plate) : null;
  const room = place?.kind === 'room' ? place : null;
  const dues = useCall('receivables.dues', { roomId: room?.roomId ?? 0 }, { enabled: room !== null });
  const owed = room && dues.data?.roomId === room.roomId ? owedSummary(dues.data) : null;
  // the room whose unpaid fees the receptionist confirmed seeing (asked once per room, at the first F9)
  const owedSeen = useRef<number | null>(null);
  const [askOwed, setAskOwed] = useState(false);

  const setLine = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const quick = (zh: string) =>
    setLines((ls) => {
      const same = ls.find((l) => l.name === zh);
      if (same) return ls.map((l) => (l === same ? { ...l, qty: String((Number(l.qty) || 0) + 1) } : l));
      const blank = ls.find((l) => !l.name.trim());
      return blank ? ls.map((l) => (l === blank ? { ...l, name: zh } : l)) : [...ls, newLine(zh)];
    });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (room && owed && owed.totalFen > 0 && owedSeen.current !== room.roomId && !action.busy) {
      setAskOwed(true);
      return;
    }
    const items = lines.filter((l) => l.name.trim()).map((l) => ({ name: l.name.trim(), quantity: Number(l.qty) || 1 }));
    return action.start({
      check: () => {
        if (!room) {
          setMissingRoom(true);
          roomRef.current?.focus();
          return t('vis.removal.needRoom');
        }
        if (!name.trim()) return (focusField('applicantName'), t('vis.needName'));
        if (items.length === 0) return (focusField('item-0'), t('vis.removal.needItem'));
        if (plateErr) return (focusField('plate'), plateErr);
        if (kind === 'tenant' && consent === 'phone' && !consentPhone.trim()) return (focusField('consentPhone'), t('vis.needConsentPhone'));
        if (kind === 'tenant' && consent === 'written' && consentNote.trim().length < 2) return (focusField('consentNote'), t('vis.removal.needWritten'));
        return null;
      },
      run: async () => {
        if (!room) return;
        let approvalId: string | undefined;
        if (kind === 'tenant' && consent === 'approval') {
          const a = await approval.request({
            action: 'removal.tenantNoConsent',
            subject: room.roomCode,
            title: t('vis.removal.approvalTitle'),
            description: t('vis.removal.approvalText', { room: room.roomCode }),
            reasons: ['vis.removal.reason.ownerUnreachable', 'vis.removal.reason.leaseEnd', 'vis.refused.reason.mistake'],
          });
          if (!a) return;
          approvalId = a.approvalId;
        }
        try {
          const r = await send('visitors.removal.issue', {
            requestId: requestId.current,
            roomId: room.roomId,
            applicantKind: kind,
            applicantName: name.trim(),
            ...(phone.trim() ? { applicantPhone: phone.trim() } : {}),
            items,
            ...(company.trim() ? { movingCompany: company.trim() } : {}),
            ...(plate.trim() ? { plate: plate.trim() } : {}),
            date,
            windowFrom: from,
            windowTo: to,
            ...(kind === 'tenant' && consent !== 'approval' ? { consentMethod: consent } : {}),
            ...(kind === 'tenant' && consent === 'phone' ? { consentPhone: consentPhone.trim() } : {}),
            ...(kind === 'tenant' && consentNote.trim() ? { consentNote: consentNote.trim() } : {}),
            ...(approvalId ? { approvalId } : {}),
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

  return (
    <>
      <form ref={formRef} className="form vis-removal-form" onSubmit={(e) => void submit(e)} aria-labelledby="vis-removal-new">
        <h2 id="vis-removal-new" className="section-title">
          {t('vis.removal.new')}
        </h2>
        <div className="vis-removal-cols">
          <div className="vis-removal-col">
            <RoomPicker
              value={place}
              onChange={(p) => (setPlace(p?.kind === 'room' ? p : null), setMissingRoom(p?.kind === 'walkin'))}
              inputRef={roomRef}
              onPicked={() => focusField('applicantName')}
              missing={missingRoom}
              labels={REMOVAL_ROOM_LABELS}
            />
            {room ? <RoomIssuesPanel roomId={room.roomId} owed={owed} /> : null}
            <div className="vis-grid">
              <fieldset className="fieldset-plain">
                <legend className="field-label">{t('vis.removal.applicant')}</legend>
                <div className="seg-group">
                  {(['owner', 'tenant'] as const).map((k) => (
                    <label key={k} className="seg">
                      <input type="radio" name="applicantKind" checked={kind === k} onChange={() => setKind(k)} />
                      <span>{t(k === 'owner' ? 'vis.removal.owner' : 'vis.removal.tenant')}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <label className="field">
                <span className="field-label">{t('vis.name')}</span>
                <input name="applicantName" value={name} maxLength={40} autoComplete="off" onChange={(e) => setName(e.target.value)} />
              </label>
              <PhoneField name="applicantPhone" label={t('vis.phoneOptional')} value={phone} onChange={setPhone} />
            </div>

            {kind === 'tenant' ? (
              <div className="vis-consent" data-testid="tenant-consent">
                <fieldset className="fieldset-plain">
                  <legend className="field-label">{t('vis.removal.consent')}</legend>
                  <div className="seg-group vis-seg">
                    {CONSENTS.map((c) => (
                      <label key={c} className="seg">
                        <input type="radio" name="consentMethod" checked={consent === c} onChange={() => setConsent(c)} />
                        <span>{t(`vis.removal.consent.${c}`)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
                {consent === 'phone' ? <PhoneField name="consentPhone" label={t('vis.consentPhone')} value={consentPhone} onChange={setConsentPhone} /> : null}
                {consent === 'written' || consent === 'owner_present' ? (
                  <label className="field">
                    <span className="field-label">{t(consent === 'written' ? 'vis.removal.writtenNote' : 'vis.note')}</span>
                    <input name="consentNote" value={consentNote} maxLength={100} autoComplete="off" onChange={(e) => setConsentNote(e.target.value)} />
                  </label>
                ) : null}
                {consent === 'approval' ? <p className="hint">{t('vis.removal.approvalHint')}</p> : null}
              </div>
            ) : null}
          </div>
          <div className="vis-removal-col">
            <fieldset className="fieldset-plain vis-items">
              <legend className="field-label">{t('vis.removal.items')}</legend>
              <div className="quick-picks" role="group" aria-label={t('vis.removal.quick')}>
                {QUICK_ITEMS.map((q) => (
                  <button key={q.zh} type="button" className="btn small chip" onClick={() => quick(q.zh)}>
                    + {t(q.label)}
                  </button>
                ))}
              </div>
              {lines.map((l, i) => (
                <div key={l.key} className="vis-item-line">
                  <label className="field grow">
                    {/* the heading over the first line says what the column is; every line keeps its own name */}
                    <span className={i === 0 ? 'field-label' : 'sr-only'}>{t('vis.removal.itemName', { n: i + 1 })}</span>
                    <input name={`item-${i}`} value={l.name} maxLength={30} autoComplete="off" onChange={(e) => setLine(l.key, { name: e.target.value })} />
                  </label>
                  <label className="field vis-qty">
                    <span className={i === 0 ? 'field-label' : 'sr-only'}>{t('vis.removal.qty')}</span>
                    <input name={`qty-${i}`} type="number" min={1} max={999} value={l.qty} onChange={(e) => setLine(l.key, { qty: e.target.value })} />
                  </label>
                  {lines.length > 1 ? (
                    <button
                      type="button"
                      className="btn small"
                      aria-label={t('vis.removal.removeLine', { n: i + 1 })}
                      onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                    >
                      ×
                    </button>
                  ) : null}
                </div>
              ))}
              <button type="button" className="btn small" onClick={() => setLines((ls) => [...ls, newLine()])}>
                {t('vis.removal.addLine')}
              </button>
            </fieldset>

            <div className="vis-grid">
              <label className="field">
                <span className="field-label">{t('vis.removal.company')}</span>
                <input name="movingCompany" value={company} maxLength={40} autoComplete="off" onChange={(e) => setCompany(e.target.value)} />
              </label>
              <label className="field">
                <span className="field-label">{t('vis.plate')}</span>
                <input
                  name="plate"
                  value={plate}
                  maxLength={16}
                  autoComplete="off"
                  aria-invalid={plateErr ? true : undefined}
                  // a plate is data: its example keeps the province's character in English too
                  data-data
                  placeholder={t('vis.platePlaceholder')}
                  onChange={(e) => setPlate(e.target.value)}
                />
                {plateErr ? <span className="field-error">{plateErr}</span> : null}
              </label>
            </div>
            <div className="vis-removal-when">
              <label className="field">
                <span className="field-label">{t('vis.removal.date')}</span>
                <DateInput name="date" value={date} onChange={(v) => setDate(v)} />
              </label>
              <TimeField label={t('vis.removal.from')} name="windowFrom" value={from} onChange={setFrom} />
              <TimeField label={t('vis.removal.to')} name="windowTo" value={to} onChange={setTo} />
            </div>
          </div>
        </div>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <div className="vis-actions">
          <button type="submit" className="btn primary big" disabled={action.busy}>
            {action.busy ? t('common.working') : t('vis.removal.submit')} <kbd>F9</kbd>
          </button>
        </div>
      </form>
      {approval.dialog}
      {askOwed && room && owed ? (
        <ConfirmDialog
          title={t('vis.removal.owedTitle', { room: room.roomCode })}
          message={t('vis.removal.owedText', { room: room.roomCode, amount: moneyText(owed.totalFen), n: owed.months })}
          confirmLabel={t('vis.removal.owedGo')}
          onCancel={() => setAskOwed(false)}
          onConfirm={() => {
            owedSeen.current = room.roomId;
            setAskOwed(false);
            formRef.current?.requestSubmit();
          }}
        />
      ) : null}
    </>
  );
}

/** A time of day typed as HH:MM (the removal's window). */
function TimeField({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="text"
        inputMode="numeric"
        className="time-input"
        pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
        maxLength={5}
        placeholder="09:00"
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
