import { useRef, useState, type FormEvent } from 'react';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { moneyText, parseAmount } from '../../lib/money';
import { collectRequest } from '../fees/collectRequest';
import { useReaderEnter } from '../cards/useReaderEnter';
import { StepActions, type StepProps } from './MoveInSteps';

/** 交付钥匙: the room's keys on the register's board (空置房 custody) handed to the owner, who signs for them. */
export function KeysStep({ c, file, onDone }: StepProps) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const keysQ = useCall('keys.list', { q: file.room.code });
  const keys = (keysQ.data ?? []).filter((k) => k.roomId === file.room.id && k.kind === 'vacant' && k.status === 'on_board');
  const [off, setOff] = useState<number[]>([]);
  const owner = file.residents.find((r) => r.id === c.residentId);
  const [signedBy, setSignedBy] = useState(owner?.name ?? '');
  const chosen = keys.filter((k) => !off.includes(k.id)).map((k) => k.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.start({
      check: () => (!signedBy.trim() ? t('cs.keys.needSigner') : null),
      run: async () => {
        await send('rooms.moveIn.keys', { caseId: c.id, keyIds: chosen, signedBy: signedBy.trim() });
        onDone();
      },
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      <ErrorBox error={keysQ.error} />
      {keysQ.data && keys.length === 0 ? <p className="warn-box">{t('cs.keys.none')}</p> : null}
      {keys.length ? (
        <fieldset className="fieldset">
          <legend className="field-label">{t('cs.keys.legend', { n: chosen.length })}</legend>
          <div className="cs-ticks">
            {keys.map((k) => (
              <label key={k.id} className="check">
                <input
                  type="checkbox"
                  checked={!off.includes(k.id)}
                  onChange={() => setOff((x) => (x.includes(k.id) ? x.filter((y) => y !== k.id) : [...x, k.id]))}
                />{' '}
                <span className="cs-key-tag">{k.tag}</span> <span data-data>{k.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <label className="field">
        <span className="field-label">{t('cs.keys.signedBy')}</span>
        <input name="signed-by" value={signedBy} maxLength={40} onChange={(e) => setSignedBy(e.target.value)} autoComplete="off" />
      </label>
      <StepActions action={action} label={t('cs.keys.submit', { n: chosen.length })} />
    </form>
  );
}

/**
 * 发放门禁卡: cards issued to the owner through the cards area (blank stock and the number rules apply). The
 * reader types the number and Enter into this form: that Enter only moves to the issue button; a burst landing
 * in the deposit field is moved to the number field (useReaderEnter).
 */
export function CardsStep({ c, onDone }: StepProps) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const done = useAction();
  const [number, setNumber] = useState('');
  const [deposit, setDeposit] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const onKeyDownCapture = useReaderEnter({ formRef, numberRef, onRead: (n) => setNumber(n) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dep = deposit.trim() ? parseAmount(deposit, { allowZero: true }) : null;
    void action.start({
      check: () => (!number.trim() ? t('cs.cards.needNumber') : dep && !dep.ok ? t(dep.problem.key, dep.problem.params) : null),
      run: async () => {
        await send('rooms.moveIn.card', { caseId: c.id, number: number.trim(), ...(dep?.ok && { depositFen: dep.value }) });
        setNumber('');
        setDeposit('');
        numberRef.current?.focus();
      },
    });
  };
  return (
    <div className="cs-cards-step">
      <p className="cs-count" data-testid="movein-cards">
        {t('cs.cards.issued', { n: c.cardIds.length })}
      </p>
      <form className="form" ref={formRef} onSubmit={submit} onKeyDownCapture={onKeyDownCapture}>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('cs.cards.number')}</span>
            <input
              ref={numberRef}
              name="card-number"
              data-required
              value={number}
              maxLength={32}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              onChange={(e) => setNumber(e.target.value)}
              aria-describedby="cs-card-hint"
            />
            <span className="field-hint" id="cs-card-hint">
              {t('cs.cards.hint')}
            </span>
          </label>
          <label className="field">
            <span className="field-label">{t('cs.cards.deposit')}</span>
            <input name="card-deposit" value={deposit} inputMode="decimal" maxLength={12} autoComplete="off" onChange={(e) => setDeposit(e.target.value)} />
          </label>
        </div>
        <StepActions action={action} label={t('cs.cards.issue')} />
      </form>
      <div className="cs-step-actions">
        <button
          type="button"
          className="btn"
          disabled={done.busy}
          onClick={() =>
            void done.start({
              run: async () => {
                await send('rooms.moveIn.cardsDone', { caseId: c.id });
                onDone();
              },
            })
          }
        >
          {c.cardIds.length ? t('cs.cards.done') : t('cs.cards.noneNeeded')}
        </button>
      </div>
      <ErrorBox error={done.error} />
    </div>
  );
}

/**
 * 首期费用: collected in 收费 (Alt+5) with the room and what the billing plan says is due filled in; the receipt is
 * linked to the case once posted. A receipt taken already is linked by its number; none due: recorded as such.
 */
export function FeesStep({ c, file }: StepProps) {
  const t = useT();
  const { go, operator } = useShell();
  const send = useSend();
  const action = useAction();
  const duesQ = useCall('receivables.dues', { roomId: file.room.id });
  const due = (duesQ.data?.items ?? []).filter((i) => i.owedFen > 0);
  const first = due[0];
  const [receiptNo, setReceiptNo] = useState('');
  const collect = () => {
    if (first)
      collectRequest.set({
        operatorId: operator.id,
        roomId: file.room.id,
        roomCode: file.room.code,
        itemId: first.itemId,
        itemName: first.name,
        amountFen: first.owedFen,
        purpose: { key: 'cs.fees.collectFor', params: { room: file.room.code, item: first.name, amount: moneyText(first.owedFen) } },
        returnTo: 'cases',
        returnLabel: 'cs.fees.back',
        matches: (r) => r.kind === 'receipt' && r.roomCode === file.room.code,
        onPosted: async (r) => {
          await send('rooms.moveIn.fees', { caseId: c.id, receiptNo: r.receiptNo });
          return { key: 'cs.fees.linked', params: { no: r.receiptNo, room: file.room.code } };
        },
      });
    go('fees');
  };
  const link = (no: string | undefined) => void action.start({ run: () => send('rooms.moveIn.fees', { caseId: c.id, ...(no && { receiptNo: no }) }) });
  return (
    <div className="cs-fees-step">
      <ErrorBox error={duesQ.error} />
      {due.length ? (
        <ul className="cs-dues" data-testid="movein-dues">
          {due.map((d) => (
            <li key={d.itemId}>
              <span data-data>{d.name}</span> <strong>{moneyText(d.owedFen)}</strong>
            </li>
          ))}
        </ul>
      ) : duesQ.data ? (
        <p className="hint">{t('cs.fees.noPlan')}</p>
      ) : null}
      <div className="cs-step-actions">
        <button type="button" className="btn primary" onClick={collect}>
          {t('cs.fees.collect')}
        </button>
        <button type="button" className="btn" disabled={action.busy} onClick={() => link(undefined)}>
          {t('cs.fees.noneDue')}
        </button>
      </div>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (receiptNo.trim()) link(receiptNo.trim());
        }}
      >
        <label className="field grow">
          <span className="field-label">{t('cs.fees.receiptNo')}</span>
          <input name="fees-receipt" value={receiptNo} maxLength={40} autoComplete="off" onChange={(e) => setReceiptNo(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="submit" className="btn" disabled={action.busy}>
            {t('cs.fees.link')}
          </button>
        </div>
      </form>
      <ErrorBox error={action.error} />
    </div>
  );
}
