import { useEffect, useRef, useState } from 'react';
import type { CarrierDetection, ParcelCarrierCode, ParcelView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { useKeys } from '../../app/useKeys';
import { ErrorNote } from '../../app/ui/Notes';
import type { QueuedScan } from './intakeStore';
import { isTypingTarget } from '../../lib/format';
import { RecipientPicker, type Recipient } from './RecipientPicker';
import { afterBurst } from './useWedge';

type Chosen = Exclude<ParcelCarrierCode, 'UNKNOWN'>;

export type IntakeOutcome = { kind: 'saved'; parcel: ParcelView } | { kind: 'duplicate' | 'error'; message: string } | { kind: 'discarded' };

interface Props {
  scan: QueuedScan;
  active: boolean;
  printSlip: boolean;
  onDone: (o: IntakeOutcome) => void;
}

/**
 * One scanned parcel, one-by-one mode: carrier (known from the prefix; digit-only numbers ask once with the
 * candidates and main remembers the choice) → recipient → slot (suggested) → F9 saves. F8 saves it without
 * recipient details, to fix later from the day's list. A duplicate or an unreadable number ends here.
 */
export function IntakeForm({ scan, active, printSlip, onDone }: Props) {
  const t = useT();
  const [det, setDet] = useState<CarrierDetection | null>(null);
  const [carrier, setCarrier] = useState<Chosen | null>(null);
  const [askCarrier, setAskCarrier] = useState(false);
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [slot, setSlot] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const send = useSend();
  const saving = useRef(false);
  const recipientRef = useRef<HTMLInputElement>(null);
  const slotRef = useRef<HTMLInputElement>(null);
  const firstCandidate = useRef<HTMLButtonElement>(null);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  // the carrier detection and duplicate check of this scan (a later scan of the same number is asked afresh)
  const detect = useCall('parcels.detect', { waybill: scan.code.slice(0, 64) }, { scope: scan.id, gcTime: 0 });
  const detError = detect.error;
  const detected = useRef<CarrierDetection | null>(null);
  useEffect(() => {
    const d = detect.data;
    if (!d || detected.current === d) return;
    detected.current = d;
    if (d.kind === 'invalid') return doneRef.current({ kind: 'error', message: t('intake.invalid', { code: scan.code, reason: d.reason ?? '' }) });
    if (d.duplicate) {
      const dup = d.duplicate;
      return doneRef.current({
        kind: 'duplicate',
        message: t('intake.duplicate', {
          code: d.waybill,
          pickup: `${dup.pickupCode.slice(0, 3)} ${dup.pickupCode.slice(3)}`,
          slot: dup.slot ?? '—',
          room: dup.roomCode ?? '—',
        }),
      });
    }
    setDet(d);
    const known = d.kind === 'known' ? d.carrier : d.remembered;
    if (known && known !== 'UNKNOWN') setCarrier(known);
    else setAskCarrier(true);
  }, [detect.data, scan.code, t]);

  // the cursor goes where the next decision is: the carrier when it must be asked, else the recipient; once
  // the keyboard burst in progress is over (the next parcel's scan may be arriving)
  useEffect(() => {
    if (!det) return;
    afterBurst(() => {
      if (askCarrier && !carrier) firstCandidate.current?.focus();
      else if (!recipient) recipientRef.current?.focus();
    });
  }, [det, askCarrier, carrier, recipient]);

  const roomId = recipient?.kind === 'resident' ? recipient.roomId : null;
  // the slot suggested for the room chosen (or the first free one); none when it cannot be told
  const slotQ = useCall('parcels.suggestSlot', { roomId }, { scope: scan.id, enabled: !!det, keepPrevious: true, gcTime: 0 });
  const suggested = slotQ.error ? null : (slotQ.data?.label ?? null);

  const save = (withDetails: boolean) => {
    if (!det || saving.current) return;
    saving.current = true;
    void action
      .start({
        check: () => {
          if (!carrier) {
            firstCandidate.current?.focus();
            return t('intake.needCarrier');
          }
          if (!withDetails) return null;
          if (!recipient) {
            recipientRef.current?.focus();
            return t('intake.needRecipient');
          }
          if (recipient.kind === 'unlisted' && recipient.name.trim().length === 0) return t('intake.needName');
          if (recipient.kind === 'unlisted' && recipient.phoneLast4 && recipient.phoneLast4.length !== 4) return t('intake.phone4');
          return null;
        },
        run: async () => {
          const who =
            !withDetails || !recipient
              ? {}
              : recipient.kind === 'resident'
                ? { residentId: recipient.residentId, roomId: recipient.roomId }
                : { recipient: recipient.name.trim(), ...(recipient.phoneLast4 ? { phoneLast4: recipient.phoneLast4 } : {}) };
          const p = await send('parcels.intake', {
            requestId: scan.id,
            waybill: det.waybill,
            ...(carrier ? { carrier } : {}),
            ...who,
            ...(slot.trim() ? { slot: slot.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
            print: printSlip,
          });
          doneRef.current({ kind: 'saved', parcel: p });
        },
        keepBusyOnSuccess: true,
      })
      .finally(() => {
        saving.current = false;
      });
  };

  const candidates = det ? (det.candidates.length ? det.candidates.map((c) => c.code) : []) : [];
  useKeys(active, {
    F9: () => save(true),
    F8: () => save(false),
    ...Object.fromEntries(
      candidates.map((c, i) => [
        String(i + 1),
        (e: KeyboardEvent) => {
          if (askCarrier && !carrier && !isTypingTarget(e.target) && c !== 'UNKNOWN') setCarrier(c);
        },
      ]),
    ),
  });

  if (detError) {
    return (
      <div className="card intake-current">
        <ErrorBox error={detError} />
      </div>
    );
  }
  if (!det) return <p className="card intake-current">{t('common.loading')}</p>;

  return (
    <form
      className="card intake-current form"
      aria-label={t('intake.current')}
      onSubmit={(e) => {
        e.preventDefault();
        save(true);
      }}
    >
      <div className="intake-head">
        <span className="field-label">{t('intake.waybill')}</span>
        <span className="waybill big" data-testid="current-waybill">
          {det.waybill}
        </span>
        {carrier ? <span className="tag tag-big tag-ok">{det.candidates.find((c) => c.code === carrier)?.name ?? det.carrierName ?? carrier}</span> : null}
        {det.kind === 'ambiguous' && carrier && carrier === det.remembered ? (
          <span className="warn-text" data-testid="carrier-by-memory">
            {t('intake.byMemory', { name: det.candidates.find((c) => c.code === carrier)?.name ?? carrier })}
          </span>
        ) : null}
        {det.kind === 'ambiguous' && carrier ? (
          <button
            type="button"
            className="btn small"
            onClick={() => {
              setAskCarrier(true);
              setCarrier(null);
            }}
          >
            {t('intake.changeCarrier')}
          </button>
        ) : null}
      </div>
      {!carrier ? (
        <fieldset className="fieldset carrier-ask">
          <legend>{det.kind === 'ambiguous' ? t('intake.askCarrier') : t('intake.askCarrierUnknown')}</legend>
          <div className="quick-picks" role="group" aria-label={t('intake.carrier')}>
            {candidates
              .filter((c) => c !== 'UNKNOWN')
              .map((c, i) => (
                <button key={c} ref={i === 0 ? firstCandidate : undefined} type="button" className="btn big" onClick={() => setCarrier(c as Chosen)}>
                  <kbd>{i + 1}</kbd> {det.candidates.find((x) => x.code === c)?.name ?? c}
                </button>
              ))}
          </div>
          <p className="hint">{t('intake.rememberHint')}</p>
        </fieldset>
      ) : null}
      <RecipientPicker value={recipient} onChange={setRecipient} inputRef={recipientRef} onPicked={() => slotRef.current?.focus()} />
      <div className="grid-2">
        <label className="field">
          <span className="field-label">{t('intake.slot')}</span>
          <input
            ref={slotRef}
            name="slot"
            className="slot-input"
            autoComplete="off"
            maxLength={8}
            placeholder={suggested ?? t('intake.noShelf')}
            value={slot}
            onChange={(e) => setSlot(e.target.value)}
          />
          <span className="field-hint">{suggested ? t('intake.slotSuggested', { slot: suggested }) : t('intake.noShelfHint')}</span>
        </label>
        <label className="field">
          <span className="field-label">{t('intake.note')}</span>
          <input name="note" autoComplete="off" maxLength={100} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => onDone({ kind: 'discarded' })}>
          {t('intake.discard')}
        </button>
        <button type="button" className="btn big" onClick={() => save(false)} disabled={action.busy}>
          {t('intake.saveLater')} <kbd>F8</kbd>
        </button>
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {action.busy ? t('common.working') : t('intake.save')} <kbd>F9</kbd>
        </button>
      </div>
    </form>
  );
}
