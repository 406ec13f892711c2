import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ReceiptView } from '@shared/contract';
import { call } from '../../lib/api';
import { useT } from '../../app/i18n/I18n';
import { ReceiptDetail } from './ReceiptDetail';

const POLL_MS = 1500;
const POLL_FOR_MS = 90_000;

/**
 * After posting: 收款成功 with the receipt number, 应收/实收/找零 large (唱付), the print state (asked
 * again while the printer works on it), the preview, 补打/作废, and 下一位 (Enter on it, or Esc).
 */
export function CollectResult({
  receipt,
  onChange,
  onNext,
  linked,
  focusRef,
}: {
  receipt: ReceiptView;
  onChange: (r: ReceiptView) => void;
  onNext: () => void;
  /** what the receipt was linked to when another screen asked for the charge, with its way back */
  linked?: ReactNode;
  /** the button that gets the focus instead of 下一位 (the way back) */
  focusRef?: RefObject<HTMLButtonElement | null> | undefined;
}) {
  const t = useT();
  const nextRef = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState<ReceiptView | null>(null);
  const waiting = receipt.printState === 'pending' || receipt.printState === 'printing';
  const since = useRef(Date.now());

  useEffect(() => {
    (focusRef?.current ?? nextRef.current)?.focus();
  }, [focusRef]);

  useEffect(() => {
    if (!waiting || Date.now() - since.current > POLL_FOR_MS) return;
    const timer = window.setTimeout(() => {
      call('fees.receipts.get', { id: receipt.id })
        .then(onChange)
        .catch(() => undefined);
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [waiting, receipt, onChange]);

  const shown = opened ?? receipt;
  return (
    <div className="collect-result">
      <p className="ok-box posted-banner" role="status">
        {t('collect.posted')}
      </p>
      {linked}
      <ReceiptDetail
        key={shown.id}
        receipt={shown}
        fresh={!opened}
        onChange={(r) => (opened ? setOpened(r) : onChange(r))}
        onOpen={(id) =>
          id === receipt.id
            ? setOpened(null)
            : void call('fees.receipts.get', { id })
                .then(setOpened)
                .catch(() => undefined)
        }
        actions={
          <button ref={nextRef} type="button" className={focusRef ? 'btn big' : 'btn primary big'} onClick={onNext}>
            {t('collect.next')} <kbd>Esc</kbd>
          </button>
        }
      />
    </div>
  );
}
