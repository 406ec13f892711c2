import { cloneElement, useId, type ReactElement } from 'react';

interface FieldChildProps {
  id?: string;
  'aria-describedby'?: string;
}

/**
 * A label, its input and a hint under it. The hint is linked with aria-describedby (not inside the
 * label) so the field's accessible name stays just the label.
 */
export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactElement<FieldChildProps> }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {cloneElement(children, { id, 'aria-describedby': hint ? hintId : undefined })}
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
