import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskText } from '@shared/mask';
import type { CardStockView } from '@shared/contract/cards';
import type { CardType } from '../../db/schema';
import type { SessionOperator } from '../operators/sessions';
import * as repo from './cards.repo';
import { shown, TYPE_ZH } from './card-view';

/** The blank cards on hand: a true count of physical blanks, moved in and out, counted (盘点), taken by issuing. */
export class CardStock {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  /**
   * Issuing or replacing takes one physical blank of the type from stock. With none on record the card is
   * refused (the record must stay a true count): if blanks are in fact in the drawer, a supervisor records
   * the stock found (盘点) first.
   */
  requireBlank(type: CardType, replacing: boolean): void {
    const onHand = repo.stockOnHand(this.sql)[type];
    if (onHand >= 1) return;
    const verb = replacing ? '补卡' : '发卡';
    const record = onHand === 0 ? `系统记录的空白${TYPE_ZH[type]}库存为 0 张` : `空白${TYPE_ZH[type]}的库存记录不对（需要盘点）`;
    throw new AppError('CONFLICT', `${record}，不能${verb}：如手上确有空白卡，请主管在「门禁卡 → 空白卡库存」点清实有数量并登记盘点，然后再${verb}。`, {
      cardType: type,
      onHand: Math.max(onHand, 0),
    });
  }

  stock(): CardStockView {
    const raw = repo.stockOnHand(this.sql);
    return {
      onHand: { access: shown(raw.access), function: shown(raw.function) },
      moves: repo
        .recentStockMoves(this.sql, 30)
        .map((m) => ({ id: m.id, at: m.at, cardType: m.card_type, kind: m.kind, quantity: m.quantity, reason: m.reason, operatorName: m.operator_name })),
    };
  }

  /**
   * 盘点: the blanks of one type found on hand. The difference to the record becomes one 'count' move (none
   * when they agree); the audit entry keeps the record, the count and the reason either way.
   */
  stockCount(
    cardType: CardType,
    counted: number,
    reason: string,
    actor: SessionOperator,
  ): { stock: CardStockView; adjustment: number; recorded: number | null } {
    const out = this.sql.tx(() => {
      const raw = repo.stockOnHand(this.sql)[cardType];
      const adjustment = counted - raw;
      if (Math.abs(adjustment) > 10000)
        throw new AppError('BAD_INPUT', `实点数量与记录相差 ${Math.abs(adjustment)} 张，超过一次盘点可调整的 10000 张：请核对数量。`);
      const recorded = shown(raw);
      const note = `${reason.trim()}（记录 ${recorded === null ? '有误' : `${recorded} 张`}，实点 ${counted} 张）`;
      const at = this.now();
      const id =
        adjustment !== 0
          ? repo.insertStockMove(this.sql, { card_type: cardType, kind: 'count', quantity: adjustment, reason: note, card_id: null, operator_id: actor.id, at })
          : null;
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'card_stock.count',
        entity: 'card_stock',
        entityId: id ?? cardType,
        detail: { cardType, recorded: raw, counted, adjustment, reason: maskText(reason.trim()) },
      });
      return { adjustment, recorded };
    });
    return { stock: this.stock(), ...out };
  }

  stockMove(cardType: CardType, kind: 'in' | 'out', quantity: number, reason: string, actor: SessionOperator): CardStockView {
    this.sql.tx(() => {
      const at = this.now();
      const onHand = repo.stockOnHand(this.sql)[cardType];
      if (kind === 'out' && onHand < quantity) {
        const have = onHand < 0 ? `空白${TYPE_ZH[cardType]}的库存记录不对` : `库存只有 ${onHand} 张空白${TYPE_ZH[cardType]}`;
        throw new AppError('CONFLICT', `${have}，不能出库 ${quantity} 张：请主管先盘点（点清实有数量并登记）。`);
      }
      const id = repo.insertStockMove(this.sql, {
        card_type: cardType,
        kind,
        quantity: kind === 'in' ? quantity : -quantity,
        reason: reason.trim(),
        card_id: null,
        operator_id: actor.id,
        at,
      });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: `card_stock.${kind}`,
        entity: 'card_stock',
        entityId: id,
        detail: { cardType, quantity, reason: maskText(reason.trim()) },
      });
    });
    return this.stock();
  }
}
