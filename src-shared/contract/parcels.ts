import { z } from 'zod';
import { def, empty, id, isoDate, reason, line } from './common';

/** Carrier codes (see features/parcels/carriers.ts for the names and the prefix rules). */
export const parcelCarrier = z.enum(['SF', 'YT', 'JT', 'JD', 'EMS', 'POST', 'ZTO', 'STO', 'YD', 'DBL', 'CAINIAO', 'OTHER', 'UNKNOWN']);
export type ParcelCarrierCode = z.infer<typeof parcelCarrier>;
/** What the operator may choose ('UNKNOWN' is only what batch intake stores until someone fixes it). */
export const chosenCarrier = parcelCarrier.exclude(['UNKNOWN']);
export const parcelStatus = z.enum(['in_stock', 'picked_up', 'returned', 'written_off']);
export type ParcelStatusCode = z.infer<typeof parcelStatus>;
/** How the collector was checked: pickup code only, ID card, phone last four, signature, known in person. */
export const pickupCheck = z.enum(['code', 'id_card', 'phone', 'signature', 'known']);

const waybillInput = line().min(1, { message: '请扫描或输入快递单号' }).max(64);
const requestId = line().regex(/^[A-Za-z0-9_-]{8,64}$/);
const personName = line().trim().max(40);
const phoneLast4 = line().regex(/^\d{4}$/, { message: '手机尾号应为 4 位数字' });
/** Shelf slot as typed (`A-07`, `a7`) or as ids. */
const slotInput = z.union([z.object({ shelfId: id, slot: z.number().int().min(1).max(999) }), line().trim().min(2).max(8)]);

export const carrierDetection = z.object({
  /** the number as stored: NFKC (full-width → half-width), no spaces, upper case */
  waybill: z.string(),
  kind: z.enum(['known', 'ambiguous', 'unknown', 'invalid']),
  carrier: parcelCarrier.nullable(),
  carrierName: z.string().nullable(),
  /** for 'ambiguous' (the carriers a number of this shape can be) and 'unknown': what to offer */
  candidates: z.array(z.object({ code: parcelCarrier, name: z.string() })),
  /**
   * 'ambiguous' only: the choice remembered for this shape of number, when it is one of the candidates. Intake
   * uses it when no carrier is given; the screen shows it as a memory (按记忆), never as a recognised carrier.
   */
  remembered: parcelCarrier.nullable(),
  /** 'invalid': why, in Chinese */
  reason: z.string().nullable(),
  /** the same waybill is already in stock: intake will refuse it */
  duplicate: z.object({ id, pickupCode: z.string(), slot: z.string().nullable(), roomCode: z.string().nullable(), intakeAt: z.string() }).nullable(),
});
export type CarrierDetection = z.infer<typeof carrierDetection>;

export const parcelView = z.object({
  id,
  waybill: z.string(),
  carrier: parcelCarrier,
  carrierName: z.string(),
  status: parcelStatus,
  pickupCode: z.string(),
  /** `402 718`: for saying aloud and for the big display */
  pickupCodeSpoken: z.string(),
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  residentId: id.nullable(),
  recipientMasked: z.string().nullable(),
  phoneLast4: z.string().nullable(),
  unlisted: z.boolean(),
  /** no room and no recipient yet (batch intake): fix with parcels.update */
  needsDetails: z.boolean(),
  shelfId: id.nullable(),
  slot: z.number().int().nullable(),
  /** `A-07` */
  slotLabel: z.string().nullable(),
  note: z.string(),
  intakeAt: z.string(),
  intakeByName: z.string(),
  daysInStock: z.number().int(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  pickup: z
    .object({
      at: z.string(),
      collectorMasked: z.string(),
      check: pickupCheck,
      checkNote: z.string(),
      proxy: z.boolean(),
      proxyNameMasked: z.string().nullable(),
    })
    .nullable(),
  returnReason: z.string().nullable(),
  writeOff: z.object({ reason: z.string(), approverName: z.string().nullable() }).nullable(),
  printState: z.enum(['not-configured', 'pending', 'printing', 'done', 'failed', 'interrupted', 'cancelled']),
});
export type ParcelView = z.infer<typeof parcelView>;

export const intakeInput = z.object({
  /** makes a repeated submit (a retried scan) return the parcel already saved */
  requestId: requestId.optional(),
  waybill: waybillInput,
  /** required for a digit-only number with no remembered choice, or an unknown prefix; overrides detection */
  carrier: chosenCarrier.optional(),
  roomId: id.nullable().optional(),
  /** a roster resident (from roster.search); their room is used when roomId is not given */
  residentId: id.nullable().optional(),
  /** the name on the label when no resident is chosen: stored and flagged as not in the roster */
  recipient: personName.optional(),
  phoneLast4: phoneLast4.optional(),
  /** omitted → the suggested slot */
  slot: slotInput.nullable().optional(),
  note: line().trim().max(100).optional(),
  /** print the slip/label through the print queue (default: the site setting) */
  print: z.boolean().optional(),
});

export const batchItemResult = z.object({
  waybill: z.string(),
  ok: z.boolean(),
  parcel: parcelView.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const shelfView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  slots: z.number().int(),
  active: z.boolean(),
  sort: z.number().int(),
  inStock: z.number().int(),
});
export type ShelfView = z.infer<typeof shelfView>;

/**
 * Keyboard-wedge scanner thresholds of the counter (the renderer tells a scan from typing with them;
 * absent → its defaults: 60 ms average, 100 ms longest pause, 6 characters).
 */
export const scannerSettings = z.object({
  maxAvgMs: z.number().int().min(10).max(100),
  maxGapMs: z.number().int().min(20).max(200),
  minLength: z.number().int().min(4).max(40),
});

export const parcelSettings = z.object({
  /** a parcel in stock longer than this many days is overdue (滞留) */
  overdueDays: z.number().int().min(1).max(60),
  /** print a slip/label at intake by default */
  printSlip: z.boolean(),
  scanner: scannerSettings.optional(),
});
export type ParcelSettings = z.infer<typeof parcelSettings>;

export const parcelStats = z.object({
  date: isoDate,
  in: z.number().int(),
  pickedUp: z.number().int(),
  returned: z.number().int(),
  writtenOff: z.number().int(),
  inStock: z.number().int(),
  overdue: z.number().int(),
  needsDetails: z.number().int(),
  overdueDays: z.number().int(),
  /** parcels taken in that day, by carrier */
  byCarrier: z.array(z.object({ carrier: parcelCarrier, name: z.string(), in: z.number().int() })),
});

/** A remembered carrier choice for one shape of digit-only number (what intake fills in, shown as 按记忆). */
export const carrierMemoryEntry = z.object({
  /** `d15:43`: length and first two digits */
  key: z.string(),
  /** "15 位数字，43 开头" */
  shape: z.string(),
  carrier: parcelCarrier,
  carrierName: z.string(),
  /** false when the memory is no longer applied: numbers of this shape are now recognised, or it names a carrier they cannot be */
  inUse: z.boolean(),
  /** when and by whom it was chosen, and on which number (null for a choice kept before these were recorded) */
  at: z.string().nullable(),
  byName: z.string().nullable(),
  example: z.string().nullable(),
});
export type CarrierMemoryEntry = z.infer<typeof carrierMemoryEntry>;

const list = z.array(parcelView);
const ids = z.array(id).min(1).max(100);

export const parcelsContract = {
  /** On every scan, before intake: normalised number, carrier or candidates, duplicate in stock. Writes nothing. */
  'parcels.detect': def({ input: z.object({ waybill: waybillInput }), output: carrierDetection, access: 'receptionist' }),
  /** The slot a new parcel for this room would get (same room's slot, else the first empty one). */
  'parcels.suggestSlot': def({
    input: z.object({ roomId: id.nullable().optional() }),
    output: z.object({ shelfId: id, slot: z.number().int(), label: z.string() }).nullable(),
    access: 'receptionist',
  }),
  /** 入库: saves, allocates the pickup code, records the arrival notice, queues the slip. Duplicate in stock → CONFLICT. */
  'parcels.intake': def({ input: intakeInput, output: parcelView, access: 'receptionist' }),
  /**
   * Batch intake: keep scanning, fix later. Each number is saved on its own (one bad scan does not lose the
   * others); ambiguous numbers take the remembered carrier, else 'UNKNOWN'. Results in the order given.
   */
  'parcels.intakeBatch': def({
    input: z.object({
      items: z
        .array(z.object({ waybill: waybillInput, carrier: chosenCarrier.optional(), requestId: requestId.optional() }))
        .min(1)
        .max(200),
      print: z.boolean().optional(),
    }),
    output: z.array(batchItemResult),
    access: 'receptionist',
    maxBytes: 128 * 1024,
  }),
  /** Fix details while in stock (carrier, room/resident/recipient, phone last four, slot, note). Only given fields change. */
  'parcels.update': def({
    input: z.object({
      id,
      carrier: chosenCarrier.optional(),
      roomId: id.nullable().optional(),
      residentId: id.nullable().optional(),
      recipient: personName.optional(),
      phoneLast4: phoneLast4.nullable().optional(),
      slot: slotInput.nullable().optional(),
      note: line().trim().max(100).optional(),
    }),
    output: parcelView,
    access: 'receptionist',
  }),
  'parcels.get': def({ input: z.object({ id }), output: parcelView, access: 'receptionist' }),
  /** In stock, by pickup code (`402718`, `402 718`): empty list when none. */
  'parcels.byCode': def({ input: z.object({ code: line().max(20) }), output: list, access: 'receptionist' }),
  /** In stock, by scanned waybill. */
  'parcels.byWaybill': def({ input: z.object({ waybill: waybillInput }), output: list, access: 'receptionist' }),
  /** In stock, every parcel of a room (oldest first). */
  'parcels.byRoom': def({ input: z.object({ roomId: id }), output: list, access: 'receptionist' }),
  /** 出库: one or several parcels handed over at once, with the check record. All or nothing. */
  'parcels.pickup': def({
    input: z.object({
      ids,
      /** who took them; defaults to the recipient on the parcel */
      collector: personName.optional(),
      check: pickupCheck,
      /** e.g. ID last four checked, 签字 on the slip */
      checkNote: line().trim().max(100).optional(),
      proxy: z.boolean(),
      proxyName: personName.optional(),
    }),
    output: list,
    access: 'receptionist',
  }),
  /** Overdue (滞留): in stock longer than the setting, oldest first. */
  'parcels.overdue': def({ input: z.object({ limit: z.number().int().min(1).max(500).optional() }), output: list, access: 'receptionist' }),
  /** Records an overdue reminder notice (at most one per parcel per day) for the given parcels, or all overdue. */
  'parcels.remind': def({ input: z.object({ ids: ids.optional() }), output: z.object({ recorded: z.number().int() }), access: 'receptionist' }),
  /** 退回快递员, with a reason. All or nothing. */
  'parcels.return': def({ input: z.object({ ids, reason }), output: list, access: 'receptionist' }),
  /** 报损/核销: needs a supervisor approval ('parcel.writeOff', subject = the waybill), two-person. */
  'parcels.writeOff': def({ input: z.object({ id, approvalId: line().max(100), reason }), output: parcelView, access: 'receptionist' }),
  /** Daily view (a date on the property's clock, default today). */
  'parcels.stats': def({ input: z.object({ date: isoDate.optional() }), output: parcelStats, access: 'receptionist' }),
  /**
   * Search by any field: 6 digits = pickup code, a room (`3-2-501`) = room, 4 digits = phone last four,
   * letters/digits ≥ 8 = waybill prefix, otherwise recipient name prefix. Filters narrow it down. Newest first.
   */
  'parcels.search': def({
    input: z.object({
      q: line().max(40).optional(),
      status: parcelStatus.optional(),
      carrier: parcelCarrier.optional(),
      date: isoDate.optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    output: list,
    access: 'receptionist',
  }),
  /** XLSX of the parcels taken in between two dates (inclusive, at most 92 days), names masked. */
  'parcels.export': def({
    input: z.object({ from: isoDate, to: isoDate, status: parcelStatus.optional() }),
    output: z.object({ fileName: z.string(), rows: z.number().int(), data: z.string().describe('base64 of the .xlsx') }),
    access: 'receptionist',
  }),
  /** The slip as it prints (receiptline SVG), for screens without a printer. */
  'parcels.slip': def({
    input: z.object({ id }),
    output: z.object({ svg: z.string(), width: z.union([z.literal(58), z.literal(80)]) }),
    access: 'receptionist',
  }),
  'parcels.reprintSlip': def({ input: z.object({ id }), output: parcelView, access: 'receptionist' }),
  'parcels.shelves.list': def({ input: empty, output: z.array(shelfView), access: 'receptionist' }),
  'parcels.shelves.save': def({
    input: z.object({
      id: id.optional(),
      code: line()
        .trim()
        .regex(/^[A-Za-z]{1,4}$/, { message: '货架编号为 1–4 个字母，例如 A' }),
      name: line().trim().max(20),
      slots: z.number().int().min(1).max(999),
      active: z.boolean(),
      sort: z.number().int().min(0).max(9999),
    }),
    output: shelfView,
    access: 'supervisor',
  }),
  'parcels.settings.get': def({ input: empty, output: parcelSettings, access: 'receptionist' }),
  'parcels.settings.save': def({ input: parcelSettings, output: parcelSettings, access: 'supervisor' }),
  /** The remembered carrier choices (快递设置): a wrong one is visible here and can be cleared. */
  'parcels.carrierMemory.list': def({ input: empty, output: z.array(carrierMemoryEntry), access: 'supervisor' }),
  /** Forgets one remembered choice (`key`) or, without a key, all of them; audited. The next such number is asked again. */
  'parcels.carrierMemory.clear': def({
    input: z.object({
      key: z
        .string()
        .regex(/^d\d{1,2}:\d{2}$/, { message: '记忆的单号类型格式不对：请刷新后重试' })
        .optional(),
    }),
    output: z.object({ cleared: z.number().int(), entries: z.array(carrierMemoryEntry) }),
    access: 'supervisor',
  }),
} as const;
