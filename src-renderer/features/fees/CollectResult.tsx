import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ReceiptView } from '@shared/contract';
import { useCall, useFetch } from '../../lib/query';
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
  const read = useFetch();

  useEffect(() => {
    (focusRef?.current ?? nextRef.current)?.focus();
  }, [focusRef]);

  // the print state, asked again while the printer works on it (for a minute and a half at most)
  const [polling, setPolling] = useState(true);
  useEffect(() => {
    const timer = window.setTimeout(() => setPolling(false), Math.max(0, since.current + POLL_FOR_MS - Date.now()));
    return () => window.clearTimeout(timer);
  }, []);
  const live = useCall('fees.receipts.get', { id: receipt.id }, { enabled: waiting && polling, refetchInterval: POLL_MS });
  const fresh = live.data;
  useEffect(() => {
    if (fresh && fresh !== receipt) onChange(fresh);
    // only a new answer is news (the receipt shown may since have changed by an action of its own)
  }, [fresh]);

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
            : void read('fees.receipts.get', { id })
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
