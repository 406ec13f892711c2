import { useState, type FormEvent } from 'react';
import type { DuesView } from '@shared/contract';
import type { RoomResidentView, RoomView } from '@shared/contract/rooms';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { DateInput } from '../../app/ui/DateInput';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { Money } from '../../app/ui/Money';
import { ErrorNote } from '../../app/ui/Notes';
import { propertyToday } from '../../lib/format';
import { useFetch, useSend } from '../../lib/query';
import { RESIDENT_KIND } from './labels';

interface Done {
  onDone: () => void;
  onCancel: () => void;
}

/** A person's name and phone side by side (the name takes the focus): `<prefix>-name`, `<prefix>-phone`. */
export function NameAndPhone(props: {
  prefix: string;
  nameLabel: string;
  name: string;
  phone: string;
  setName: (v: string) => void;
  setPhone: (v: string) => void;
}) {
  const t = useT();
  return (
    <div className="grid-2">
      <label className="field">
        <span className="field-label">{props.nameLabel}</span>
        <input
          name={`${props.prefix}-name`}
          value={props.name}
          maxLength={40}
          onChange={(e) => props.setName(e.target.value)}
          autoComplete="off"
          data-autofocus
        />
      </label>
      <label className="field">
        <span className="field-label">{t('rooms.col.phone')}</span>
        <input
          name={`${props.prefix}-phone`}
          value={props.phone}
          maxLength={20}
          inputMode="tel"
          onChange={(e) => props.setPhone(e.target.value)}
          autoComplete="off"
        />
      </label>
    </div>
  );
}

function PersonFields({
  name,
  phone,
  note,
  setName,
  setPhone,
  setNote,
}: Record<'name' | 'phone' | 'note', string> & Record<'setName' | 'setPhone' | 'setNote', (v: string) => void>) {
  const t = useT();
  return (
    <>
      <NameAndPhone prefix="person" nameLabel={t('rooms.col.name')} name={name} phone={phone} setName={setName} setPhone={setPhone} />
      <label className="field">
        <span className="field-label">{t('rooms.note')}</span>
        <input name="person-note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </label>
    </>
  );
}

/** 添加业主 / 添加家属, or 编辑 a resident (name, phone, note; a phone left as it was is not sent). */
export function PersonDialog({ roomId, as, resident, onDone, onCancel }: Done & { roomId: number; as?: 'owner' | 'family'; resident?: RoomResidentView }) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [name, setName] = useState(resident?.name ?? '');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [moveIn, setMoveIn] = useState(resident ? '' : propertyToday());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (name.trim() ? null : t('rooms.needName')),
      run: async () => {
        if (resident) {
          await send('rooms.residents.update', {
            id: resident.id,
            name: name.trim(),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          });
        } else {
          await send('rooms.residents.add', {
            roomId,
            kind: as ?? 'owner',
            name: name.trim(),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(moveIn ? { moveIn } : {}),
          });
        }
        onDone();
      },
      keepBusyOnSuccess: true,
    });
  };
  const title = resident ? t('rooms.editPersonTitle', { name: resident.name }) : t(as === 'family' ? 'rooms.addFamily' : 'rooms.addOwner');
  return (
    <Dialog title={title} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <PersonFields name={name} phone={phone} note={note} setName={setName} setPhone={setPhone} setNote={setNote} />
        {resident ? (
          <p className="hint">{t('rooms.phoneKept', { masked: resident.phoneMasked || '—' })}</p>
        ) : (
          <label className="field">
            <span className="field-label">{t('rooms.col.moveIn')}</span>
            <DateInput name="person-move-in" value={moveIn} onChange={setMoveIn} />
          </label>
        )}
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t('common.save')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/** 租户入住: the tenant and the lease's start and end (the room becomes 出租). */
export function TenantDialog({ roomId, onDone, onCancel }: Done & { roomId: number }) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [start, setStart] = useState(propertyToday());
  const [end, setEnd] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (!name.trim() ? t('rooms.needName') : !start || !end ? t('rooms.needLease') : null),
      run: async () => {
        await send('rooms.tenants.moveIn', {
          roomId,
          name: name.trim(),
          startDate: start,
          endDate: end,
          ...(phone.trim() ? { phone: phone.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        onDone();
      },
      keepBusyOnSuccess: true,
    });
  };
  return (
    <Dialog title={t('rooms.tenantIn')} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <PersonFields name={name} phone={phone} note={note} setName={setName} setPhone={setPhone} setNote={setNote} />
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('rooms.leaseStart')}</span>
            <DateInput name="lease-start" value={start} onChange={setStart} />
          </label>
          <label className="field">
            <span className="field-label">{t('rooms.leaseEnd')}</span>
            <DateInput name="lease-end" value={end} onChange={setEnd} />
          </label>
        </div>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t('rooms.tenantIn')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/** The months a room still owes for, oldest first. */
const owedMonths = (d: DuesView): string[] => [...new Set(d.items.flatMap((i) => i.owed.map((o) => o.month)))].sort();

/**
 * 迁出 (an owner or family member) or 退租 (a tenant): the date, and before it is done what the room still owes
 * (its total and months), to be confirmed; a date before the move-in is refused by the core, nothing changed.
 */
export function EndDialog({ room, resident, onDone, onCancel }: Done & { room: RoomView; resident: RoomResidentView }) {
  const t = useT();
  const send = useSend();
  const fetch = useFetch();
  const action = useAction();
  const [date, setDate] = useState(propertyToday());
  const [dues, setDues] = useState<DuesView | null>(null);
  const tenant = resident.kind === 'tenant';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (date ? null : t('rooms.needDate')),
      run: async () => {
        if (!dues) {
          const d = await fetch('receivables.dues', { roomId: room.id });
          if (d.totalFen > 0) return setDues(d);
        }
        if (tenant) await send('rooms.tenants.moveOut', { id: resident.id, moveOut: date });
        else await send('rooms.residents.end', { id: resident.id, moveOut: date });
        onDone();
      },
    });
  };
  const months = dues ? owedMonths(dues) : [];
  return (
    <Dialog title={t(tenant ? 'rooms.tenantOutTitle' : 'rooms.endTitle', { name: resident.name, kind: t(RESIDENT_KIND[resident.kind]) })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('rooms.col.moveOut')}</span>
          <DateInput name="move-out" value={date} onChange={setDate} />
        </label>
        {dues ? (
          <div className="warn-box" role="alert" data-testid="room-owes">
            <p>
              {t('rooms.owes', { code: dues.roomCode })} <Money fen={dues.totalFen} />
            </p>
            <p>{t('rooms.owesMonths', { n: months.length, from: months[0] ?? '', to: months.at(-1) ?? '' })}</p>
            <p>{t('rooms.owesConfirm')}</p>
          </div>
        ) : null}
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={dues ? t('rooms.endAnyway') : t(tenant ? 'rooms.tenantOut' : 'rooms.end')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
