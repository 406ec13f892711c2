import type { ReactNode } from 'react';
import type { ReceiptView } from '@shared/contract';
import { formatDateTime } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import { localizeFeeLine } from '@shared/fee-line';
import { useI18n } from '../../app/i18n/I18n';
import { Money } from '../../app/ui/Money';
import { PaperPreview } from '../../app/ui/PaperPreview';
import { OkNote } from '../../app/ui/Notes';
import { KIND_LABEL, METHOD_LABEL } from './labels';
import { PrintState } from './PrintState';
import { RefundDialog } from './RefundDialog';
import { receiptCan, useReceiptActions } from './useReceiptActions';

interface Props {
  receipt: ReceiptView;
  /** the receipt changed (voided, refunded, reprinted): the new view */
  onChange: (r: ReceiptView) => void;
  /** open a linked document (the void of this receipt, or the receipt a void reverses) */
  onOpen: (id: number) => void;
  /** buttons of the screen showing it (下一位, 返回), first in the row */
  actions?: ReactNode;
  /** just posted: 应收/实收/找零 in large figures at the top (唱付) */
  fresh?: boolean;
}

/** One receipt: number and state, lines, payments, total in figures and 大写, print state, preview; 补打/作废/退押金. */
export function ReceiptDetail({ receipt: r, onChange, onOpen, actions, fresh }: Props) {
  const { t, lang } = useI18n();
  const acts = useReceiptActions(r, onChange);
  const can = receiptCan(r);
  const cash = r.payments.find((p) => p.method === 'cash');

  return (
    <div className="receipt-detail">
      <article className="receipt-main" aria-labelledby={`receipt-${r.id}`}>
        <header className="receipt-head">
          <span className="receipt-label">{t(KIND_LABEL[r.kind])}</span>
          <h2 id={`receipt-${r.id}`} className="receipt-no" data-testid="receipt-no">
            {r.receiptNo}
          </h2>
          {r.voidedBy ? <span className="tag tag-bad tag-big">{t('receipt.voided')}</span> : null}
          {r.refundedFen !== 0 ? <span className="tag tag-warn">{t('receipt.refunded')}</span> : null}
        </header>

        {fresh ? (
          <div className="sing-out" data-testid="sing-out">
            <div>
              <span className="so-label">{t('pay.due')}</span>
              <Money fen={r.totalFen} className="so-amount" />
            </div>
            {cash && cash.receivedFen !== null ? (
              <>
                <div>
                  <span className="so-label">{t('pay.receivedLabel')}</span>
                  <Money fen={cash.receivedFen} className="so-amount" />
                </div>
                <div className="so-change">
                  <span className="so-label">{t('pay.change')}</span>
                  <Money fen={cash.changeFen ?? 0} className="so-amount" testId="posted-change" />
                </div>
              </>
            ) : null}
          </div>
        ) : null}

        <dl className="facts receipt-facts">
          <dt>{t('receipt.issuedAt')}</dt>
          <dd>{formatDateTime(r.issuedAt, lang)}</dd>
          <dt>{t('receipt.operator')}</dt>
          <dd>{r.operatorName}</dd>
          <dt>{t('receipt.room')}</dt>
          <dd>{r.roomCode ? <span className="room-code">{r.roomCode}</span> : t('collect.walkIn')}</dd>
          {r.payerMasked ? (
            <>
              <dt>{t('receipt.payer')}</dt>
              <dd>{r.payerMasked}</dd>
            </>
          ) : null}
          {r.original ? (
            <>
              <dt>{t(r.kind === 'void' ? 'receipt.voids' : 'receipt.refundOf')}</dt>
              <dd>
                <button type="button" className="btn small link-btn" onClick={() => r.original && onOpen(r.original.id)}>
                  {r.original.receiptNo}
                </button>
              </dd>
            </>
          ) : null}
          {r.voidedBy ? (
            <>
              <dt>{t('receipt.voidDoc')}</dt>
              <dd>
                <button type="button" className="btn small link-btn" onClick={() => r.voidedBy && onOpen(r.voidedBy.id)}>
                  {r.voidedBy.receiptNo}
                </button>
              </dd>
            </>
          ) : null}
          {r.reason ? (
            <>
              <dt>{t('receipt.reason')}</dt>
              <dd>
                {r.reason}
                {r.approverName ? <span className="hint"> · {t('receipt.approvedBy', { name: r.approverName })}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>

        <table className="table receipt-lines">
          <thead>
            <tr>
              <th>{t('collect.item')}</th>
              <th>{t('receipt.detail')}</th>
              <th className="num">{t('collect.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.lineNo}>
                <td>
                  <span data-data="">{l.name}</span>
                  {l.reversed ? <span className="tag tag-muted"> {t('receipt.lineReversed')}</span> : null}
                </td>
                <td className="line-detail">{lineWords(l.detail, l.quantity, lang)}</td>
                <td className="num">
                  <Money fen={l.amountFen} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row">{t('receipt.total')}</th>
              <td className="upper">{r.totalUpper}</td>
              <td className="num">
                <Money fen={r.totalFen} className="total-money" testId="receipt-total" />
              </td>
            </tr>
          </tfoot>
        </table>

        <ul className="payments">
          {r.payments.map((p, i) => (
            <li key={i}>
              <strong>{t(METHOD_LABEL[p.method])}</strong> <Money fen={p.amountFen} />
              {p.receivedFen !== null ? (
                <span className="hint">
                  {' '}
                  · {t('pay.receivedLabel')} <Money fen={p.receivedFen} /> · {t('pay.change')} <Money fen={p.changeFen ?? 0} />
                </span>
              ) : null}
              {p.referenceMasked ? <span className="hint"> · {t('receipt.reference', { ref: p.referenceMasked })}</span> : null}
            </li>
          ))}
        </ul>

        <PrintState state={r.printState} error={r.printError} copies={r.copies} />
        <OkNote text={acts.notice} />
        <ErrorBox error={acts.action.error} />
        <div className="row-actions receipt-actions">
          {actions}
          <button type="button" className="btn" onClick={() => void acts.reprint()} disabled={acts.action.busy}>
            {t('receipt.reprint')}
          </button>
          {can.void ? (
            <button type="button" className="btn danger" onClick={() => void acts.voidIt()} disabled={acts.action.busy}>
              {t('receipt.void')}
            </button>
          ) : null}
          {can.refund ? (
            <button type="button" className="btn" onClick={() => acts.setRefunding(true)} disabled={acts.action.busy}>
              {t('receipt.refundDeposit')}
            </button>
          ) : null}
        </div>
      </article>
      <PaperPreview
        channel="fees.receipts.preview"
        id={r.id}
        caption={t('receipt.preview')}
        alt={t('receipt.previewAlt', { no: r.receiptNo })}
        testId="receipt-preview"
      />
      {acts.refunding ? <RefundDialog receipt={r} onCancel={() => acts.setRefunding(false)} onNext={(m, ref) => void acts.refund(m, ref)} /> : null}
      {acts.dialog}
    </div>
  );
}

/** A posted line's quantity and detail, in the language on screen (the stored Chinese read back in English mode). */
function lineWords(detail: string, quantity: string, lang: 'zh-CN' | 'en'): string {
  const w = localizeFeeLine(detail, quantity, lang);
  return [w.quantity, w.detail].filter(Boolean).join(' · ');
}
