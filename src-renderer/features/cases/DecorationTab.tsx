import { useEffect, useRef, useState } from 'react';
import type { DecorationStatus } from '@shared/contract';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { formatDate } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { useShell } from '../../app/shell-context';
import { ApplyDialog } from './ApplyDialog';
import { casesPlace } from './caseRequest';
import { DecorationCase } from './DecorationCase';
import type { PickedRoom } from './RoomPick';
import { DECO_STATUS } from './labels';

type Filter = 'open' | DecorationStatus;
const FILTERS: readonly Filter[] = ['open', 'applied', 'approved', 'in_progress', 'awaiting_acceptance', 'accepted', 'refunded', 'rejected', 'void'];

/**
 * 装修: the cases by state (the open ones first: 申请中 to 已验收), works past their planned end and deposits not
 * refunded long after acceptance flagged; 新装修申请; a case opened shows its steps.
 */
export function DecorationTab({ initial, remembered, onNote }: { initial: PickedRoom | null; remembered: number | null; onNote: (n: string) => void }) {
  const { t, lang } = useI18n();
  const { operator } = useShell();
  const [filter, setFilter] = useState<Filter>('open');
  const listQ = useCall('rooms.decoration.list', filter === 'open' ? { status: undefined } : { status: filter }, { keepPrevious: true });
  const list = listQ.data ?? null;
  const [caseId, setCaseIdState] = useState<number | null>(remembered);
  const setCaseId = (id: number | null) => {
    setCaseIdState(id);
    casesPlace.set(operator.id, { caseId: id });
  };
  const [applying, setApplying] = useState<PickedRoom | null | false>(false);
  // a room sent here from the room file: its open case, or a new application for it
  const taken = useRef<PickedRoom | null>(null);
  useEffect(() => {
    if (!initial || !list || filter !== 'open' || taken.current === initial) return;
    taken.current = initial;
    const open = list.find((d) => d.roomId === initial.roomId);
    if (open) setCaseId(open.id);
    else setApplying(initial);
  }, [initial, list, filter]);

  if (caseId !== null) return <DecorationCase caseId={caseId} onBack={() => setCaseId(null)} onNote={onNote} />;
  const overdue = list?.filter((d) => d.overdue).length ?? 0;
  const refundLate = list?.filter((d) => d.refundOverdue).length ?? 0;
  return (
    <div className="card cs-deco-list">
      <div className="toolbar">
        <label className="field">
          <span className="field-label">{t('cs.deco.filter')}</span>
          <select name="deco-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === 'open' ? t('cs.deco.open') : t(DECO_STATUS[f])}
              </option>
            ))}
          </select>
        </label>
        <div className="field field-button">
          <button type="button" className="btn primary" onClick={() => setApplying(null)}>
            {t('cs.deco.new')}
          </button>
        </div>
        {overdue || refundLate ? (
          <p className="warn-box cs-flags" role="status">
            {overdue ? t('cs.deco.overdueCount', { n: overdue }) : ''} {refundLate ? t('cs.deco.refundCount', { n: refundLate }) : ''}
          </p>
        ) : null}
      </div>
      <ErrorBox error={listQ.error} />
      {list && list.length === 0 ? <p className="hint">{t('cs.deco.none')}</p> : null}
      {list && list.length > 0 ? (
        <div className="table-wrap">
          <table className="table cs-deco-table">
            <thead>
              <tr>
                <th>{t('cs.room')}</th>
                <th>{t('cs.apply.contractor')}</th>
                <th>{t('cs.deco.period')}</th>
                <th>{t('cs.deposit')}</th>
                <th>{t('cs.deco.state')}</th>
                <th>{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id} className={d.overdue || d.refundOverdue ? 'cs-row-flag' : undefined}>
                  <td className="room-code">{d.roomCode}</td>
                  <td>
                    <span data-data>{d.contractor}</span>
                    <span className="cs-small">
                      <span data-data>{d.personInCharge}</span> {d.phoneMasked}
                    </span>
                  </td>
                  <td>
                    {formatDate(d.startDate, lang)} – {formatDate(d.plannedEnd, lang)}
                  </td>
                  <td>
                    {moneyText(d.depositFen)}
                    {d.deductedFen ? <span className="cs-small">{t('cs.deco.deductedShort', { amount: moneyText(d.deductedFen) })}</span> : null}
                  </td>
                  <td>
                    <span className={`tag cs-ds-${d.status}`}>{t(DECO_STATUS[d.status])}</span>
                    {d.overdue ? <span className="tag tag-bad">{t('cs.flag.overdue')}</span> : null}
                    {d.refundOverdue ? <span className="tag tag-bad">{t('cs.flag.refund')}</span> : null}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="btn small" onClick={() => setCaseId(d.id)}>
                      {t('cs.deco.open1')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list === null && !listQ.error ? <p>{t('common.loading')}</p> : null}
      {applying !== false ? (
        <ApplyDialog
          room={applying}
          onCancel={() => setApplying(false)}
          onDone={(c) => {
            setApplying(false);
            setCaseId(c.id);
            onNote(t('cs.apply.done', { room: c.roomCode }));
          }}
        />
      ) : null}
    </div>
  );
}
