import type { AppStatus, AuditProblemView } from '@shared/contract';
import { formatDateTime } from '../lib/format';
import type { MsgKey } from './i18n/dict';
import { useI18n, type T } from './i18n/I18n';
import '../styles/attention.css';

const TABLE_KEY: Record<string, MsgKey> = {
  receipts: 'ledger.table.receipts',
  receipt_lines: 'ledger.table.receipt_lines',
  payments: 'ledger.table.payments',
  cash_sessions: 'ledger.table.cash_sessions',
  cash_movements: 'ledger.table.cash_movements',
  key_loans: 'ledger.table.key_loans',
  key_counts: 'ledger.table.key_counts',
  cards: 'ledger.table.cards',
  card_events: 'ledger.table.card_events',
  card_stock_moves: 'ledger.table.card_stock_moves',
  parcels: 'ledger.table.parcels',
};

const REASON_KEY: Record<NonNullable<AuditProblemView['reason']>, MsgKey> = {
  'hash-mismatch': 'audit.reason.hashMismatch',
  'broken-link': 'audit.reason.brokenLink',
  gap: 'audit.reason.gap',
  truncated: 'audit.reason.truncated',
};

/** One finding in the reader's language: which table and row, which audit entry, what happened. */
export function problemText(p: AuditProblemView, t: T): string {
  const key = p.table ? TABLE_KEY[p.table] : undefined;
  const table = key ? t(key) : (p.table ?? '');
  const text = t(`audit.problem.${p.kind}`, { table, name: p.name ?? '', id: p.rowId ?? '', seq: p.seq ?? '' });
  return p.kind === 'chain' && p.reason ? `${text} ${t(REASON_KEY[p.reason])}` : text;
}

export function AuditProblemList({ problems, max }: { problems: AuditProblemView[]; max?: number }) {
  const { t } = useI18n();
  const shown = max === undefined ? problems : problems.slice(0, max);
  return (
    <ul className="audit-problems">
      {shown.map((p, i) => (
        <li key={`${p.kind}:${p.table ?? ''}:${p.rowId ?? p.name ?? p.seq ?? i}`} data-kind={p.kind}>
          {problemText(p, t)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The read-only "needs attention" state: what the protection check found, that only look-ups work, and what a
 * supervisor does about it. Shown above every screen (sign-in included) until a check passes again.
 */
export function AttentionBanner({ attention }: { attention: NonNullable<AppStatus['attention']> }) {
  const { t, lang } = useI18n();
  const more = attention.problems.length - 3;
  return (
    <section className="attention-banner" role="alert" aria-labelledby="attention-title" data-testid="attention-banner">
      <h2 id="attention-title">{t('attention.title')}</h2>
      <p className="attention-readonly">
        {t('attention.readOnly')} <span className="attention-since">{t('attention.since', { at: formatDateTime(attention.since, lang) })}</span>
      </p>
      <AuditProblemList problems={attention.problems} max={3} />
      {more > 0 ? <p>{t('attention.more', { n: more })}</p> : null}
      <p className="attention-what">{t('attention.what')}</p>
    </section>
  );
}
