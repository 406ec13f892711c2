import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CardFeeView, CardView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';
import { moneyText, parseAmount } from '../../lib/money';
import { focusNextEmpty, useReaderEnter } from './useReaderEnter';

/** What a replacement costs when the catalogue has no card fee item (the core's default). */
const DEFAULT_REPLACE_FEE_FEN = 2000;

/**
 * 补卡: the new card's number (typed, a keyboard-mode reader, or a card presented to the USB reader while the
 * dialog is open), the reason, the fee (from the catalogue when left empty). The reader's Enter completes
 * the number only; the dialog submits with every required field filled, by a deliberate Enter or click.
 */
export function ReplaceDialog({
  card,
  presented,
  onDone,
  onCancel,
}: {
  card: CardView;
  presented: { raw: string; n: number } | null;
  onDone: (r: { old: CardView; card: CardView; fee: CardFeeView | null }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const action = useAction();
  const send = useSend();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [fee, setFee] = useState('');
  // the replacement fee the catalogue charges (failing that, the usual one)
  const catalogueFen = useCall('fees.items.list', {}).data?.find((i) => i.category === 'card')?.unitPriceFen ?? null;
  const formRef = useRef<HTMLFormElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const seenRead = useRef(presented?.n ?? 0);

  const takeNumber = (raw: string) => {
    setNumber(raw);
    // after React has the number in the field: on to the first required field still empty
    window.setTimeout(() => focusNextEmpty(formRef.current, numberRef.current), 0);
  };
  const onKeyDownCapture = useReaderEnter({ formRef, numberRef, onRead: takeNumber });

  useEffect(() => {
    if (!presented || presented.n === seenRead.current) return;
    seenRead.current = presented.n;
    takeNumber(presented.raw);
  }, [presented]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = fee.trim() ? parseAmount(fee, { allowZero: true }) : null;
    return action.start({
      check: () => {
        if (!number.trim()) return (numberRef.current?.focus(), t('cards.needNumber'));
        if (reason.trim().length < 2) return (reasonRef.current?.focus(), t('cards.needReason'));
        return f && !f.ok ? t(f.problem.key, f.problem.params) : null;
      },
      run: async () =>
        onDone(await send('cards.replace', { cardId: card.id, number: number.trim(), reason: reason.trim(), ...(f?.ok && { feeFen: f.value }) })),
    });
  };
  return (
    <Dialog title={t('cards.replaceTitle', { raw: card.raw, room: card.roomCode })} onClose={onCancel}>
      <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} onKeyDownCapture={onKeyDownCapture}>
        <p className="dialog-message">{t('cards.replaceHint')}</p>
        <label className="field">
          <span className="field-label">{t('cards.replaceNew')}</span>
          <input
            ref={numberRef}
            name="new-card-number"
            className="card-number-input"
            value={number}
            maxLength={32}
            onChange={(e) => setNumber(e.target.value)}
            data-autofocus
            data-required
            autoComplete="off"
            spellCheck={false}
            placeholder={t('cards.numberPlaceholder')}
          />
        </label>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('cards.replaceReason')}</span>
            <input
              ref={reasonRef}
              name="replace-reason"
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
              data-required
              autoComplete="off"
            />
          </label>
          <label className="field">
            <span className="field-label">{t('cards.replaceFee')}</span>
            <input
              name="replace-fee"
              inputMode="decimal"
              value={fee}
              maxLength={12}
              onChange={(e) => setFee(e.target.value)}
              autoComplete="off"
              aria-describedby="replace-fee-hint"
            />
            <span className="field-hint" id="replace-fee-hint">
              {t('cards.replaceFeeHint', { amount: moneyText(catalogueFen ?? DEFAULT_REPLACE_FEE_FEN) })}
            </span>
          </label>
        </div>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : t('cards.replace')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/** 退卡: the deposit refund note, and whether the card goes back into blank stock. */
export function ReturnCardDialog({ card, onDone, onCancel }: { card: CardView; onDone: (c: CardView) => void; onCancel: () => void }) {
  const t = useT();
  const action = useAction();
  const send = useSend();
  const [note, setNote] = useState('');
  const [restock, setRestock] = useState(true);
  const [read, setRead] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // a card presented to a keyboard-mode reader here types into the note: taken out again, never a submit
  const onKeyDownCapture = useReaderEnter({ formRef, onRead: (raw) => setRead(raw) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRead(null);
    return action.start({
      run: async () => onDone(await send('cards.return', { cardId: card.id, restock, ...(note.trim() && { depositNote: note.trim() }) })),
    });
  };
  return (
    <Dialog title={t('cards.returnTitle', { raw: card.raw, room: card.roomCode })} onClose={onCancel}>
      <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} onKeyDownCapture={onKeyDownCapture}>
        <label className="field">
          <span className="field-label">{t('cards.depositNote')}</span>
          <input
            name="deposit-note"
            value={note}
            maxLength={100}
            onChange={(e) => setNote(e.target.value)}
            data-autofocus
            autoComplete="off"
            aria-describedby="deposit-note-hint"
          />
          <span className="field-hint" id="deposit-note-hint">
            {t('cards.depositNoteHint', { amount: moneyText(card.depositFen) })}
          </span>
        </label>
        <label className="check">
          <input type="checkbox" checked={restock} onChange={(e) => setRestock(e.target.checked)} /> {t('cards.restock')}
        </label>
        {read ? <p className="hint">{t('cards.readNotHere', { raw: read })}</p> : null}
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : t('cards.return')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
