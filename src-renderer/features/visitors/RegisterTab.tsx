import { useState } from 'react';
import type { VisitView } from '@shared/contract';
import { formatDateTime } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { useI18n } from '../../app/i18n/I18n';
import type { MsgKey } from '../../app/i18n/dict';
import { CHECKOUT_METHOD, DOC_TYPE, PURPOSE, VISIT_STATUS, ONLY_LAST4 } from './labels';
import { ListSection } from './ListSection';
import { ReasonDialog } from './ReasonDialog';
import { DateInput } from '../../app/ui/DateInput';

type Field = 'phone' | 'document' | 'plate';
const FIELD_LABEL: Record<Field, MsgKey> = { phone: 'vis.phone', document: 'vis.docNumber', plate: 'vis.plate' };
type Status = '' | VisitView['status'];

/**
 * 登记查询: the visitor register by pass number, name, phone last four or room, a day and a status, masked. The
 * whole phone, document number or plate of one visit is shown only with a reason (audited by the core); what was
 * revealed stays on this screen until it is left.
 */
export function RegisterTab() {
  const { t, lang } = useI18n();
  const send = useSend();
  const [q, setQ] = useState('');
  const [date, setDate] = useState('');
  const [status, setStatus] = useState<Status>('');
  const input = { ...(q.trim() ? { q: q.trim() } : {}), ...(date ? { date } : {}), ...(status ? { status } : {}), limit: 100 };
  const list = useCall('visitors.search', input, { keepPrevious: true });
  const [asking, setAsking] = useState<{ visit: VisitView; field: Field } | null>(null);
  const [shown, setShown] = useState<Record<string, string>>({});
  const rows = list.data ?? [];

  const masked = (v: VisitView, f: Field): string => (f === 'phone' ? v.phoneMasked : f === 'document' ? v.docMasked : v.plateMasked);
  const cell = (v: VisitView, f: Field) => {
    const value = shown[`${v.id}:${f}`];
    const m = masked(v, f);
    if (value !== undefined)
      return (
        <span className="vis-revealed" data-testid={`revealed-${f}`}>
          {value}
        </span>
      );
    if (!m) return null;
    return (
      <span className="vis-reveal-cell">
        {m}
        {!v.erased ? (
          <button
            type="button"
            className="btn small"
            onClick={() => setAsking({ visit: v, field: f })}
            aria-label={t('vis.r.revealLabel', { what: t(FIELD_LABEL[f]), no: v.passNo })}
          >
            {t('vis.r.reveal')}
          </button>
        ) : null}
      </span>
    );
  };

  return (
    <>
      <ListSection
        id="vis-register-title"
        className="vis-register"
        title={t('vis.tab.register')}
        filters={
          <>
            <label className="field vis-filter">
              <span className="field-label">{t('vis.r.q')}</span>
              <input
                type="search"
                name="register-q"
                value={q}
                maxLength={40}
                autoComplete="off"
                placeholder={t('vis.r.qPlaceholder')}
                onChange={(e) => setQ(e.target.value)}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('vis.r.date')}</span>
              <DateInput name="register-date" value={date} onChange={(v) => setDate(v)} />
            </label>
            <label className="field">
              <span className="field-label">{t('vis.status')}</span>
              <select name="register-status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
                <option value="">{t('vis.r.anyStatus')}</option>
                {(Object.keys(VISIT_STATUS) as VisitView['status'][]).map((s) => (
                  <option key={s} value={s}>
                    {t(VISIT_STATUS[s])}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
        hint={<p className="hint">{t('vis.r.hint')}</p>}
        error={list.error}
        rows={list.data ? rows : undefined}
        empty={t('vis.r.none')}
        testId="register-table"
        columns={[t('vis.pass.no'), t('vis.visitor'), t('vis.phone'), t('vis.r.document'), t('vis.plate'), t('vis.room'), t('vis.r.when')]}
        rowKey={(v) => v.id}
        rowProps={(v) => ({ 'data-pass': v.passNo })}
        cells={(v) => (
          <>
            <td className="vis-mono">{v.passNo}</td>
            <td>
              {v.erased ? t('vis.erased') : v.nameMasked}
              <div className="muted">{t(PURPOSE[v.purpose])}</div>
            </td>
            <td>{cell(v, 'phone')}</td>
            <td>
              {v.docType !== 'none' ? <div className="muted">{t(DOC_TYPE[v.docType])}</div> : null}
              {cell(v, 'document')}
            </td>
            <td>{cell(v, 'plate')}</td>
            <td className="room-code">{v.roomCode ?? t('vis.commonArea')}</td>
            <td>
              {formatDateTime(v.checkedInAt, lang)}
              <div className="muted">
                {t(VISIT_STATUS[v.status])}
                {v.checkedOutAt ? ` ${formatDateTime(v.checkedOutAt, lang)}` : ''}
                {v.checkoutMethod ? ` · ${t(CHECKOUT_METHOD[v.checkoutMethod])}` : ''}
              </div>
            </td>
          </>
        )}
      />
      {asking ? (
        <ReasonDialog
          title={t('vis.r.revealTitle', { what: t(FIELD_LABEL[asking.field]), no: asking.visit.passNo })}
          message={t('vis.r.revealText')}
          submitLabel={t('vis.r.reveal')}
          picks={[
            { zh: '公安机关调查', label: t('vis.r.reason.police') },
            { zh: '住户投诉核实', label: t('vis.r.reason.complaint') },
            { zh: '访客遗留物品联系', label: t('vis.r.reason.lostItem') },
          ]}
          onCancel={() => setAsking(null)}
          onSubmit={async (reason) => {
            const { visit, field } = asking;
            const r = await send('visitors.reveal', { visitId: visit.id, field, reason });
            // the core answers a document kept as its last four only with a Chinese note before them
            const last4 = r.value.startsWith(ONLY_LAST4) ? r.value.slice(ONLY_LAST4.length) : null;
            setShown((s) => ({ ...s, [`${visit.id}:${field}`]: last4 !== null ? t('vis.r.onlyLast4', { v: last4 }) : r.value }));
            setAsking(null);
          }}
        />
      ) : null}
    </>
  );
}
