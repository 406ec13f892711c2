import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { translate, useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote } from '../../app/ui/Notes';

const PICKS: MsgKey[] = ['reveal.reason.selfCall', 'reveal.reason.parcel', 'reveal.reason.emergency', 'reveal.reason.other'];

interface Props {
  masked: string;
  onReveal: (reason: string) => Promise<void>;
  onCancel: () => void;
}

/** Why the full number is needed. The reason (in Chinese) goes to the audit chain with the view. */
export function RevealDialog({ masked, onReveal, onCancel }: Props) {
  const t = useT();
  const name = useId();
  const [pick, setPick] = useState<MsgKey>('reveal.reason.selfCall');
  const [text, setText] = useState('');
  const action = useAction();
  const isOther = pick === 'reveal.reason.other';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const extra = text.trim();
    return action.start({
      check: () => (isOther && extra.length < 2 ? t('reveal.needText') : null),
      run: () => {
        const base = translate('zh-CN', pick);
        const reason = isOther ? extra : extra ? `${base}：${extra}` : base;
        return onReveal(reason.slice(0, 200));
      },
      keepBusyOnSuccess: true,
    });
  };

  return (
    <Dialog title={t('reveal.title')} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{t('reveal.explain', { masked })}</p>
        <fieldset className="fieldset radios">
          <legend>{t('reveal.reason')}</legend>
          {PICKS.map((k, i) => (
            <label key={k} className="check">
              <input type="radio" name={name} value={k} checked={pick === k} onChange={() => setPick(k)} data-autofocus={i === 0 ? true : undefined} />
              <span>{t(k)}</span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">{isOther ? t('reveal.otherText') : t('reveal.extraText')}</span>
          <input name="reveal-text" value={text} maxLength={150} onChange={(e) => setText(e.target.value)} />
        </label>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={t('reveal.confirm')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
