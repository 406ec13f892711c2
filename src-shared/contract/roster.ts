import { z } from 'zod';
import { def, empty, ok, id, isoDate, reason, residentKind, line } from './common';
import { jobProgress } from './system';

export const residentHit = z.object({
  id,
  name: z.string(),
  kind: residentKind,
  roomCode: z.string(),
  /** the room the resident lives in (fees price per-area items and charge receipts to it) */
  roomId: id,
  phoneMasked: z.string(),
  initials: z.string(),
  movedOut: z.boolean(),
});
export type ResidentHit = z.infer<typeof residentHit>;

/** A room a search names, with or without residents (a room created by hand is found before anyone lives there). */
export const roomHit = z.object({ id, code: z.string(), state: z.enum(['undelivered', 'vacant', 'owner_occupied', 'rented', 'renovating']) });
export type RoomHit = z.infer<typeof roomHit>;

export const searchKind = z.enum(['empty', 'room', 'phone', 'initials', 'name', 'digits']);

export const residentDetail = residentHit.extend({
  pinyin: z.string(),
  moveIn: isoDate.nullable(),
  moveOut: isoDate.nullable(),
  note: z.string(),
  buildingName: z.string(),
  areaM2: z.string().nullable(),
  roommates: z.array(residentHit),
});
export type ResidentDetail = z.infer<typeof residentDetail>;

export const buildingView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  rooms: z.number().int(),
  residents: z.number().int(),
});
export type BuildingView = z.infer<typeof buildingView>;

export const importRowStatus = z.enum(['new', 'update', 'unchanged', 'error']);
export const importIssue = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importPreviewRow = z.object({
  row: z.number().int(),
  status: importRowStatus,
  roomCode: z.string(),
  name: z.string(),
  kind: z.string(),
  phoneMasked: z.string(),
  changes: z.array(z.string()),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRow>;

export const importPreview = z.object({
  fileName: z.string(),
  encoding: z.string(),
  summary: z.object({
    total: z.number().int(),
    new: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
    buildingsToCreate: z.array(z.string()),
  }),
  /** The first rows, in file order, for the preview table. */
  rows: z.array(importPreviewRow),
  /** Every problem found (up to 2,000), row-by-row. */
  issues: z.array(importIssue),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importStatus = z.object({
  jobId: z.string(),
  progress: jobProgress,
  preview: importPreview.nullable(),
  result: z
    .object({
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.number().int(),
      buildingsCreated: z.number().int(),
    })
    .nullable(),
});
export type ImportStatus = z.infer<typeof importStatus>;

/** The last import that reached the roster did not finish (the app stopped, or writing failed part way). */
export const importUnfinished = z.object({
  fileName: z.string(),
  startedAt: z.string(),
  /** who confirmed it (null if that account is gone) */
  operatorName: z.string().nullable(),
  /** the file's rows written (in file order) of all its rows */
  doneRows: z.number().int(),
  totalRows: z.number().int(),
});
export type ImportUnfinished = z.infer<typeof importUnfinished>;

/**
 * The largest roster file accepted, sized to the row limit (200,000 data rows): a roster row is about 57 bytes
 * in a UTF-8 CSV, 52 in GBK, 94 in UTF-16 text and about 91 with a short note; an XLSX of the same rows is
 * smaller (about 50 bytes a row). 200,000 rows × 100 bytes = 20 MB covers all of them. A file within this
 * size can still hold far more rows (a workbook compresses repeated cells well): those are refused while
 * reading, as soon as the row after the limit is seen.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const rosterContract = {
  'roster.search': def({
    input: z.object({ q: line().max(64), limit: z.number().int().min(1).max(200).optional() }),
    /** rooms: for a room-like search, the rooms it names (each opens the room file) */
    output: z.object({ kind: searchKind, items: z.array(residentHit), more: z.boolean(), rooms: z.array(roomHit).optional() }),
    access: 'receptionist',
  }),
  /**
   * Every resident a search can find and every room, as columns (the renderer's copy of the index answers a
   * keystroke before main does: src-shared/roster-index.ts). Phones only masked and as their last four digits.
   */
  'roster.index': def({
    input: empty,
    output: z.object({
      residents: z.object({
        id: z.array(z.number().int()),
        name: z.array(z.string()),
        kind: z.array(residentKind),
        initials: z.array(z.string()),
        pinyin: z.array(z.string()),
        givenName: z.array(z.string()),
        phoneMasked: z.array(z.string()),
        last4: z.array(z.string()),
        movedOut: z.array(z.boolean()),
        room: z.array(z.number().int()),
      }),
      /** rooms in code order */
      rooms: z.object({ id: z.array(z.number().int()), code: z.array(z.string()), number: z.array(z.string()), state: z.array(roomHit.shape.state) }),
    }),
    access: 'receptionist',
  }),
  'roster.get': def({ input: z.object({ id }), output: residentDetail, access: 'receptionist' }),
  /** Full phone number; needs a reason and is written to the audit chain. */
  'roster.revealPhone': def({ input: z.object({ id, reason }), output: z.object({ phone: z.string() }), access: 'receptionist' }),
  'roster.stats': def({
    input: empty,
    output: z.object({ buildings: z.number().int(), rooms: z.number().int(), residents: z.number().int() }),
    access: 'receptionist',
  }),
  'roster.buildings.list': def({ input: empty, output: z.array(buildingView), access: 'receptionist' }),
  'roster.buildings.create': def({
    input: z.object({
      code: line()
        .trim()
        .regex(/^[0-9A-Za-z]{1,8}$/, { message: '楼栋编号只能是 1–8 位数字或字母，例如 3 或 A2' }),
      name: line().trim().max(40).optional(),
    }),
    output: buildingView,
    access: 'supervisor',
  }),
  /** Starts parsing and checking a CSV/XLSX file; nothing is written until roster.import.commit. */
  'roster.import.start': def({
    input: z.object({
      fileName: line().min(1).max(260),
      /** file bytes, base64 */
      data: line()
        .min(1)
        .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
      createBuildings: z.boolean(),
    }),
    output: z.object({ jobId: z.string() }),
    access: 'supervisor',
    maxBytes: Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4096,
  }),
  'roster.import.status': def({ input: z.object({ jobId: line().max(64) }), output: importStatus, access: 'supervisor' }),
  'roster.import.commit': def({
    input: z.object({ jobId: line().max(64), skipErrors: z.boolean() }),
    output: importStatus,
    access: 'supervisor',
  }),
  'roster.import.cancel': def({ input: z.object({ jobId: line().max(64) }), output: ok, access: 'supervisor' }),
  /** The import screen's warning: the last import did not finish (importing the same file again completes it). */
  'roster.import.unfinished': def({ input: empty, output: importUnfinished.nullable(), access: 'supervisor' }),
} as const;
