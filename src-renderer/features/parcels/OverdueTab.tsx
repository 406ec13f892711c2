import { useState, type FormEvent } from 'react';
import type { ParcelView } from '@shared/contract';
import { useCall, useRefresh, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { translate, useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { useSupervisorApproval } from '../auth/SupervisorApproval';
import { ParcelTable } from './ParcelTable';

const RETURN_REASONS = ['return.reason.overdue', 'return.reason.refused', 'return.reason.wrongAddress'] as const;

/**
 * 滞留: in stock longer than the setting, oldest first. Record reminders (the notices go out through the
 * upstream outbox later), return to the courier with a reason, or write one off with a supervisor's approval.
 */
export function OverdueTab({ overdueDays }: { overdueDays: number | null }) {
  const t = useT();
  const list = useCall('parcels.overdue', { limit: 500 });
  const rows = list.data ?? null;
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const approval = useSupervisorApproval();
  const action = useAction();
  const send = useSend();
  const refresh = useRefresh();

  // only what is still listed counts as chosen
  const ids = rows ? rows.filter((r) => selected.has(r.id)).map((r) => r.id) : [];
  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const remind = (all: boolean) => {
    setNotice(null);
    return action.start({
      check: () => (!all && ids.length === 0 ? t('overdue.noneSelected') : null),
      run: async () => {
        const r = await send('parcels.remind', all ? {} : { ids });
        setNotice(r.recorded > 0 ? t('overdue.reminded', { n: r.recorded }) : t('overdue.remindedAlready'));
      },
    });
  };

  const doReturn = (reason: string) => {
    setReturning(false);
    setNotice(null);
    return action.start({
      run: async () => {
        const out = await send('parcels.return', { ids, reason });
        setNotice(t('overdue.returned', { n: out.length }));
        setSelected(new Set());
      },
    });
  };

  const writeOff = async (p: ParcelView) => {
    setNotice(null);
    const a = await approval.request({
      action: 'parcel.writeOff',
      subject: p.waybill,
      title: t('writeOff.title', { waybill: p.waybill }),
      description: t('writeOff.desc', { waybill: p.waybill, code: p.pickupCodeSpoken, days: p.daysInStock }),
      reasons: ['writeOff.reason.lost', 'writeOff.reason.damaged', 'writeOff.reason.unclaimed'],
    });
    if (!a) return;
    await action.start({
      run: async () => {
        await send('parcels.writeOff', { id: p.id, approvalId: a.approvalId, reason: a.reason });
        setNotice(t('writeOff.done', { waybill: p.waybill, approver: a.approverName }));
      },
    });
  };

  return (
    <div className="overdue">
      <p className="hint">{overdueDays !== null ? t('overdue.rule', { n: overdueDays }) : null}</p>
      <div className="row-actions toolbar">
        <button type="button" className="btn" onClick={() => void remind(false)} disabled={action.busy || ids.length === 0}>
          {t('overdue.remindSelected', { n: ids.length })}
        </button>
        <button type="button" className="btn" onClick={() => void remind(true)} disabled={action.busy || !rows?.length}>
          {t('overdue.remindAll')}
        </button>
        <button type="button" className="btn" onClick={() => setReturning(true)} disabled={action.busy || ids.length === 0}>
          {t('overdue.return', { n: ids.length })}
        </button>
        <button type="button" className="btn" onClick={() => void refresh('parcels.overdue')}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error ?? list.error} />
      <OkNote text={notice} />
      {rows && rows.length === 0 ? <p className="info-box">{t('overdue.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <ParcelTable
          rows={rows}
          label={t('overdue.label', { n: rows.length })}
          selected={selected}
          onToggle={toggle}
          testId="overdue-table"
          actions={(p) => (
            <button type="button" className="btn small danger" onClick={() => void writeOff(p)}>
              {t('writeOff.button')}
            </button>
          )}
        />
      ) : null}
      {returning ? <ReturnDialog n={ids.length} onCancel={() => setReturning(false)} onConfirm={(r) => void doReturn(r)} /> : null}
      {approval.dialog}
    </div>
  );
}

function ReturnDialog({ n, onConfirm, onCancel }: { n: number; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 2) return setProblem(t('return.needReason'));
    onConfirm(reason.trim());
  };
  return (
    <Dialog title={t('return.title', { n })} onClose={onCancel}>
      <form className="form" onSubmit={submit}>
        <p className="dialog-message">{t('return.explain')}</p>
        <label className="field">
          <span className="field-label">{t('return.reason')}</span>
          <input name="return-reason" autoComplete="off" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="quick-picks" role="group" aria-label={t('approval.quickReasons')}>
          {RETURN_REASONS.map((k) => (
            <button key={k} type="button" className="btn small chip" onClick={() => setReason(translate('zh-CN', k))}>
              {t(k)}
            </button>
          ))}
        </div>
        <ErrorNote text={problem} />
        <DialogFormActions submitLabel={t('return.confirm')} busy={false} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
