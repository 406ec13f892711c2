import { useState, type FormEvent } from 'react';
import type { BorrowerType, KeyLoanView, KeyPurpose, KeyView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';
import { ErrorNote } from '../../app/ui/Notes';
import { useSupervisorApproval } from '../auth/SupervisorApproval';
import { BORROWER, KIND, PURPOSE } from './labels';
import { fromLocalInput, propertyNow, propertyToday, toLocalInput } from '../../lib/format';
import { addDays } from '@shared/calendar';
import { DateInput } from '../../app/ui/DateInput';

/** Quick due times on the property's clock: in 2 hours, today 18:00, tomorrow 12:00. */
function quickDue(kind: '2h' | 'evening' | 'tomorrow'): string {
  const now = new Date();
  if (kind === '2h') return toLocalInput(new Date(now.getTime() + 2 * 3_600_000));
  const today = propertyToday(now);
  return kind === 'evening' ? `${today}T18:00` : `${addDays(today, 1)}T12:00`;
}

/** 借出: who (type, name, phone, company), why, which identity document was checked, due back. */
export function LendDialog({ keyItem, onDone, onCancel }: { keyItem: KeyView; onDone: (l: KeyLoanView) => void; onCancel: () => void }) {
  const t = useT();
  const approval = useSupervisorApproval();
  const action = useAction();
  const send = useSend();
  const [borrowerType, setBorrowerType] = useState<BorrowerType>(keyItem.kind === 'public' ? 'staff' : 'contractor');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [company, setCompany] = useState('');
  const [purpose, setPurpose] = useState<KeyPurpose>(keyItem.kind === 'public' ? 'repair' : 'renovation');
  const [purposeNote, setPurposeNote] = useState('');
  const [idChecked, setIdChecked] = useState('');
  const [due, setDue] = useState(quickDue(propertyNow().hour < 16 ? 'evening' : 'tomorrow'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (!name.trim() ? t('lend.needName') : idChecked.trim().length < 2 ? t('lend.needId') : !due ? t('lend.needDue') : null),
      run: async () => {
        let approvalId: string | undefined;
        if (keyItem.kind === 'trust') {
          const a = await approval.request({
            action: 'key.lendTrust',
            subject: keyItem.tag,
            title: t('lend.approvalTitle'),
            description: t('lend.approvalText', { tag: keyItem.tag, who: t(BORROWER[borrowerType]), purpose: t(PURPOSE[purpose]) }),
          });
          if (!a) return;
          approvalId = a.approvalId;
        }
        const loan = await send('keys.lend', {
          keyId: keyItem.id,
          borrowerType,
          borrowerName: name.trim(),
          ...(phone.trim() && { borrowerPhone: phone.trim() }),
          ...(company.trim() && { company: company.trim() }),
          purpose,
          ...(purposeNote.trim() && { purposeNote: purposeNote.trim() }),
          idChecked: idChecked.trim(),
          dueAt: fromLocalInput(due),
          ...(approvalId && { approvalId }),
        });
        onDone(loan);
      },
    });
  };

  return (
    <Dialog title={t('lend.title', { tag: keyItem.tag })} onClose={onCancel} className="lend-dialog">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">
          <span className={`tag key-kind-${keyItem.kind}`}>{t(KIND[keyItem.kind])}</span> <strong>{keyItem.label}</strong>
          {keyItem.roomCode ? <span className="room-code"> {keyItem.roomCode}</span> : null}
        </p>
        {keyItem.kind === 'trust' ? <p className="warn-box">{t('keys.trustNote')}</p> : null}
        <fieldset className="fieldset">
          <legend className="field-label">{t('lend.borrowerType')}</legend>
          <div className="radios inline">
            {(Object.keys(BORROWER) as BorrowerType[]).map((b) => (
              <label key={b} className="check">
                <input type="radio" name="borrower-type" checked={borrowerType === b} onChange={() => setBorrowerType(b)} /> {t(BORROWER[b])}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid-3">
          <label className="field">
            <span className="field-label">{t('lend.name')}</span>
            <input name="borrower-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} data-autofocus autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">{t('lend.phone')}</span>
            <input name="borrower-phone" value={phone} maxLength={20} inputMode="tel" onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">{t('lend.company')}</span>
            <input name="borrower-company" value={company} maxLength={40} onChange={(e) => setCompany(e.target.value)} autoComplete="off" />
          </label>
        </div>
        <div className="grid-2">
          <Field label={t('lend.purpose')}>
            <select name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as KeyPurpose)}>
              {(Object.keys(PURPOSE) as KeyPurpose[]).map((p) => (
                <option key={p} value={p}>
                  {t(PURPOSE[p])}
                </option>
              ))}
            </select>
          </Field>
          <label className="field">
            <span className="field-label">{t('lend.purposeNote')}</span>
            <input name="purpose-note" value={purposeNote} maxLength={60} onChange={(e) => setPurposeNote(e.target.value)} autoComplete="off" />
          </label>
        </div>
        <label className="field">
          <span className="field-label">{t('lend.idChecked')}</span>
          <input
            name="id-checked"
            value={idChecked}
            maxLength={60}
            onChange={(e) => setIdChecked(e.target.value)}
            autoComplete="off"
            aria-describedby="lend-id-hint"
          />
          <span className="field-hint" id="lend-id-hint">
            {t('lend.idCheckedHint')}
          </span>
        </label>
        <div className="due-row">
          <label className="field">
            <span className="field-label">{t('lend.due')}</span>
            <DateInput withTime name="due" value={due} onChange={setDue} />
          </label>
          <div className="quick-picks" role="group" aria-label={t('lend.due')}>
            <button type="button" className="btn small chip" onClick={() => setDue(quickDue('2h'))}>
              {t('lend.due2h')}
            </button>
            <button type="button" className="btn small chip" onClick={() => setDue(quickDue('evening'))}>
              {t('lend.dueEvening')}
            </button>
            <button type="button" className="btn small chip" onClick={() => setDue(quickDue('tomorrow'))}>
              {t('lend.dueTomorrow')}
            </button>
          </div>
        </div>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : t('lend.submit')} busy={action.busy} onCancel={onCancel} />
      </form>
      {approval.dialog}
    </Dialog>
  );
}
