import { useState } from 'react';

export interface ActionSteps {
  /** Checks made here before anything is sent: the message to show instead, or null to go on. */
  check?: () => string | null;
  /** The work, usually one call to main; what it throws becomes `error`. */
  run: () => Promise<unknown>;
  /** Extra clean-up after a failure (e.g. clear the password field). */
  onError?: (err: unknown) => void;
  /**
   * For dialogs that close themselves when run succeeds: stay busy (submit disabled) until they are
   * unmounted instead of enabling the button again for a moment.
   */
  keepBusyOnSuccess?: boolean;
}

/**
 * The state around one button's async work: busy while it runs, the error it threw, and the message of
 * a failed local check. `start` clears both messages first; the caller shows them (ErrorNote, ErrorBox).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [checkError, setCheckError] = useState<string | null>(null);

  const start = async ({ check, run, onError, keepBusyOnSuccess }: ActionSteps): Promise<void> => {
    setError(null);
    setCheckError(null);
    const problem = check ? check() : null;
    if (problem) return setCheckError(problem);
    setBusy(true);
    try {
      await run();
      if (!keepBusyOnSuccess) setBusy(false);
    } catch (err) {
      setError(err);
      onError?.(err);
      setBusy(false);
    }
  };

  return { busy, error, setError, checkError, start };
}
