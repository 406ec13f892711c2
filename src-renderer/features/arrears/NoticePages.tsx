import type { NoticeView } from '@shared/contract';
import { useI18n } from '../../app/i18n/I18n';
import { formatDateTime, formatMonth } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { useCall } from '../../lib/query';

/** Notices as issued, one A4 page each (what 打印 A4 prints; the screen shows them as sheets). The notice is data. */
export function NoticePages({ ids }: { ids: number[] }) {
  const { t } = useI18n();
  const q = useCall('receivables.notices.get', { ids }, { enabled: ids.length > 0 });
  const list = q.data ?? [];
  return (
    <div className="notice-pages" data-testid="notice-pages">
      {list.map((n) => (
        <NoticePage key={n.id} n={n} />
      ))}
      {list.length === 0 && q.isFetching ? <p className="hint">{t('common.loading')}</p> : null}
    </div>
  );
}

function NoticePage({ n }: { n: NoticeView }) {
  const { t, lang } = useI18n();
  return (
    <article
      className="notice-page"
      data-notice={n.noticeNo}
      aria-label={`${t(n.kind === 'payment' ? 'arr.kind.payment' : 'arr.kind.reminder')} ${n.noticeNo}`}
    >
      <header className="notice-head">
        <p className="notice-property" data-data="">
          {n.propertyName}
        </p>
        <h2>{t(n.kind === 'payment' ? 'arr.kind.payment' : 'arr.kind.reminder')}</h2>
        <p className="notice-no">
          {t('arr.n.no')} <strong>{n.noticeNo}</strong>
        </p>
      </header>
      <dl className="notice-facts">
        <dt>{t('arr.room')}</dt>
        <dd>
          <span data-data="">{n.buildingName}</span> {n.roomCode}
        </dd>
        <dt>{t('arr.owner')}</dt>
        <dd data-data="">{n.ownerMasked ?? '—'}</dd>
        <dt>{t('arr.n.asOf')}</dt>
        <dd>{formatMonth(n.thisMonth, lang)}</dd>
      </dl>
      <table className="table notice-lines">
        <thead>
          <tr>
            <th>{t('arr.n.period')}</th>
            <th className="num">{t('arr.n.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {n.lines.map((l) => (
            <tr key={`${l.itemId}-${l.kind}`}>
              <td>
                <span data-data="">{l.name}</span>{' '}
                {l.kind === 'opening'
                  ? t('arr.n.opening')
                  : t('arr.n.monthsN', { from: formatMonth(l.fromMonth, lang), to: formatMonth(l.toMonth, lang), n: l.months })}
              </td>
              <td className="num">{moneyText(l.amountFen)}</td>
            </tr>
          ))}
          <tr className="notice-total">
            <th scope="row">{t('arr.n.total')}</th>
            <td className="num">{moneyText(n.owedFen)}</td>
          </tr>
          {n.lateFeeFen > 0 ? (
            <tr>
              <th scope="row">{t('arr.n.lateFee')}</th>
              <td className="num">{moneyText(n.lateFeeFen)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p>
        <strong>{t('arr.n.howToPay')}</strong> <span data-data="">{n.howToPay}</span>
      </p>
      <p>
        <strong>{t('arr.n.contact')}</strong> <span data-data="">{n.contact}</span>
      </p>
      <p className="notice-closing">{t('arr.n.closing')}</p>
      <p className="hint">
        {t('arr.n.issued', { at: formatDateTime(n.at, lang) })} <span data-data="">{n.operatorName}</span>
      </p>
    </article>
  );
}
