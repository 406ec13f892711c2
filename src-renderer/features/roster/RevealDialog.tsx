import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { translate, useT } from '../../app/i18n/I18n';
import { Dialog } from '../../app/ui/Dialog';

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
  const [local, setLocal] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isOther = pick === 'reveal.reason.other';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLocal(null);
    setError(null);
    const extra = text.trim();
    if (isOther && extra.length < 2) return setLocal(t('reveal.needText'));
    const base = translate('zh-CN', pick);
    const reason = isOther ? extra : extra ? `${base}：${extra}` : base;
    setBusy(true);
    try {
      await onReveal(reason.slice(0, 200));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
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
        {local ? (
          <p className="error-box" role="alert">
            {local}
          </p>
        ) : null}
        <ErrorBox error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="btn primary" disabled={busy}>
            {t('reveal.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
