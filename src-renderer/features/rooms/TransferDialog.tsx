import { useState, type FormEvent } from 'react';
import type { RoomResidentView } from '@shared/contract/rooms';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { DateInput } from '../../app/ui/DateInput';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';
import { propertyToday } from '../../lib/format';
import { useSend } from '../../lib/query';
import { NameAndPhone } from './ResidentDialogs';

type Doc = 'titleDeed' | 'contract' | 'idCard';
const DOCS: { id: Doc; label: 'rooms.doc.deed' | 'rooms.doc.contract' | 'rooms.doc.id' }[] = [
  { id: 'titleDeed', label: 'rooms.doc.deed' },
  { id: 'contract', label: 'rooms.doc.contract' },
  { id: 'idCard', label: 'rooms.doc.id' },
];

/** 过户: the old owner ended and the new one added on the same day, the three documents ticked as seen (not copied). */
export function TransferDialog({ resident, onDone, onCancel }: { resident: RoomResidentView; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [date, setDate] = useState(propertyToday());
  const [docs, setDocs] = useState<Record<Doc, boolean>>({ titleDeed: false, contract: false, idCard: false });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (!name.trim() ? t('rooms.needName') : !date ? t('rooms.needDate') : null),
      run: async () => {
        await send('rooms.residents.transfer', {
          fromResidentId: resident.id,
          date,
          newOwner: { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) },
          docs,
        });
        onDone();
      },
      keepBusyOnSuccess: true,
    });
  };
  return (
    <Dialog title={t('rooms.transferTitle', { name: resident.name })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{t('rooms.transferExplain')}</p>
        <NameAndPhone prefix="new-owner" nameLabel={t('rooms.newOwner')} name={name} phone={phone} setName={setName} setPhone={setPhone} />
        <label className="field">
          <span className="field-label">{t('rooms.transferDate')}</span>
          <DateInput name="transfer-date" value={date} onChange={setDate} />
        </label>
        <fieldset className="fieldset">
          <legend className="field-label">{t('rooms.docsSeen')}</legend>
          <div className="radios inline">
            {DOCS.map((d) => (
              <label key={d.id} className="check">
                <input type="checkbox" name={`doc-${d.id}`} checked={docs[d.id]} onChange={(e) => setDocs({ ...docs, [d.id]: e.target.checked })} />{' '}
                {t(d.label)}
              </label>
            ))}
          </div>
          <span className="field-hint">{t('rooms.docsHint')}</span>
        </fieldset>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t('rooms.transfer')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
