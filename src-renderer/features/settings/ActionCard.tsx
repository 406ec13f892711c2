import type { ReactNode } from 'react';
import { ErrorBox } from '../../app/errors';

interface Props {
  explain: string;
  label: string;
  /** The button's text while the work runs. */
  busyLabel: string;
  busy: boolean;
  error: unknown;
  onRun: () => void;
  /** The outcome, under the button and the error. */
  children: ReactNode;
}

/** A settings tab that is one explained button (verify, back up…) and what it found. */
export function ActionCard({ explain, label, busyLabel, busy, error, onRun, children }: Props) {
  return (
    <div className="card">
      <p>{explain}</p>
      <button type="button" className="btn primary big" onClick={onRun} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <ErrorBox error={error} />
      {children}
    </div>
  );
}
