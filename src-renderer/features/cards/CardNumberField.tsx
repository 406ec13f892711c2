import { forwardRef, type FormEvent } from 'react';
import { useT } from '../../app/i18n/I18n';

interface Props {
  value: string;
  onChange: (v: string) => void;
  onSubmit: (v: string) => void;
  label?: string;
  submitLabel?: string;
  name?: string;
}

/**
 * The card number field: the keyboard-wedge fallback. A keyboard-mode reader types the number and Enter into the
 * focused field; a person can type it too. Any reader format is accepted (main matches on the normalised key).
 */
export const CardNumberField = forwardRef<HTMLInputElement, Props>(function CardNumberField(
  { value, onChange, onSubmit, label, submitLabel, name = 'card-number' },
  ref,
) {
  const t = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <form className="card-number-form" onSubmit={submit}>
      <label className="field grow">
        <span className="field-label">{label ?? t('cards.number')}</span>
        <input
          ref={ref}
          name={name}
          className="search-input card-number-input"
          value={value}
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('cards.numberPlaceholder')}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${name}-hint`}
        />
        <span className="field-hint" id={`${name}-hint`}>
          {t('cards.numberHint')}
        </span>
      </label>
      <button type="submit" className="btn big">
        {submitLabel ?? t('cards.lookup')} <kbd>Enter</kbd>
      </button>
    </form>
  );
});
