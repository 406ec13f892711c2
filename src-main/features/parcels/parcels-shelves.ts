import type { ParsedInput } from '@shared/contract';
import { appendAudit } from '../../db/audit';
import { AppError } from '../../lib/errors';
import type { ShelfView } from '@shared/contract/parcels';
import type { SessionOperator } from '../operators/sessions';
import { ParcelsBase } from './parcels-common';
import * as repo from './parcels.repo';

/** 货架: the shelves and their slot counts; a shelf cannot shrink below a slot that still holds a parcel. */
export class ParcelShelves extends ParcelsBase {
  shelves(): ShelfView[] {
    return repo
      .shelves(this.sql)
      .map((s) => ({ id: s.id, code: s.code, name: s.name, slots: s.slots, active: s.active === 1, sort: s.sort, inStock: Number(s.in_stock ?? 0) }));
  }

  saveShelf(input: ParsedInput<'parcels.shelves.save'>, actor: SessionOperator): ShelfView {
    const id = this.sql.tx(() => {
      const w = { code: input.code.toUpperCase(), name: input.name.trim(), slots: input.slots, active: input.active ? 1 : 0, sort: input.sort };
      const clash = repo.shelfByCode(this.sql, w.code);
      if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `已经有 ${w.code} 号货架了：请换一个编号。`);
      let sid = input.id;
      if (sid) {
        if (!repo.shelfById(this.sql, sid)) throw new AppError('NOT_FOUND', '找不到这个货架：请刷新。');
        const used = repo.maxSlotInUse(this.sql, sid);
        if (used > w.slots) throw new AppError('CONFLICT', `第 ${used} 格还有快递在库：格数不能少于 ${used}。`);
        repo.updateShelf(this.sql, sid, w, this.now());
      } else sid = repo.insertShelf(this.sql, w, this.now());
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: input.id ? 'parcel_shelf.update' : 'parcel_shelf.create',
        entity: 'parcel_shelf',
        entityId: sid,
        detail: w,
      });
      return sid;
    });
    return this.shelves().find((s) => s.id === id) as ShelfView;
  }
}
