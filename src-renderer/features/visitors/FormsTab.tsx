import type { FormRegisterView } from '@shared/contract';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { workerDays } from './PassResult';
import { FormsCount, FormsReceive, FormsWriteOff } from './FormsActions';

/**
 * 出入证表单: the register of pre-printed temporary pass forms signed for at finance. The balance first
 * (received = issued + in stock + void + lost, issued = out + returned), the next form to hand out, the ranges
 * received (who signed, who handed them over), the shift's count, spoiled or missing blanks written off, and the
 * passes past their validity not returned, to follow up.
 */
export function FormsTab({ canReceive }: { canReceive: boolean }) {
  const { t, lang } = useI18n();
  const q = useCall('visitors.forms.register', {});
  const r = q.data;
  return (
    <div className="vis-forms">
      <ErrorBox error={q.error} />
      {r ? <Balance r={r} /> : null}
      {r && r.mode !== 'forms' ? <p className="hint">{t('vis.f.printedMode')}</p> : null}

      <div className="vis-two">
        <section aria-labelledby="vis-forms-batches">
          <h2 id="vis-forms-batches" className="section-title">
            {t('vis.f.batches')}
          </h2>
          {r && r.batches.length === 0 ? <p className="hint">{t('vis.f.noBatches')}</p> : null}
          {r && r.batches.length > 0 ? (
            <div className="table-wrap">
              <table className="table vis-table" data-testid="forms-batches">
                <thead>
                  <tr>
                    <th scope="col">{t('vis.f.range')}</th>
                    <th scope="col" className="num">
                      {t('vis.f.count')}
                    </th>
                    <th scope="col">{t('vis.f.receivedOn')}</th>
                    <th scope="col">{t('vis.f.signedBy')}</th>
                    <th scope="col" className="num">
                      {t('vis.f.inStock')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.batches.map((b) => (
                    <tr key={b.id}>
                      <td className="vis-mono">
                        {b.firstNo} – {b.lastNo}
                      </td>
                      <td className="num">{b.count}</td>
                      <td className="vis-nowrap">
                        {b.receivedOn}
                        <div className="muted">{t('vis.f.recordedBy', { name: b.receivedByName })}</div>
                      </td>
                      <td>
                        {b.signedBy}
                        <div className="muted">{t('vis.f.handedOverBy', { name: b.handedOverBy })}</div>
                        {b.note ? <div className="muted">{b.note}</div> : null}
                      </td>
                      <td className="num">{b.inStock}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {canReceive ? <FormsReceive /> : <p className="hint">{t('vis.f.supervisorReceives')}</p>}
        </section>

        <section aria-labelledby="vis-forms-count">
          <h2 id="vis-forms-count" className="section-title">
            {t('vis.f.countTitle')}
          </h2>
          {r?.lastCount ? (
            <p className="muted" data-testid="forms-last-count">
              {t('vis.f.lastCount', {
                at: formatDateTime(r.lastCount.at, lang),
                name: r.lastCount.operatorName,
                counted: r.lastCount.counted,
                expected: r.lastCount.expectedInStock,
              })}
              {r.lastCount.explanation ? ` ${r.lastCount.explanation}` : ''}
            </p>
          ) : (
            <p className="hint">{t('vis.f.noCount')}</p>
          )}
          {r ? <FormsCount inStock={r.inStock} /> : null}
          <FormsWriteOff next={r?.nextInStock ?? ''} />
        </section>
      </div>

      {r && r.expiredOut.length > 0 ? (
        <section aria-labelledby="vis-forms-expired">
          <h2 id="vis-forms-expired" className="section-title">
            {t('vis.f.expiredOut', { n: r.expiredOut.length })}
          </h2>
          <p className="hint">{t('vis.w.expiredHint')}</p>
          <ul className="vis-expired-list" data-testid="forms-expired">
            {r.expiredOut.map((p) => (
              <li key={p.id}>
                <span className="vis-mono">{p.passNo}</span> {p.company} {p.holder ? `${p.holder.nameMasked} ${p.holder.phoneMasked}` : ''} ·{' '}
                {p.roomCode ?? t('vis.commonArea')} · {t('vis.w.expiredSince', { at: workerDays(p) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** received = issued + in stock + void + lost, each figure shown, and whether it balances. */
function Balance({ r }: { r: FormRegisterView }) {
  const { t } = useI18n();
  const cells: [string, number, string][] = [
    [t('vis.f.received'), r.received, 'received'],
    [t('vis.f.issued'), r.issued, 'issued'],
    [t('vis.f.inStock'), r.inStock, 'inStock'],
    [t('vis.f.void'), r.void, 'void'],
    [t('vis.f.lost'), r.lost, 'lost'],
  ];
  return (
    <section
      className={`vis-balance ${r.balanced ? 'vis-balance-ok' : 'vis-balance-bad'}`}
      aria-labelledby="vis-forms-balance"
      data-testid="forms-balance"
      data-balanced={r.balanced}
    >
      <h2 id="vis-forms-balance" className="section-title">
        {t('vis.f.balance')}
        <span className={`tag ${r.balanced ? 'tag-ok' : 'tag-bad'}`}>{t(r.balanced ? 'vis.f.balanced' : 'vis.f.unbalanced')}</span>
      </h2>
      <p
        className="vis-balance-eq"
        aria-label={t('vis.f.equation', { received: r.received, issued: r.issued, inStock: r.inStock, void: r.void, lost: r.lost })}
      >
        {cells.map(([label, n, key], i) => (
          <span key={key} className="vis-balance-term">
            {i === 1 ? <span className="vis-balance-op">=</span> : i > 1 ? <span className="vis-balance-op">+</span> : null}
            <span className="vis-balance-cell" data-testid={`forms-${key}`}>
              <span className="vis-balance-n">{n}</span>
              <span className="field-label">{label}</span>
            </span>
          </span>
        ))}
      </p>
      <p className="muted">
        {t('vis.f.issuedSplit', { out: r.out, returned: r.returned })}
        {r.nextInStock ? ` · ${t('vis.w.nextForm', { no: r.nextInStock })}` : ` · ${t('vis.w.noForms')}`}
      </p>
    </section>
  );
}
