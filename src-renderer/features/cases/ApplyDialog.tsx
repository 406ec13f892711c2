import { useState } from 'react';
import type { DecorationCaseView } from '@shared/contract';
import { addDays } from '@shared/calendar';
import { useSend } from '../../lib/query';
import { useT } from '../../app/i18n/I18n';
import { DateInput } from '../../app/ui/DateInput';
import { parseAmount } from '../../lib/money';
import { propertyToday } from '../../lib/format';
import { PhoneField } from '../visitors/PhoneField';
import { ActionDialog } from './ActionDialog';
import { RoomPick, type PickedRoom } from './RoomPick';
import { DECO_DOC, SCOPE, type DecoDoc, type Scope } from './labels';

/** 装修申请: the room, the contractor, its person in charge and phone (masked once typed), the dates, the scope, the documents seen, the deposit. */
export function ApplyDialog({ room: initial, onDone, onCancel }: { room: PickedRoom | null; onDone: (c: DecorationCaseView) => void; onCancel: () => void }) {
  const t = useT();
  const send = useSend();
  const today = propertyToday();
  const [room, setRoom] = useState<PickedRoom | null>(initial);
  const [contractor, setContractor] = useState('');
  const [person, setPerson] = useState('');
  const [phone, setPhone] = useState('');
  const [start, setStart] = useState(today);
  const [end, setEnd] = useState(addDays(today, 60));
  const [scope, setScope] = useState<Scope[]>([]);
  const [docs, setDocs] = useState<DecoDoc[]>([]);
  const [deposit, setDeposit] = useState('');
  const tick = <T,>(list: T[], set: (v: T[]) => void, v: T) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const dep = parseAmount(deposit || '0', { allowZero: true });

  return (
    <ActionDialog
      title={t('cs.apply.title')}
      submitLabel={t('cs.apply.submit')}
      className="cs-apply-dialog"
      onCancel={onCancel}
      check={() =>
        !room
          ? t('cs.apply.needRoom')
          : !contractor.trim()
            ? t('cs.apply.needContractor')
            : !person.trim()
              ? t('cs.apply.needPerson')
              : phone.replace(/\D/g, '').length < 7
                ? t('cs.apply.needPhone')
                : !start || !end
                  ? t('cs.apply.needDates')
                  : end < start
                    ? t('cs.apply.endBeforeStart')
                    : scope.length === 0
                      ? t('cs.apply.needScope')
                      : !dep.ok
                        ? t(dep.problem.key, dep.problem.params)
                        : null
      }
      run={async () => {
        if (!room || !dep.ok) return;
        const c = await send('rooms.decoration.apply', {
          roomId: room.roomId,
          contractor: contractor.trim(),
          personInCharge: person.trim(),
          contractorPhone: phone.trim(),
          startDate: start,
          plannedEnd: end,
          scope,
          docs,
          depositFen: dep.value,
        });
        onDone(c);
      }}
    >
      <RoomPick value={room} onChange={setRoom} label={t('cs.apply.room')} />
      <div className="grid-3">
        <label className="field">
          <span className="field-label">{t('cs.apply.contractor')}</span>
          <input name="contractor" value={contractor} maxLength={60} onChange={(e) => setContractor(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">{t('cs.apply.person')}</span>
          <input name="person-in-charge" value={person} maxLength={40} onChange={(e) => setPerson(e.target.value)} autoComplete="off" />
        </label>
        <PhoneField name="contractor-phone" label={t('cs.apply.phone')} value={phone} onChange={setPhone} />
      </div>
      <div className="grid-3">
        <label className="field">
          <span className="field-label">{t('cs.apply.start')}</span>
          <DateInput name="start-date" value={start} onChange={setStart} />
        </label>
        <label className="field">
          <span className="field-label">{t('cs.apply.end')}</span>
          <DateInput name="planned-end" value={end} onChange={setEnd} />
        </label>
        <label className="field">
          <span className="field-label">{t('cs.apply.deposit')}</span>
          <input
            name="deposit"
            value={deposit}
            inputMode="decimal"
            maxLength={12}
            placeholder="0.00"
            onChange={(e) => setDeposit(e.target.value)}
            autoComplete="off"
          />
        </label>
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">{t('cs.apply.scope')}</legend>
        <div className="cs-ticks">
          {(Object.keys(SCOPE) as Scope[]).map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={scope.includes(s)} onChange={() => tick(scope, setScope, s)} /> {t(SCOPE[s])}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field-label">{t('cs.apply.docs')}</legend>
        <div className="cs-ticks">
          {(Object.keys(DECO_DOC) as DecoDoc[]).map((d) => (
            <label key={d} className="check">
              <input type="checkbox" checked={docs.includes(d)} onChange={() => tick(docs, setDocs, d)} /> {t(DECO_DOC[d])}
            </label>
          ))}
        </div>
      </fieldset>
    </ActionDialog>
  );
}
