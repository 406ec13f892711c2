import { useState } from 'react';
import type { DecorationCaseView, DecorationStatus } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import type { MsgKey } from '../../app/i18n/dict';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { formatDate, formatDateTime } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { roleAtLeast } from '../../lib/roles';
import { collectRequest } from '../fees/collectRequest';
import { AcceptDialog, DepositDialog, ExtendDialog, PatrolDialog, RefundDialog, ReviewDialog, VoidDialog, type Step } from './DecorationDialogs';
import { KeyLoanDialog, WorkerPassDialog } from './CaseLinkDialogs';
import { DECO_DOC, DECO_STATUS, EVENT, SCOPE } from './labels';

interface ActionDef {
  step: Step | 'start' | 'finish' | 'collect';
  label: MsgKey;
  primary?: boolean;
  supervisor?: boolean;
}
/** What each state offers, the main action first. */
const ACTIONS: Partial<Record<DecorationStatus, readonly ActionDef[]>> = {
  applied: [
    { step: 'review', label: 'cs.act.review', primary: true, supervisor: true },
    { step: 'collect', label: 'cs.act.collect' },
    { step: 'deposit', label: 'cs.act.deposit' },
    { step: 'void', label: 'cs.act.void' },
  ],
  approved: [
    { step: 'start', label: 'cs.act.start', primary: true },
    { step: 'collect', label: 'cs.act.collect' },
    { step: 'deposit', label: 'cs.act.deposit' },
    { step: 'pass', label: 'cs.act.pass' },
    { step: 'loan', label: 'cs.act.loan' },
    { step: 'extend', label: 'cs.act.extend' },
    { step: 'void', label: 'cs.act.void' },
  ],
  in_progress: [
    { step: 'patrol', label: 'cs.act.patrol', primary: true },
    { step: 'pass', label: 'cs.act.pass' },
    { step: 'loan', label: 'cs.act.loan' },
    { step: 'extend', label: 'cs.act.extend' },
    { step: 'finish', label: 'cs.act.finish' },
  ],
  awaiting_acceptance: [
    { step: 'accept', label: 'cs.act.accept', primary: true, supervisor: true },
    { step: 'patrol', label: 'cs.act.patrol' },
    { step: 'pass', label: 'cs.act.pass' },
  ],
  accepted: [{ step: 'refund', label: 'cs.act.refund', primary: true }],
};

/** One decoration case: its figures, what its state allows, its history and what it set in motion elsewhere. */
export function DecorationCase({ caseId, onBack, onNote }: { caseId: number; onBack: () => void; onNote: (n: string) => void }) {
  const { t, lang } = useI18n();
  const { operator, go } = useShell();
  const send = useSend();
  const quick = useAction();
  const caseQ = useCall('rooms.decoration.get', { caseId });
  const c = caseQ.data ?? null;
  const itemsQ = useCall('fees.items.list', {});
  const [open, setOpen] = useState<Step | null>(null);
  const supervisor = roleAtLeast(operator.role, 'supervisor');

  if (!c)
    return caseQ.isPending ? (
      <p>{t('common.loading')}</p>
    ) : (
      <div className="card">
        <ErrorBox error={caseQ.error} />
        <button type="button" className="btn" onClick={onBack}>
          {t('cs.deco.back')}
        </button>
      </div>
    );
  const done = (_: DecorationCaseView | null, note: string) => {
    setOpen(null);
    onNote(note);
  };
  const depositItem = (itemsQ.data ?? []).find((i) => i.category === 'deposit' && i.refundable && i.active && i.name.includes('装修'));
  const run = (a: ActionDef) => {
    if (a.step === 'start' || a.step === 'finish')
      return void quick.start({
        run: async () => done(await send(a.step === 'start' ? 'rooms.decoration.start' : 'rooms.decoration.finish', { caseId: c.id }), t(a.label)),
      });
    if (a.step === 'collect') {
      collectRequest.set({
        operatorId: operator.id,
        roomId: c.roomId,
        roomCode: c.roomCode,
        itemId: depositItem?.id ?? null,
        itemName: depositItem?.name ?? '装修押金',
        amountFen: c.depositFen,
        purpose: { key: 'cs.deco.collectFor', params: { room: c.roomCode, amount: moneyText(c.depositFen) } },
        returnTo: 'cases',
        returnLabel: 'cs.fees.back',
        matches: (r) => r.kind === 'receipt' && r.roomCode === c.roomCode && r.totalFen >= c.depositFen,
        onPosted: async (r) => {
          await send('rooms.decoration.deposit', { caseId: c.id, receiptNo: r.receiptNo });
          return { key: 'cs.deposit.done', params: { no: r.receiptNo } };
        },
      });
      return go('fees');
    }
    setOpen(a.step);
  };
  const actions = (ACTIONS[c.status] ?? []).filter((a) => !(a.step === 'collect' || a.step === 'deposit') || (c.depositFen > 0 && !c.depositReceiptNo));
  const props = { c, onDone: done, onCancel: () => setOpen(null) };

  return (
    <div className="cs-deco-case card" data-testid="deco-case">
      <div className="cs-case-head">
        <button type="button" className="btn small" onClick={onBack}>
          {t('cs.deco.back')}
        </button>
        <h2 className="cs-case-title">
          <span className="room-code big">{c.roomCode}</span> <span className={`tag cs-ds-${c.status}`}>{t(DECO_STATUS[c.status])}</span>
          {c.overdue ? <span className="tag tag-bad">{t('cs.flag.overdue')}</span> : null}
          {c.refundOverdue ? <span className="tag tag-bad">{t('cs.flag.refund')}</span> : null}
        </h2>
      </div>
      <div className="cs-case-grid">
        <dl className="cs-facts">
          <dt>{t('cs.apply.contractor')}</dt>
          <dd data-data>{c.contractor}</dd>
          <dt>{t('cs.apply.person')}</dt>
          <dd>
            <span data-data>{c.personInCharge}</span> {c.phoneMasked}
          </dd>
          <dt>{t('cs.deco.period')}</dt>
          <dd>
            {formatDate(c.startDate, lang)} – {formatDate(c.plannedEnd, lang)}
          </dd>
          <dt>{t('cs.apply.scope')}</dt>
          <dd>{c.scope.map((s) => t(SCOPE[s])).join(t('cs.listSep'))}</dd>
          <dt>{t('cs.apply.docs')}</dt>
          <dd>{c.docsSeen.length ? c.docsSeen.map((d) => t(DECO_DOC[d])).join(t('cs.listSep')) : t('cs.none')}</dd>
          {c.reviewRemark ? (
            <>
              <dt>{t('cs.review.remark')}</dt>
              <dd data-data>{c.reviewRemark}</dd>
            </>
          ) : null}
        </dl>
        <dl className="cs-figures" data-testid="deco-figures">
          <dt>{t('cs.deposit')}</dt>
          <dd>
            {moneyText(c.depositFen)} {c.depositReceiptNo ? <span className="cs-receipt">{c.depositReceiptNo}</span> : null}
          </dd>
          <dt>{t('cs.deducted')}</dt>
          <dd>{moneyText(c.deductedFen)}</dd>
          <dt>{t('cs.refundable')}</dt>
          <dd>
            <strong>{moneyText(c.refundableFen)}</strong>
          </dd>
        </dl>
      </div>
      {actions.length ? (
        <div className="cs-case-actions">
          {actions.map((a) => (
            <button
              key={a.step}
              type="button"
              className={`btn${a.primary ? ' primary' : ''}`}
              disabled={quick.busy || (a.supervisor === true && !supervisor)}
              onClick={() => run(a)}
            >
              {t(a.label)}
            </button>
          ))}
          {actions.some((a) => a.supervisor) && !supervisor ? <span className="hint">{t('cs.deco.needSupervisor')}</span> : null}
        </div>
      ) : null}
      <ErrorBox error={quick.error} />
      {c.links.length ? (
        <ul className="cs-links" data-testid="deco-links">
          {c.links.map((l) => (
            <li key={`${l.kind}-${l.refId}`}>
              <span className="tag">{t(`cs.link.${l.kind}`)}</span> <span className="cs-receipt">{l.label}</span> <span data-data>{l.who}</span>{' '}
              {l.until ? t('cs.link.until', { at: formatDateTime(l.until, lang) }) : ''}
              {l.amountFen !== null ? moneyText(l.amountFen) : ''}{' '}
              {l.kind !== 'refund' ? <span className="tag">{t(l.open ? 'cs.link.open' : 'cs.link.closed')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ol className="cs-events" aria-label={t('cs.deco.history')}>
        {c.events.map((e, i) => (
          <li key={i}>
            <span className="cs-event-at">{formatDateTime(e.at, lang)}</span> <strong>{t(EVENT[e.kind] ?? 'cs.ev.patrol')}</strong>{' '}
            {e.amountFen !== null && e.kind !== 'apply' ? moneyText(e.amountFen) : ''} {e.newEnd && e.kind === 'extend' ? formatDate(e.newEnd, lang) : ''}{' '}
            {e.note ? <span data-data>{e.note}</span> : null}
          </li>
        ))}
      </ol>
      {open === 'review' ? <ReviewDialog {...props} /> : null}
      {open === 'deposit' ? <DepositDialog {...props} /> : null}
      {open === 'extend' ? <ExtendDialog {...props} /> : null}
      {open === 'patrol' ? <PatrolDialog {...props} /> : null}
      {open === 'accept' ? <AcceptDialog {...props} /> : null}
      {open === 'void' ? <VoidDialog {...props} /> : null}
      {open === 'refund' ? <RefundDialog {...props} /> : null}
      {open === 'pass' ? <WorkerPassDialog {...props} /> : null}
      {open === 'loan' ? <KeyLoanDialog {...props} /> : null}
    </div>
  );
}
