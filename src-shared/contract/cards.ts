import { z } from 'zod';
import { def, empty, id, isoDate, reason, line } from './common';
import { fenOrZero } from './fees';

export const cardType = z.enum(['access', 'function']);
export type CardType = z.infer<typeof cardType>;
export const cardStatus = z.enum(['active', 'lost', 'blacklisted', 'returned']);
export type CardStatus = z.infer<typeof cardStatus>;

/** A card number as presented: from the reader (its site format) or typed into the card field. */
const cardNumber = line().trim().min(1, { message: '请刷卡或输入卡号' }).max(32, { message: '卡号太长：请核对' });

export const cardView = z.object({
  id,
  /** as read or typed (card numbers are not personal data) */
  raw: z.string(),
  format: z.string(),
  /** the 24-bit match key, 6 hex digits */
  key: z.string(),
  /** the card as other readers would print it (dec10, dec8, w26, hex8 …), where this reading has the bits */
  forms: z.record(z.string(), z.string()),
  type: cardType,
  functionName: z.string(),
  roomId: id,
  roomCode: z.string(),
  holderMasked: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  status: cardStatus,
  depositFen: fenOrZero,
  feeOwedFen: fenOrZero,
  feeReceiptNo: z.string().nullable(),
  replacesId: id.nullable(),
  replacedById: id.nullable(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  note: z.string(),
});
export type CardView = z.infer<typeof cardView>;

/** What to charge for a replacement, for the 去收费 link to 收费收据 (Alt+5). */
export const cardFeeView = z.object({
  cardId: id,
  amountFen: fenOrZero,
  itemId: id.nullable(),
  itemCode: z.string().nullable(),
  itemName: z.string(),
  roomId: id,
  roomCode: z.string(),
});
export type CardFeeView = z.infer<typeof cardFeeView>;

/** Blank cards on hand by type; null = the record is known to be wrong and needs a stock count (盘点). Never negative. */
const onHandCount = z.number().int().min(0).nullable();
export const cardStockMoveKind = z.enum(['in', 'out', 'issue', 'return', 'count']);

export const cardStockView = z.object({
  onHand: z.object({ access: onHandCount, function: onHandCount }),
  moves: z.array(z.object({ id, at: z.string(), cardType, kind: cardStockMoveKind, quantity: z.number().int(), reason: z.string(), operatorName: z.string() })),
});
export type CardStockView = z.infer<typeof cardStockView>;

export const cardDaySummary = z.object({
  date: isoDate,
  issued: z.number().int(),
  replaced: z.number().int(),
  lost: z.number().int(),
  returned: z.number().int(),
  blacklisted: z.number().int(),
  activeTotal: z.number().int(),
  blacklistTotal: z.number().int(),
  /** blank cards on hand (a type whose record needs a count adds 0) */
  stockOnHand: z.number().int().min(0),
});
export type CardDaySummary = z.infer<typeof cardDaySummary>;

const text = (max: number) => line().trim().max(max);

export const cardsContract = {
  'cards.list': def({
    input: z.object({ roomId: id.optional(), status: cardStatus.optional(), limit: z.number().int().min(1).max(500).optional() }),
    output: z.array(cardView),
    access: 'receptionist',
  }),
  /** Finds a card by a number in any reader format (matched by the normalised key). */
  'cards.lookup': def({ input: z.object({ number: cardNumber }), output: z.array(cardView), access: 'receptionist' }),
  /**
   * Binds a card to a room and a person. Refused with CONFLICT when the number is already bound elsewhere or
   * is on the blacklist (the message names the room and the masked holder).
   */
  'cards.issue': def({
    input: z.object({
      number: cardNumber,
      roomId: id,
      residentId: id.optional(),
      holderName: line().trim().min(1, { message: '请填写持卡人姓名' }).max(40),
      type: cardType,
      functionName: text(20).optional(),
      validFrom: isoDate.optional(),
      validUntil: isoDate.optional(),
      depositFen: fenOrZero.optional(),
      note: text(100).optional(),
    }),
    output: cardView,
    access: 'receptionist',
  }),
  /** The old card is blacklisted, the new one issued to the same room and person; the fee is recorded as owed. */
  'cards.replace': def({
    input: z.object({ cardId: id, number: cardNumber, reason, feeFen: fenOrZero.optional() }),
    output: z.object({ old: cardView, card: cardView, fee: cardFeeView.nullable() }),
    access: 'receptionist',
  }),
  /** Report lost: the card goes on the blacklist at once. */
  'cards.reportLost': def({ input: z.object({ cardId: id, note: text(100).optional() }), output: cardView, access: 'receptionist' }),
  'cards.blacklist': def({ input: z.object({ cardId: id, reason }), output: cardView, access: 'supervisor' }),
  /** The card comes back; the deposit refund is noted here (and paid through 收费收据 → 退押金). */
  'cards.return': def({
    input: z.object({ cardId: id, depositNote: text(100).optional(), restock: z.boolean() }),
    output: cardView,
    access: 'receptionist',
  }),
  /** Links the receipt that collected a replacement fee (the fee is no longer owed). */
  'cards.settleFee': def({
    input: z.object({ cardId: id, receiptNo: line().trim().min(3).max(32) }),
    output: cardView,
    access: 'receptionist',
  }),
  'cards.owedFees': def({ input: empty, output: z.array(cardFeeView), access: 'receptionist' }),
  'cards.stock': def({ input: empty, output: cardStockView, access: 'receptionist' }),
  'cards.stockMove': def({
    input: z.object({ cardType, kind: z.enum(['in', 'out']), quantity: z.number().int().min(1).max(10000), reason }),
    output: cardStockView,
    access: 'receptionist',
  }),
  /**
   * 盘点: the blank cards of one type found on hand. The difference to the record is booked as one 'count'
   * move (none when they agree) and audited with both figures. This is how a record that is wrong (or says
   * none while blanks are in the drawer) is put right before issuing.
   */
  'cards.stockCount': def({
    input: z.object({
      cardType,
      counted: z.number().int({ message: '实点数量应为整数' }).min(0, { message: '实点数量不能小于 0' }).max(10000, { message: '实点数量最多 10000 张' }),
      reason,
    }),
    output: z.object({ stock: cardStockView, adjustment: z.number().int(), recorded: z.number().int().nullable() }),
    access: 'supervisor',
  }),
  /** Card changes of one day on the property's clock: counts only, no personal data. */
  'cards.daySummary': def({ input: z.object({ date: isoDate }), output: cardDaySummary, access: 'receptionist' }),
} as const;
