import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ReceiptView } from '@shared/contract';
import { useCall, useFetch } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import { todayLocal } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useKeys } from '../../app/useKeys';
import { Money } from '../../app/ui/Money';
import { KIND_LABEL, METHOD_LABEL, PRINT_LABEL, PRINT_TAG } from './labels';
import { ReceiptDetail } from './ReceiptDetail';
import { DateInput } from '../../app/ui/DateInput';

/** 收据: a day's receipts (newest first), search by number or room, open one for its detail and actions. */
export function ReceiptsTab({ active }: { active: boolean }) {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(todayLocal);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<ReceiptView | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const returnTo = useRef<number | null>(null);
  const read = useFetch();
  // the day's receipts (or those matching the search), read again on coming back to the list
  const list = useCall(
    'fees.receipts.list',
    { ...(date ? { date } : {}), ...(q.trim() ? { q: q.trim().slice(0, 40) } : {}), limit: 200 },
    { enabled: active && !open, keepPrevious: true },
  );
  const rows = list.data ?? null;
  const error = openError ?? list.error;

  const openId = async (id: number) => {
    try {
      setOpen(await read('fees.receipts.get', { id }));
      setOpenError(null);
    } catch (e) {
      setOpenError(e);
    }
  };

  const back = () => {
    const id = open?.id ?? null;
    setOpen(null);
    returnTo.current = id;
  };

  // back in the list: the cursor returns to the row that was open
  useEffect(() => {
    if (open || returnTo.current === null || !rows) return;
    document.querySelector<HTMLElement>(`[data-receipt-row="${returnTo.current}"]`)?.focus();
    returnTo.current = null;
  }, [open, rows]);

  useKeys(active && !!open, { Escape: back });

  // ↑/↓ from a receipt's button to the next or previous one (Enter and Space open it, as any button)
  const onRowKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const row = e.currentTarget.closest('tr');
    const sib = e.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
    sib?.querySelector<HTMLElement>('button.row-open')?.focus();
  };

  if (open) {
    return (
      <ReceiptDetail
        key={open.id}
        receipt={open}
        onChange={setOpen}
        onOpen={(id) => void openId(id)}
        actions={
          <button type="button" className="btn" onClick={back} data-autofocus>
            {t('receipts.back')} <kbd>Esc</kbd>
          </button>
        }
      />
    );
  }

  return (
    <div className="receipts">
      <form
        className="filter-bar"
        onSubmit={(e) => {
          e.preventDefault();
          void list.refetch();
        }}
      >
        <label className="field">
          <span className="field-label">{t('receipts.date')}</span>
          <DateInput name="receipts-date" value={date} onChange={(v) => v && setDate(v)} />
        </label>
        <label className="field grow">
          <span className="field-label">{t('receipts.search')}</span>
          <input
            type="search"
            name="receipts-q"
            autoComplete="off"
            maxLength={40}
            placeholder={t('receipts.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <div className="field field-button">
          <button type="button" className="btn" onClick={() => setDate(todayLocal())}>
            {t('receipts.today')}
          </button>
        </div>
      </form>
      <ErrorBox error={error} />
      {rows && rows.length === 0 ? <p className="info-box">{t('receipts.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table receipts-table">
            <thead>
              <tr>
                <th>{t('receipts.no')}</th>
                <th>{t('receipts.time')}</th>
                <th>{t('receipt.room')}</th>
                <th>{t('receipts.methods')}</th>
                <th className="num">{t('collect.amount')}</th>
                <th>{t('receipts.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                // the whole row opens the receipt for the mouse; for the keyboard and screen readers its number is
                // the button that does it
                <tr key={r.id} className={`clickable${r.voided ? ' voided' : ''}`} onClick={() => void openId(r.id)}>
                  <td className="receipt-no-cell">
                    <button
                      type="button"
                      className="row-open"
                      data-receipt-row={r.id}
                      onClick={(e) => {
                        e.stopPropagation();
                        void openId(r.id);
                      }}
                      onKeyDown={onRowKey}
                    >
                      {r.receiptNo}
                    </button>
                  </td>
                  <td>{formatDateTime(r.issuedAt, lang)}</td>
                  <td>{r.roomCode ? <span className="room-code">{r.roomCode}</span> : <span className="hint">{t('collect.walkIn')}</span>}</td>
                  <td>{r.methods.map((m) => t(METHOD_LABEL[m])).join(' + ')}</td>
                  <td className="num">
                    <Money fen={r.totalFen} />
                  </td>
                  <td>
                    <span className="tags">
                      {r.kind !== 'receipt' ? <span className="tag tag-warn">{t(KIND_LABEL[r.kind])}</span> : null}
                      {r.voided ? <span className="tag tag-bad">{t('receipt.voided')}</span> : null}
                      <span className={`tag ${PRINT_TAG[r.printState]}`}>{t(PRINT_LABEL[r.printState])}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows && rows.length >= 200 ? <p className="hint">{t('receipts.more')}</p> : null}
    </div>
  );
}
