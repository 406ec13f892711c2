import { appendAudit } from '../../db/audit';
import { AppError } from '../../lib/errors';
import { maskName } from '@shared/mask';
import type { ParcelView } from '@shared/contract/parcels';
import type { ParsedInput } from '@shared/contract';
import type { SessionOperator } from '../operators/sessions';
import { ParcelsBase } from './parcels-common';
import * as repo from './parcels.repo';

export type PickupInput = ParsedInput<'parcels.pickup'>;

/** 出库 to the resident: one or several parcels handed over at once, with who collected them and how they were checked. */
export class ParcelPickup extends ParcelsBase {
  /** 出库: the parcels are handed over, with who collected them and how they were checked. */
  pickup(input: PickupInput, actor: SessionOperator): ParcelView[] {
    const proxyName = input.proxyName?.trim() ?? '';
    if (input.proxy && proxyName.length === 0) throw new AppError('BAD_INPUT', '代取需要填写代取人姓名。');
    this.sql.tx(() => {
      const rows = this.inStockRows(input.ids, '取件');
      const at = this.now();
      for (const r of rows) {
        const collector = input.proxy ? proxyName : input.collector?.trim() || r.recipient;
        const changed = repo.updateInStock(this.sql, r.id, {
          status: 'picked_up',
          closed_at: at,
          closed_by: actor.id,
          picked_at: at,
          collector,
          check_method: input.check,
          check_note: input.checkNote?.trim() ?? '',
          proxy: input.proxy ? 1 : 0,
          proxy_name: input.proxy ? proxyName : null,
          updated_at: at,
        });
        if (changed !== 1) throw new AppError('CONFLICT', `单号 ${r.waybill} 刚刚已出库：请刷新。`);
        appendAudit(this.sql, this.clock, {
          operatorId: actor.id,
          action: 'parcel.pickup',
          entity: 'parcel',
          entityId: r.id,
          detail: {
            waybill: r.waybill,
            collector: maskName(collector || null),
            check: input.check,
            proxy: input.proxy,
            batch: rows.length > 1 ? rows.length : undefined,
          },
        });
      }
    });
    return this.views(repo.byIds(this.sql, input.ids));
  }
}
