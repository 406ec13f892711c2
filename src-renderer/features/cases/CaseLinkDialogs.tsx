import { useState } from 'react';
import type { DocType } from '@shared/contract';
import { addDays } from '@shared/calendar';
import { useCall, useSend } from '../../lib/query';
import { useT } from '../../app/i18n/I18n';
import { DateInput } from '../../app/ui/DateInput';
import { fromLocalInput, propertyNow, propertyToday } from '../../lib/format';
import { useSupervisorApproval } from '../auth/SupervisorApproval';
import { PhoneField } from '../visitors/PhoneField';
import { DOC_TYPE, DOC_TYPES } from '../visitors/labels';
import { ActionDialog } from './ActionDialog';
import type { DialogProps } from './DecorationDialogs';

/** 临时出入证 for a worker of the case's contractor: the visitors area's pass, for the case's room, valid up to the planned end. */
export function WorkerPassDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const settings = useCall('visitors.settings.get', {});
  const forms = settings.data?.workerPassMode === 'forms';
  const today = propertyToday();
  const [company, setCompany] = useState(c.contractor);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [docType, setDocType] = useState<DocType>('id_card');
  const [last4, setLast4] = useState('');
  const [from, setFrom] = useState(today);
  const [until, setUntil] = useState(c.plannedEnd < addDays(today, 6) ? c.plannedEnd : addDays(today, 6));
  const [formNo, setFormNo] = useState('');
  return (
    <ActionDialog
      title={t('cs.pass.title', { room: c.roomCode })}
      submitLabel={t('cs.pass.submit')}
      onCancel={onCancel}
      check={() =>
        !name.trim()
          ? t('cs.pass.needName')
          : !from || !until
            ? t('cs.apply.needDates')
            : until > c.plannedEnd
              ? t('cs.pass.afterEnd', { end: c.plannedEnd })
              : docType !== 'none' && !/^[0-9A-Za-z]{4}$/.test(last4.trim())
                ? t('cs.pass.needLast4')
                : null
      }
      run={async () => {
        const r = await send('rooms.decoration.workerPass', {
          caseId: c.id,
          pass: {
            company: company.trim(),
            workerName: name.trim(),
            phone: phone.trim(),
            docType,
            ...(docType !== 'none' && { docLast4: last4.trim() }),
            validFrom: from,
            validUntil: until,
            ...(forms && formNo.trim() && { formNo: formNo.trim() }),
          },
        });
        onDone(null, t('cs.pass.done', { no: r.pass.passNo }));
      }}
    >
      <div className="grid-2">
        <label className="field">
          <span className="field-label">{t('cs.pass.company')}</span>
          <input name="pass-company" value={company} maxLength={40} onChange={(e) => setCompany(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">{t('cs.pass.name')}</span>
          <input name="worker-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoComplete="off" data-autofocus />
        </label>
      </div>
      <div className="grid-3">
        <PhoneField name="worker-phone" label={t('cs.pass.phone')} value={phone} onChange={setPhone} />
        <label className="field">
          <span className="field-label">{t('cs.pass.docType')}</span>
          <select name="doc-type" value={docType} onChange={(e) => setDocType(e.target.value as DocType)}>
            {DOC_TYPES.map((d) => (
              <option key={d} value={d}>
                {t(DOC_TYPE[d])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('cs.pass.last4')}</span>
          <input name="doc-last4" value={last4} maxLength={4} onChange={(e) => setLast4(e.target.value)} autoComplete="off" />
        </label>
      </div>
      <div className="grid-3">
        <label className="field">
          <span className="field-label">{t('cs.pass.from')}</span>
          <DateInput name="valid-from" value={from} onChange={setFrom} />
        </label>
        <label className="field">
          <span className="field-label">{t('cs.pass.until')}</span>
          <DateInput name="valid-until" value={until} onChange={setUntil} />
        </label>
        {forms ? (
          <label className="field">
            <span className="field-label">{t('cs.pass.formNo')}</span>
            <input name="form-no" value={formNo} maxLength={16} onChange={(e) => setFormNo(e.target.value)} autoComplete="off" />
          </label>
        ) : null}
      </div>
    </ActionDialog>
  );
}

/** 借钥匙 for the contractor: a key of the case's room from the board (the keys area's loan, purpose 装修). */
export function KeyLoanDialog({ c, onDone, onCancel }: DialogProps) {
  const t = useT();
  const send = useSend();
  const approval = useSupervisorApproval();
  const keysQ = useCall('keys.list', { q: c.roomCode });
  const keys = (keysQ.data ?? []).filter((k) => k.roomId === c.roomId && k.status === 'on_board');
  const [keyId, setKeyId] = useState<number | null>(null);
  const chosen = keys.find((k) => k.id === keyId) ?? keys[0];
  const [name, setName] = useState('');
  const [idChecked, setIdChecked] = useState('');
  const [due, setDue] = useState(() => (propertyNow().hour < 16 ? `${propertyToday()}T18:00` : `${addDays(propertyToday(), 1)}T12:00`));
  return (
    <>
      <ActionDialog
        title={t('cs.loan.title', { room: c.roomCode })}
        submitLabel={t('cs.loan.submit')}
        onCancel={onCancel}
        check={() =>
          !chosen
            ? t('cs.loan.noKey')
            : !name.trim()
              ? t('cs.loan.needName')
              : idChecked.trim().length < 2
                ? t('cs.loan.needId')
                : !due
                  ? t('cs.loan.needDue')
                  : null
        }
        run={async () => {
          if (!chosen) return;
          let approvalId: string | undefined;
          if (chosen.kind === 'trust') {
            const a = await approval.request({
              action: 'key.lendTrust',
              subject: chosen.tag,
              title: t('lend.approvalTitle'),
              description: t('cs.loan.trust', { tag: chosen.tag }),
            });
            if (!a) return;
            approvalId = a.approvalId;
          }
          const l = await send('rooms.decoration.keyLoan', {
            caseId: c.id,
            loan: {
              keyId: chosen.id,
              borrowerName: name.trim(),
              company: c.contractor,
              idChecked: idChecked.trim(),
              dueAt: fromLocalInput(due),
              ...(approvalId && { approvalId }),
            },
          });
          onDone(null, t('cs.loan.done', { tag: l.keyTag }));
        }}
      >
        {keysQ.data && keys.length === 0 ? <p className="warn-box">{t('cs.loan.noKey')}</p> : null}
        {keys.length ? (
          <label className="field">
            <span className="field-label">{t('cs.loan.key')}</span>
            <select name="loan-key" value={chosen?.id ?? ''} onChange={(e) => setKeyId(Number(e.target.value))}>
              {keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {`${k.tag} ${k.label}`}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('cs.loan.name')}</span>
            <input name="borrower-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">{t('cs.loan.idChecked')}</span>
            <input name="id-checked" value={idChecked} maxLength={60} onChange={(e) => setIdChecked(e.target.value)} autoComplete="off" />
          </label>
        </div>
        <label className="field">
          <span className="field-label">{t('cs.loan.due')}</span>
          <DateInput withTime name="loan-due" value={due} onChange={setDue} />
        </label>
      </ActionDialog>
      {approval.dialog}
    </>
  );
}
