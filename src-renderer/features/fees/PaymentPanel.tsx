import type { KeyboardEvent, MouseEvent, RefObject } from 'react';
import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';
import { Money } from '../../app/ui/Money';
import { FieldProblem } from '../../app/ui/Notes';
import { METHOD_LABEL } from './labels';
import { referenceMethod, type OtherMethod, type PayField, type PayMode, type PaymentCheck, type PaymentDraft } from './payment';
import type { Quote } from './useQuote';

const MODES: { id: PayMode; label: MsgKey }[] = [
  { id: 'cash', label: 'pay.cash' },
  { id: 'wechat', label: 'pay.wechat' },
  { id: 'alipay', label: 'pay.alipay' },
  { id: 'card', label: 'pay.card' },
  { id: 'split', label: 'pay.split' },
];
const OTHERS: OtherMethod[] = ['wechat', 'alipay', 'card'];

interface Props {
  quote: Quote | null;
  /** the quote on screen is for an older draft (a new one is being asked) */
  stale: boolean;
  draft: PaymentDraft;
  check: PaymentCheck;
  showAll: boolean;
  /** a wallet told from the scanned code's shape, to say why the method changed */
  detected: OtherMethod | null;
  onChange: (d: PaymentDraft) => void;
  /** a method chosen with the mouse: put the cursor in its field */
  onModePicked: (m: PayMode) => void;
  onExact: () => void;
  onReferenceEnter: () => void;
  receivedRef: RefObject<HTMLInputElement | null>;
  referenceRef: RefObject<HTMLInputElement | null>;
}

/** 应收 (and 大写), the method, 实收 and 找零 in large figures (唱收唱付), the reference for non-cash. */
export function PaymentPanel({
  quote,
  stale,
  draft,
  check,
  showAll,
  detected,
  onChange,
  onModePicked,
  onExact,
  onReferenceEnter,
  receivedRef,
  referenceRef,
}: Props) {
  const t = useT();
  const set = (patch: Partial<PaymentDraft>) => onChange({ ...draft, ...patch });
  const problem = (f: PayField) => {
    const p = check.problems[f];
    if (!p) return null;
    const text = f === 'received' ? draft.received : f === 'cashPart' ? draft.cashPart : draft.reference;
    return showAll || text.trim() !== '' ? p : null;
  };
  const refMethod = referenceMethod(draft);
  const hasCash = draft.mode === 'cash' || draft.mode === 'split';
  const receivedProblem = problem('received');
  const cashPartProblem = problem('cashPart');
  const referenceProblem = problem('reference');

  const onRefKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // a scanner ends the code with Enter: keep the code, move to 确认收款 (one more Enter or F9 posts)
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      onReferenceEnter();
    }
  };

  return (
    <div className="pay-panel">
      <div className={`due${stale ? ' stale' : ''}`} aria-live="polite">
        <span className="due-label">{t('pay.due')}</span>
        {quote ? <Money fen={quote.totalFen} className="due-amount" testId="total" /> : <span className="due-amount none">—</span>}
        {quote ? (
          <span className="upper" data-testid="total-upper">
            {t('pay.upper')}
            {quote.totalUpper}
          </span>
        ) : null}
      </div>

      <div className="pay-modes" role="radiogroup" aria-label={t('pay.method')}>
        {MODES.map((m) => (
          <label key={m.id} className="seg">
            <input
              type="radio"
              name="pay-mode"
              value={m.id}
              checked={draft.mode === m.id}
              onChange={() => set({ mode: m.id })}
              onClick={(e: MouseEvent<HTMLInputElement>) => e.detail > 0 && onModePicked(m.id)}
            />
            <span>{t(m.label)}</span>
          </label>
        ))}
      </div>

      {draft.mode === 'split' ? (
        <div className="grid-2 split-row">
          <label className="field">
            <span className="field-label">{t('pay.cashPart')}</span>
            <input
              name="cash-part"
              inputMode="decimal"
              autoComplete="off"
              className="amount-input"
              value={draft.cashPart}
              aria-invalid={cashPartProblem ? true : undefined}
              aria-describedby={cashPartProblem ? 'cash-part-err' : undefined}
              onChange={(e) => set({ cashPart: e.target.value })}
            />
            <FieldProblem problem={cashPartProblem} id="cash-part-err" />
          </label>
          <label className="field">
            <span className="field-label">{t('pay.otherMethod')}</span>
            <select name="other-method" value={draft.other} onChange={(e) => set({ other: e.target.value as OtherMethod })}>
              {OTHERS.map((m) => (
                <option key={m} value={m}>
                  {t(METHOD_LABEL[m])}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}

      {hasCash ? (
        <div className="cash-block">
          <label className="field received-field">
            <span className="field-label big-label">
              {t(draft.mode === 'split' ? 'pay.receivedSplit' : 'pay.received')} <kbd>F6</kbd>
            </span>
            <span className="received-row">
              <input
                ref={receivedRef}
                name="received"
                inputMode="decimal"
                autoComplete="off"
                className="received-input"
                value={draft.received}
                aria-invalid={receivedProblem ? true : undefined}
                aria-describedby={receivedProblem ? 'received-err' : undefined}
                onChange={(e) => set({ received: e.target.value })}
              />
              <button type="button" className="btn" onClick={onExact} title="F8">
                {t('pay.exact')} <kbd>F8</kbd>
              </button>
            </span>
            <FieldProblem problem={receivedProblem} id="received-err" />
          </label>
          <div className="change" aria-live="polite">
            <span className="change-label">{t('pay.change')}</span>
            {check.changeFen !== null ? (
              <Money fen={check.changeFen} className="change-amount" testId="change" />
            ) : (
              <span className="change-amount none">—</span>
            )}
          </div>
        </div>
      ) : null}

      {refMethod ? (
        <div className="ref-block">
          {draft.mode === 'split' && check.otherFen !== null ? (
            <p className="other-amount">
              {t('pay.otherAmount', { method: t(METHOD_LABEL[refMethod]) })} <Money fen={check.otherFen} />
            </p>
          ) : null}
          <label className="field">
            <span className="field-label">
              {t(refMethod === 'card' ? 'pay.voucher' : 'pay.scanCode')} {refMethod !== 'card' ? <kbd>F7</kbd> : null}
            </span>
            <input
              ref={referenceRef}
              name="reference"
              className="reference-input"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              placeholder={t(refMethod === 'card' ? 'pay.voucherPlaceholder' : 'pay.scanPlaceholder')}
              value={draft.reference}
              aria-invalid={referenceProblem ? true : undefined}
              aria-describedby={referenceProblem ? 'reference-err' : undefined}
              onChange={(e) => set({ reference: e.target.value })}
              onKeyDown={onRefKey}
            />
            <FieldProblem problem={referenceProblem} id="reference-err" />
          </label>
          {detected ? (
            <p className="hint" role="status">
              {t('pay.detected', { method: t(METHOD_LABEL[detected]) })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
