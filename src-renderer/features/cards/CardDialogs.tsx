import { useState, type FormEvent } from 'react';
import type { CardFeeView, CardView } from '../../../src-main/contract/index';
import { call } from '../../lib/api';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';
import { formatFen, moneyText, parseAmount } from '../../lib/money';

/** 补卡: the new card's number (typed or a keyboard-mode reader), the reason, the fee (from the catalogue when left empty). */
export function ReplaceDialog({ card, onDone, onCancel }: { card: CardView; onDone: (r: { old: CardView; card: CardView; fee: CardFeeView | null }) => void; onCancel: () => void }) {
  const t = useT();
  const action = useAction();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [fee, setFee] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = fee.trim() ? parseAmount(fee, { allowZero: true }) : null;
    return action.start({
      check: () => (!number.trim() ? t('cards.needNumber') : f && !f.ok ? t(f.problem.key, f.problem.params) : null),
      run: async () => onDone(await call('cards.replace', { cardId: card.id, number: number.trim(), reason: reason.trim(), ...(f?.ok && { feeFen: f.value }) })),
    });
  };
  return (
    <Dialog title={t('cards.replaceTitle', { raw: card.raw, room: card.roomCode })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{t('cards.replaceHint')}</p>
        <label className="field">
          <span className="field-label">{t('cards.replaceNew')}</span>
          <input name="new-card-number" className="card-number-input" value={number} maxLength={32} onChange={(e) => setNumber(e.target.value)} data-autofocus autoComplete="off" placeholder={t('cards.numberPlaceholder')} />
        </label>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('cards.replaceReason')}</span>
            <input name="replace-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">{t('cards.replaceFee')}</span>
            <input name="replace-fee" inputMode="decimal" value={fee} maxLength={12} onChange={(e) => setFee(e.target.value)} autoComplete="off" placeholder={formatFen(2000)} />
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
  const [note, setNote] = useState('');
  const [restock, setRestock] = useState(true);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({ run: async () => onDone(await call('cards.return', { cardId: card.id, restock, ...(note.trim() && { depositNote: note.trim() }) })) });
  };
  return (
    <Dialog title={t('cards.returnTitle', { raw: card.raw, room: card.roomCode })} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('cards.depositNote')}</span>
          <input name="deposit-note" value={note} maxLength={100} onChange={(e) => setNote(e.target.value)} data-autofocus autoComplete="off" aria-describedby="deposit-note-hint" />
          <span className="field-hint" id="deposit-note-hint">
            {t('cards.depositNoteHint', { amount: moneyText(card.depositFen) })}
          </span>
        </label>
        <label className="check">
          <input type="checkbox" checked={restock} onChange={(e) => setRestock(e.target.checked)} /> {t('cards.restock')}
        </label>
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : t('cards.return')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
