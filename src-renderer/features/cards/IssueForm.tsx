import { useRef, useState, type FormEvent } from 'react';
import type { CardType, CardView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote } from '../../app/ui/Notes';
import { parseAmount } from '../../lib/money';
import { CARD_TYPE } from './labels';
import { RoomChooser, type RoomChoice } from './RoomChooser';
import { useReaderEnter } from './useReaderEnter';
import { DateInput } from '../../app/ui/DateInput';

/**
 * 发卡: the number just read, bound to a room and a person, with type, validity and deposit. Another card
 * presented to a keyboard-mode reader while the cursor is in one of these fields is taken out of the field
 * and read as the next card (`onRead`): its Enter never issues this one.
 */
export function IssueForm({ number, onIssued, onRead }: { number: string; onIssued: (c: CardView) => void; onRead: (raw: string) => void }) {
  const t = useT();
  const action = useAction();
  const send = useSend();
  const formRef = useRef<HTMLFormElement>(null);
  const onKeyDownCapture = useReaderEnter({ formRef, onRead });
  const [room, setRoom] = useState<RoomChoice | null>(null);
  const [holder, setHolder] = useState('');
  const [type, setType] = useState<CardType>('access');
  const [functionName, setFunctionName] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [deposit, setDeposit] = useState('');

  const pickRoom = (c: RoomChoice | null) => {
    setRoom(c);
    if (c && !holder.trim()) setHolder(c.name);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dep = deposit.trim() ? parseAmount(deposit, { allowZero: true }) : ({ ok: true, value: 0 } as const);
    return action.start({
      check: () => (!room ? t('cards.needRoom') : !holder.trim() ? t('cards.needHolder') : !dep.ok ? t(dep.problem.key, dep.problem.params) : null),
      run: async () => {
        if (!room || !dep.ok) return;
        const c = await send('cards.issue', {
          number,
          roomId: room.roomId,
          ...(holder.trim() === room.name && { residentId: room.residentId }),
          holderName: holder.trim(),
          type,
          ...(type === 'function' && functionName.trim() && { functionName: functionName.trim() }),
          ...(validFrom && { validFrom }),
          ...(validUntil && { validUntil }),
          depositFen: dep.value,
        });
        onIssued(c);
      },
    });
  };

  return (
    <form
      ref={formRef}
      className="card form issue-form"
      onSubmit={(e) => void submit(e)}
      onKeyDownCapture={onKeyDownCapture}
      aria-label={t('cards.issueTitle', { raw: number })}
    >
      <h2 className="section-title">{t('cards.issueTitle', { raw: number })}</h2>
      <div className="grid-2">
        <RoomChooser label={t('cards.room')} value={room} onChange={pickRoom} />
        <label className="field">
          <span className="field-label">{t('cards.holder')}</span>
          <input name="holder" value={holder} maxLength={40} onChange={(e) => setHolder(e.target.value)} autoComplete="off" />
        </label>
      </div>
      <div className="grid-3">
        <fieldset className="fieldset">
          <legend className="field-label">{t('keys.kind')}</legend>
          <div className="radios inline">
            {(Object.keys(CARD_TYPE) as CardType[]).map((k) => (
              <label key={k} className="check">
                <input type="radio" name="card-type" checked={type === k} onChange={() => setType(k)} /> {t(CARD_TYPE[k])}
              </label>
            ))}
          </div>
        </fieldset>
        {type === 'function' ? (
          <label className="field">
            <span className="field-label">{t('cards.functionName')}</span>
            <input
              name="function-name"
              value={functionName}
              maxLength={20}
              placeholder={t('cards.functionPlaceholder')}
              onChange={(e) => setFunctionName(e.target.value)}
              autoComplete="off"
            />
          </label>
        ) : (
          <span />
        )}
        <label className="field">
          <span className="field-label">{t('cards.deposit')}</span>
          <input
            name="deposit"
            inputMode="decimal"
            value={deposit}
            maxLength={12}
            placeholder="0"
            onChange={(e) => setDeposit(e.target.value)}
            autoComplete="off"
          />
        </label>
      </div>
      <div className="grid-2">
        <label className="field">
          <span className="field-label">{t('cards.validFrom')}</span>
          <DateInput name="valid-from" value={validFrom} onChange={setValidFrom} />
        </label>
        <label className="field">
          <span className="field-label">{t('cards.validUntil')}</span>
          <DateInput name="valid-until" value={validUntil} onChange={setValidUntil} />
        </label>
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {action.busy ? t('common.working') : t('cards.issue')}
        </button>
      </div>
    </form>
  );
}
