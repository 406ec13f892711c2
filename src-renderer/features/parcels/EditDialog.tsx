import { useState, type FormEvent } from 'react';
import type { ParcelView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';
import { CARRIER_LABEL, CHOSEN_CARRIERS } from './labels';
import { RecipientPicker, type Recipient } from './RecipientPicker';

type Chosen = (typeof CHOSEN_CARRIERS)[number];

/** 补填/修改 while in stock: carrier, recipient, slot, note. Only what was changed is sent. */
export function EditDialog({ parcel, onSaved, onCancel }: { parcel: ParcelView; onSaved: (p: ParcelView) => void; onCancel: () => void }) {
  const t = useT();
  const [carrier, setCarrier] = useState<Chosen | ''>(parcel.carrier === 'UNKNOWN' ? '' : parcel.carrier);
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [slot, setSlot] = useState(parcel.slotLabel ?? '');
  const [note, setNote] = useState(parcel.note);
  const action = useAction();
  const send = useSend();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => {
        if (!carrier) return t('intake.needCarrier');
        if (recipient?.kind === 'unlisted' && !recipient.name.trim()) return t('intake.needName');
        if (recipient?.kind === 'unlisted' && recipient.phoneLast4 && recipient.phoneLast4.length !== 4) return t('intake.phone4');
        return null;
      },
      run: async () => {
        const who =
          recipient?.kind === 'resident'
            ? { residentId: recipient.residentId, roomId: recipient.roomId }
            : recipient?.kind === 'unlisted'
              ? { recipient: recipient.name.trim(), ...(recipient.phoneLast4 ? { phoneLast4: recipient.phoneLast4 } : {}) }
              : {};
        const p = await send('parcels.update', {
          id: parcel.id,
          ...(carrier && carrier !== parcel.carrier ? { carrier } : {}),
          ...who,
          ...(slot.trim() !== (parcel.slotLabel ?? '') ? { slot: slot.trim() ? slot.trim() : null } : {}),
          ...(note.trim() !== parcel.note ? { note: note.trim() } : {}),
        });
        onSaved(p);
      },
      keepBusyOnSuccess: true,
    });
  };

  return (
    <Dialog title={t('edit.title', { waybill: parcel.waybill })} onClose={onCancel} className="wide-dialog">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{t('edit.now', { code: parcel.pickupCodeSpoken, room: parcel.roomCode ?? '—', name: parcel.recipientMasked ?? '—' })}</p>
        <label className="field">
          <span className="field-label">{t('intake.carrier')}</span>
          <select name="edit-carrier" value={carrier} onChange={(e) => setCarrier(e.target.value as Chosen)} data-autofocus>
            <option value="">{t('carrier.UNKNOWN')}</option>
            {CHOSEN_CARRIERS.map((c) => (
              <option key={c} value={c}>
                {t(CARRIER_LABEL[c])}
              </option>
            ))}
          </select>
        </label>
        <RecipientPicker value={recipient} onChange={setRecipient} />
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('intake.slot')}</span>
            <input name="edit-slot" autoComplete="off" maxLength={8} value={slot} onChange={(e) => setSlot(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('intake.note')}</span>
            <input name="edit-note" autoComplete="off" maxLength={100} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
        </div>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : t('common.save')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
