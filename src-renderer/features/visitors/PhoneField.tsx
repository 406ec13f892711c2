import { useState } from 'react';
import { maskPhone } from '@shared/mask';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  onDone?: () => void;
  hint?: string;
}

/**
 * A phone number field that shows the number whole only while it is being typed: once the cursor leaves, it
 * shows masked (138****5678), like every phone on screen. Focusing it again shows the number to correct it.
 */
export function PhoneField({ name, label, value, onChange, onDone, hint }: Props) {
  const [editing, setEditing] = useState(false);
  const shown = editing || !value ? value : maskPhone(value);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        name={name}
        value={shown}
        maxLength={24}
        inputMode="tel"
        autoComplete="off"
        data-masked={!editing && value ? 'true' : undefined}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          onDone?.();
        }}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}
