import { appendAudit } from '../../db/audit';
import { AppError } from '../../lib/errors';
import { maskText } from '@shared/mask';
import type { ParcelView } from '@shared/contract/parcels';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import { overdueCutoff } from './parcel-view';
import { ParcelsBase, type ParcelsDeps } from './parcels-common';
import * as repo from './parcels.repo';

/** Parcels that stay too long: the overdue list, reminders, the return to the courier and the write-off. */
export class ParcelOverdue extends ParcelsBase {
  constructor(
    d: ParcelsDeps,
    private readonly operators: OperatorsService,
  ) {
    super(d);
  }

  overdue(limit = 200): ParcelView[] {
    const cutoff = overdueCutoff(this.clock.now(), this.settings().overdueDays);
    return this.views(repo.overdue(this.sql, cutoff, limit));
  }

  /** Records overdue reminder notices (one per parcel per day) for the upstream outbox to send. */
  remind(ids: number[] | undefined, actor: SessionOperator): { recorded: number } {
    return this.sql.tx(() => {
      const targets = ids
        ? this.inStockRows(ids, '提醒').map((r) => r.id)
        : repo.overdueIds(this.sql, overdueCutoff(this.clock.now(), this.settings().overdueDays));
      const day = this.calendar.today();
      let recorded = 0;
      for (const pid of targets) recorded += repo.insertNotice(this.sql, { parcel_id: pid, kind: 'overdue', day, at: this.now(), by: actor.id });
      if (recorded > 0)
        appendAudit(this.sql, this.clock, {
          operatorId: actor.id,
          action: 'parcel.remind',
          entity: 'parcel',
          entityId: ids?.length === 1 ? String(ids[0]) : '*',
          detail: { recorded, day },
        });
      return { recorded };
    });
  }

  /** 退回快递员 with a reason. */
  returnToCourier(ids: number[], reason: string, actor: SessionOperator): ParcelView[] {
    this.sql.tx(() => {
      const rows = this.inStockRows(ids, '退回');
      const at = this.now();
      for (const r of rows) {
        if (repo.updateInStock(this.sql, r.id, { status: 'returned', closed_at: at, closed_by: actor.id, return_reason: reason.trim(), updated_at: at }) !== 1)
          throw new AppError('CONFLICT', `单号 ${r.waybill} 刚刚已出库：请刷新。`);
        appendAudit(this.sql, this.clock, {
          operatorId: actor.id,
          action: 'parcel.return',
          entity: 'parcel',
          entityId: r.id,
          detail: { waybill: r.waybill, reason: maskText(reason.trim()) },
        });
      }
    });
    return this.views(repo.byIds(this.sql, ids));
  }

  /** 核销 (lost, damaged, unclaimable): a supervisor's single-use approval for this waybill, two-person. */
  writeOff(id: number, approvalId: string, reason: string, actor: SessionOperator): ParcelView {
    this.sql.tx(() => {
      const [r] = this.inStockRows([id], '核销');
      const row = r as repo.ParcelRow;
      const approval = this.operators.consumeApproval(approvalId, 'parcel.writeOff', row.waybill, { by: actor, originalActorId: row.intake_by });
      const at = this.now();
      repo.updateInStock(this.sql, row.id, {
        status: 'written_off',
        closed_at: at,
        closed_by: actor.id,
        writeoff_reason: reason.trim(),
        approval_id: approvalId,
        updated_at: at,
      });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'parcel.writeOff',
        entity: 'parcel',
        entityId: row.id,
        detail: { waybill: row.waybill, approvedBy: approval.approverId, reason: maskText(reason.trim()) },
      });
    });
    return this.get(id);
  }
}
