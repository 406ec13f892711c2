import { useMemo, useState } from 'react';
import type { VisitView } from '@shared/contract';
import { formatDateTime, fromLocalInput, toLocalInput } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { OkNote } from '../../app/ui/Notes';
import { PURPOSE } from './labels';
import { ReasonDialog } from './ReasonDialog';
import { DateInput } from '../../app/ui/DateInput';

interface Props {
  /** may check visitors out (not the guard) */
  canCheckOut: boolean;
  /** may check everyone out at once (supervisor) */
  canBulk: boolean;
}

const matches = (v: VisitView, q: string): boolean => {
  const s = q.trim().toUpperCase();
  if (!s) return true;
  return [v.passNo, v.nameMasked, v.roomCode ?? '', v.phoneMasked, v.plateMasked].some((x) => x.toUpperCase().includes(s));
};

/**
 * 在场访客: everyone checked in and not out, overdue ones (past the pass's validity) first and marked. Check-out
 * by search (pass number, room, name, phone last four; Enter checks out the only match) or by the row's button;
 * a supervisor checks out everyone checked in before a time, with a reason. The guard sees the list only.
 */
export function OnSiteTab({ canCheckOut, canBulk }: Props) {
  const { t, lang } = useI18n();
  const send = useSend();
  const q = useCall('visitors.onSite', {}, { refetchInterval: 30_000 });
  const [filter, setFilter] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [bulk, setBulk] = useState(false);
  const [before, setBefore] = useState(() => toLocalInput(new Date()));
  const out = useAction();
  const rows = useMemo(() => (q.data?.visitors ?? []).filter((v) => matches(v, filter)), [q.data, filter]);

  const checkOut = (v: VisitView) =>
    out.start({
      run: async () => {
        await send('visitors.checkOut', { visitId: v.id });
        setNote(t('vis.out.done', { name: v.nameMasked, no: v.passNo }));
        setFilter('');
      },
    });

  const data = q.data;
  return (
    <section className="vis-onsite" aria-labelledby="vis-onsite-title">
      <div className="toolbar">
        <h2 id="vis-onsite-title" className="section-title">
          {t('vis.tab.onsite')}
        </h2>
        {data ? (
          <p className="vis-counts" data-testid="onsite-counts">
            {t('vis.onsite.counts', { visits: data.visits, people: data.people })}
            {data.overdue > 0 ? <strong className="tag tag-bad">{t('vis.onsite.overdue', { n: data.overdue })}</strong> : null}
          </p>
        ) : null}
        {canBulk ? (
          <button type="button" className="btn" onClick={() => setBulk(true)} disabled={!data || data.visits === 0}>
            {t('vis.bulk.button')}
          </button>
        ) : null}
      </div>
      {canCheckOut ? (
        <label className="field vis-filter">
          <span className="field-label">{t('vis.out.search')}</span>
          <input
            type="search"
            name="onsite-filter"
            value={filter}
            maxLength={40}
            autoComplete="off"
            placeholder={t('vis.out.searchPlaceholder')}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              const only = rows.length === 1 ? rows[0] : undefined;
              if (only && filter.trim()) void checkOut(only);
              else setNote(filter.trim() ? t('vis.out.chooseOne', { n: rows.length }) : null);
            }}
          />
          <span className="field-hint">{t('vis.out.scanHint')}</span>
        </label>
      ) : null}
      <OkNote text={note} />
      <ErrorBox error={out.error ?? q.error} />
      {data && data.visits === 0 ? <p className="hint">{t('vis.onsite.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table vis-table" data-testid="onsite-table">
            <thead>
              <tr>
                <th scope="col">{t('vis.pass.no')}</th>
                <th scope="col">{t('vis.visitor')}</th>
                <th scope="col">{t('vis.room')}</th>
                <th scope="col">{t('vis.purpose')}</th>
                <th scope="col">{t('vis.timeIn')}</th>
                <th scope="col">{t('vis.pass.validUntil')}</th>
                {canCheckOut ? <th scope="col">{t('vis.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id} className={v.overdue ? 'vis-overdue' : undefined} data-pass={v.passNo}>
                  <td className="vis-mono">{v.passNo}</td>
                  <td>
                    {v.nameMasked}
                    {v.partySize > 1 ? <span className="tag">{t('vis.partyOf', { n: v.partySize })}</span> : null}
                  </td>
                  <td className="room-code">{v.roomCode ?? t('vis.commonArea')}</td>
                  <td>{t(PURPOSE[v.purpose])}</td>
                  <td>{formatDateTime(v.checkedInAt, lang)}</td>
                  <td>
                    {formatDateTime(v.validUntil, lang)}
                    {v.overdue ? <strong className="tag tag-bad">{t('vis.overdueTag')}</strong> : null}
                  </td>
                  {canCheckOut ? (
                    <td>
                      <button
                        type="button"
                        className="btn small"
                        disabled={out.busy}
                        onClick={() => void checkOut(v)}
                        aria-label={t('vis.out.oneLabel', { no: v.passNo })}
                      >
                        {t('vis.out.one')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {bulk ? (
        <ReasonDialog
          title={t('vis.bulk.title')}
          message={t('vis.bulk.text')}
          submitLabel={t('vis.bulk.submit')}
          picks={[
            { zh: '晚间清场', label: t('vis.bulk.reason.night') },
            { zh: '访客已从其他出口离开', label: t('vis.bulk.reason.otherExit') },
          ]}
          onCancel={() => setBulk(false)}
          onSubmit={async (reason) => {
            const r = await send('visitors.checkOutBulk', { reason, checkedInBefore: fromLocalInput(before) });
            setBulk(false);
            setNote(t('vis.bulk.done', { n: r.count }));
          }}
        >
          <label className="field">
            <span className="field-label">{t('vis.bulk.before')}</span>
            <DateInput withTime name="checkedInBefore" value={before} onChange={(v) => setBefore(v)} />
          </label>
        </ReasonDialog>
      ) : null}
    </section>
  );
}
