import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/I18n';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Role for screen readers: 'alertdialog' for confirmations. */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog on the native <dialog> (focus stays inside, the page behind is inert).
 * Mount it to open it, unmount to close. Esc calls onClose. The element marked data-autofocus
 * (or else the first field) gets the focus.
 */
export function Dialog({ title, onClose, children, className, role = 'dialog' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const unmounting = useRef(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    unmounting.current = false;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    const first = d.querySelector<HTMLElement>('[data-autofocus]') ?? d.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea');
    first?.focus();
    return () => {
      unmounting.current = true;
      if (d.open) d.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      role={role}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        closeRef.current();
      }}
      onClose={() => {
        if (!unmounting.current) closeRef.current();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** The buttons under a dialog's form: cancel (Esc does the same) and the form's submit, disabled while busy. */
export function DialogFormActions({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')} <kbd>Esc</kbd>
      </button>
      <button type="submit" className="btn primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}
