import { useState, type FormEvent } from 'react';
import type { RoomState, RoomView } from '@shared/contract/rooms';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';
import { useSend } from '../../lib/query';
import { NEXT_STATES, STATE_LABEL } from './labels';
import { parseRoomFacts, RoomFactsFields, type RoomFactsText } from './RoomFactsFields';

interface Props {
  room: RoomView;
  onDone: () => void;
  onCancel: () => void;
}

/** 编辑房间 (supervisor): floor, area and type; the audit chain keeps before and after. */
export function RoomEditDialog({ room, onDone, onCancel }: Props) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [facts, setFacts] = useState<RoomFactsText>({ floor: room.floor === null ? '' : String(room.floor), area: room.areaM2 ?? '', type: room.roomType });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseRoomFacts(facts);
    return action.start({
      check: () => (typeof parsed === 'string' ? t(parsed) : null),
      run: async () => {
        if (typeof parsed === 'string') return;
        await send('rooms.update', { id: room.id, ...parsed });
        onDone();
      },
      keepBusyOnSuccess: true,
    });
  };
  return (
    <Dialog title={t('rooms.editTitle', { code: room.code })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <RoomFactsFields value={facts} onChange={setFacts} />
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t('common.save')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/** 更改状态 (supervisor): only the changes the room may make are offered, with a reason; the core's refusal is shown as it says it. */
export function StateDialog({ room, onDone, onCancel }: Props) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const options = NEXT_STATES[room.state];
  const [to, setTo] = useState<RoomState | ''>('');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (!to ? t('rooms.pickState') : reason.trim().length < 2 ? t('rooms.needReason') : null),
      run: async () => {
        if (!to) return;
        await send('rooms.setState', { id: room.id, state: to, reason: reason.trim() });
        onDone();
      },
      keepBusyOnSuccess: true,
    });
  };
  return (
    <Dialog title={t('rooms.stateTitle', { code: room.code })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{t('rooms.stateNow', { state: t(STATE_LABEL[room.state]) })}</p>
        <fieldset className="fieldset">
          <legend className="field-label">{t('rooms.stateTo')}</legend>
          <div className="radios inline">
            {options.map((s, i) => (
              <label key={s} className="check">
                <input type="radio" name="room-state" checked={to === s} onChange={() => setTo(s)} data-autofocus={i === 0 ? true : undefined} />{' '}
                {t(STATE_LABEL[s])}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span className="field-label">{t('rooms.reason')}</span>
          <input name="state-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
        </label>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t('rooms.setState')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
