import { useEffect, useRef, useState } from 'react';
import type { PassView } from '@shared/contract';
import { formatDateTime } from '../../lib/format';
import { useCall, useSend } from '../../lib/query';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { useKeys } from '../../app/useKeys';
import { OkNote } from '../../app/ui/Notes';
import { PASS_STATUS, LOST_REASONS } from './labels';
import { PassResult, workerDays } from './PassResult';
import { ListSection } from './ListSection';
import { ReasonDialog } from './ReasonDialog';
import { WorkerForm, type WorkerIssued } from './WorkerForm';

type Filter = 'out' | 'expired' | 'closed' | 'all';
const FILTERS: Filter[] = ['out', 'expired', 'closed', 'all'];

/**
 * 临时出入证: issue a worker's pass (printed by the app, or a pre-printed form by the property's setting), then
 * its result (reprint, void); the passes out, the expired ones not returned (to follow up), the closed ones;
 * 交回 (returned), 遗失 (lost, with a reason), 作废 (void, with a reason) per row.
 */
export function WorkersTab() {
  const { t, lang } = useI18n();
  const send = useSend();
  const [issued, setIssued] = useState<WorkerIssued | null>(null);
  const [filter, setFilter] = useState<Filter>('out');
  const [q, setQ] = useState('');
  const list = useCall('visitors.workers.list', { status: filter, ...(q.trim() ? { q: q.trim() } : {}) }, { keepPrevious: true });
  const expired = useCall('visitors.workers.list', { status: 'expired' }).data ?? [];
  const [closing, setClosing] = useState<{ pass: PassView; how: 'lost' | 'void' } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const ret = useAction();
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (issued) nextRef.current?.focus();
  }, [issued]);
  useKeys(issued !== null, { Escape: () => setIssued(null) });

  const returnPass = (p: PassView) =>
    ret.start({
      run: async () => {
        await send('visitors.workers.return', { passNo: p.passNo });
        setNote(t('vis.w.returned', { no: p.passNo }));
      },
    });

  const rows = list.data ?? [];
  return (
    <div className="vis-workers">
      {issued ? (
        <PassResult
          passNo={issued.pass.passNo}
          initial={issued.pass}
          preview={!issued.pass.fromForm}
          title={t(issued.pass.fromForm ? 'vis.w.issuedForm' : 'vis.w.issued', { company: issued.pass.company ?? '' })}
          voidPicks={[
            { zh: '信息登记错误', label: t('vis.reason.wrongEntry') },
            { zh: '施工取消', label: t('vis.w.reason.cancelled') },
          ]}
          actions={
            <button ref={nextRef} type="button" className="btn primary big" onClick={() => setIssued(null)}>
              {t('vis.w.another')} <kbd>Esc</kbd>
            </button>
          }
        >
          <p>
            <span className="field-label">{t('vis.w.person')}</span> <strong data-testid="worker-name">{issued.pass.holder?.nameMasked}</strong>{' '}
            {issued.pass.holder?.phoneMasked}
          </p>
          <p>
            <span className="field-label">{t('vis.room')}</span> <strong className="room-code">{issued.pass.roomCode ?? t('vis.commonArea')}</strong>
            {issued.pass.zones.length ? <span className="tag">{t('vis.w.zonesList', { z: issued.pass.zones.join('、') })}</span> : null}
          </p>
          {issued.pass.fromForm ? (
            <p className="notice-card" data-testid="form-issued">
              {t('vis.w.formHandOver', { no: issued.pass.passNo })}
            </p>
          ) : !issued.printQueued ? (
            <p className="hint">{t('vis.noPrinter')}</p>
          ) : null}
        </PassResult>
      ) : (
        <WorkerForm onIssued={setIssued} />
      )}

      <ListSection
        id="vis-workers-list"
        title={t('vis.w.list')}
        filters={
          <>
            <div className="seg-group" role="radiogroup" aria-label={t('vis.w.list')}>
              {FILTERS.map((f) => (
                <label key={f} className="seg">
                  <input type="radio" name="worker-filter" checked={filter === f} onChange={() => setFilter(f)} />
                  <span>
                    {t(`vis.w.filter.${f}`)}
                    {f === 'expired' && expired.length > 0 ? <strong className="tag tag-bad">{expired.length}</strong> : null}
                  </span>
                </label>
              ))}
            </div>
            <label className="field vis-inline">
              <span className="field-label">{t('vis.pass.no')}</span>
              <input type="search" name="worker-q" value={q} maxLength={40} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
            </label>
          </>
        }
        hint={
          <>
            {filter === 'expired' ? <p className="hint">{t('vis.w.expiredHint')}</p> : null}
            <OkNote text={note} />
          </>
        }
        error={ret.error ?? list.error}
        rows={list.data ? rows : undefined}
        empty={t('vis.w.none')}
        testId="workers-table"
        columns={[t('vis.pass.no'), t('vis.w.company'), t('vis.w.person'), t('vis.room'), t('vis.w.validity'), t('vis.status'), t('vis.actions')]}
        rowKey={(p) => p.id}
        rowProps={(p) => ({ className: p.expired && p.status === 'valid' ? 'vis-overdue' : undefined, 'data-pass': p.passNo })}
        cells={(p) => (
          <>
            <td className="vis-mono">
              {p.passNo}
              {p.fromForm ? <div className="muted">{t('vis.w.fromForm')}</div> : null}
            </td>
            <td>{p.company}</td>
            <td>
              {p.holder ? `${p.holder.nameMasked} ${p.holder.phoneMasked}` : t('vis.erased')}
              {p.holder?.docMasked ? <div className="muted">{p.holder.docMasked}</div> : null}
            </td>
            <td className="room-code">{p.roomCode ?? t('vis.commonArea')}</td>
            <td className="vis-nowrap">{workerDays(p)}</td>
            <td>
              <span className={`tag ${p.status === 'valid' ? (p.expired ? 'tag-bad' : 'tag-ok') : 'tag-muted'}`}>
                {p.status === 'valid' && p.expired ? t('vis.w.expired') : t(PASS_STATUS[p.status])}
              </span>
              {p.closedAt ? <div className="muted">{t('vis.w.closedBy', { name: p.closedByName ?? '', at: formatDateTime(p.closedAt, lang) })}</div> : null}
              {p.closeReason ? <div className="muted">{p.closeReason}</div> : null}
            </td>
            <td className="row-actions">
              {p.status === 'valid' ? (
                <>
                  <button
                    type="button"
                    className="btn small primary"
                    disabled={ret.busy}
                    onClick={() => void returnPass(p)}
                    aria-label={t('vis.w.returnLabel', { no: p.passNo })}
                  >
                    {t('vis.w.return')}
                  </button>
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => setClosing({ pass: p, how: 'lost' })}
                    aria-label={t('vis.w.lostLabel', { no: p.passNo })}
                  >
                    {t('vis.w.lost')}
                  </button>
                  <button
                    type="button"
                    className="btn small danger"
                    onClick={() => setClosing({ pass: p, how: 'void' })}
                    aria-label={t('vis.w.voidLabel', { no: p.passNo })}
                  >
                    {t('vis.pass.void')}
                  </button>
                </>
              ) : null}
            </td>
          </>
        )}
      />
      {closing ? (
        <ReasonDialog
          title={t(closing.how === 'lost' ? 'vis.w.lostTitle' : 'vis.pass.voidTitle', { no: closing.pass.passNo })}
          message={t(closing.how === 'lost' ? 'vis.w.lostText' : 'vis.pass.voidText')}
          submitLabel={t(closing.how === 'lost' ? 'vis.w.lost' : 'vis.pass.void')}
          picks={
            closing.how === 'lost'
              ? [
                  { zh: LOST_REASONS.reportedLost, label: t('vis.w.reason.reportedLost') },
                  { zh: LOST_REASONS.unreachable, label: t('vis.w.reason.unreachable') },
                ]
              : [
                  { zh: '信息登记错误', label: t('vis.reason.wrongEntry') },
                  { zh: '施工取消', label: t('vis.w.reason.cancelled') },
                ]
          }
          onCancel={() => setClosing(null)}
          onSubmit={async (reason) => {
            const { pass, how } = closing;
            if (how === 'lost') await send('visitors.workers.lost', { passNo: pass.passNo, reason });
            else await send('visitors.passes.void', { passNo: pass.passNo, reason });
            setClosing(null);
            setNote(t(how === 'lost' ? 'vis.w.lostDone' : 'vis.w.voidDone', { no: pass.passNo }));
          }}
        />
      ) : null}
    </div>
  );
}
