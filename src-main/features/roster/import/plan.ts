import type { ImportIssue, ImportPreviewRow } from '@shared/contract';
import { maskPhone } from '@shared/mask';
import { KIND_ZH } from '../rules';
import type { CheckedRow, Kind } from './validate';

/**
 * Checked rows + what the database holds now → what each row will do (new / update / unchanged / error).
 * Pure: the service loads the snapshot; the same function runs at preview and again inside the commit
 * transaction, so a commit can tell when the roster changed under the preview.
 */

export interface ExistingResident {
  id: number;
  kind: Kind;
  phone: string | null;
  moveIn: string | null;
  moveOut: string | null;
  note: string;
}

export interface Snapshot {
  /** building code → id */
  buildings: Map<string, number>;
  /** unitKey(building, unit) → id */
  units: Map<string, number>;
  /** room code → room */
  rooms: Map<string, { id: number; areaCm2: number | null }>;
  /** residentKey(room code, name) → resident */
  residents: Map<string, ExistingResident>;
}

export const unitKey = (building: string, unit: string): string => `${building}\u0000${unit}`;
export const residentKey = (roomCode: string, name: string): string => `${roomCode}\u0000${name}`;

export type RowStatus = 'new' | 'update' | 'unchanged' | 'error';

export interface RowPlan {
  status: RowStatus;
  /** Changed fields, in Chinese (电话, 类型, 入住日期 …). */
  changes: string[];
  existing: ExistingResident | null;
  /** This row sets the room's area (the first row of the room that gives a different one). */
  setArea: boolean;
}

export interface Plan {
  rows: RowPlan[];
  /** Problems that depend on the database (unknown building, dates that clash with stored ones). */
  issues: ImportIssue[];
  buildingsToCreate: string[];
  counts: Record<RowStatus, number>;
}

/** Natural order for building codes: 2 before 10, then letters. */
export function compareCodes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function planImport(rows: readonly CheckedRow[], snap: Snapshot, createBuildings: boolean): Plan {
  const issues: ImportIssue[] = [];
  const toCreate = new Set<string>();
  const areaDone = new Set<string>();
  const counts: Record<RowStatus, number> = { new: 0, update: 0, unchanged: 0, error: 0 };
  const out: RowPlan[] = rows.map((r) => {
    const p: RowPlan = { status: 'error', changes: [], existing: null, setArea: false };
    if (!r.ok) {
      counts.error++;
      return p;
    }
    if (!snap.buildings.has(r.building)) {
      if (createBuildings) toCreate.add(r.building);
      else {
        issues.push({
          row: r.n,
          column: '楼栋',
          message: `楼栋 ${r.building} 不存在：请先在「楼栋」里新建该楼栋，或点「自动新建楼栋并重新检查」；也请检查楼栋号是否写错`,
        });
        counts.error++;
        return p;
      }
    }
    const room = snap.rooms.get(r.roomCode);
    const ex = room ? (snap.residents.get(residentKey(r.roomCode, r.name)) ?? null) : null;
    const moveIn = r.moveIn ?? ex?.moveIn ?? null;
    const moveOut = r.moveOut ?? ex?.moveOut ?? null;
    if (moveIn && moveOut && moveOut < moveIn) {
      issues.push({
        row: r.n,
        column: r.moveOut ? '迁出日期' : '入住日期',
        message: `迁出日期 ${moveOut} 会早于入住日期 ${moveIn}（另一个日期是名册里已有的）：请在文件中把两个日期都填上`,
      });
      counts.error++;
      return p;
    }
    if (r.area !== null && !areaDone.has(r.roomCode)) {
      areaDone.add(r.roomCode);
      if (room && room.areaCm2 !== r.area) {
        p.setArea = true;
        p.changes.push('面积');
      }
    }
    p.existing = ex;
    if (!ex) {
      p.status = 'new';
    } else {
      const c: string[] = [];
      if (r.kind !== null && r.kind !== ex.kind) c.push('类型');
      if (r.phone !== null && r.phone !== ex.phone) c.push('电话');
      if (r.moveIn !== null && r.moveIn !== ex.moveIn) c.push('入住日期');
      if (r.moveOut !== null && r.moveOut !== ex.moveOut) c.push('迁出日期');
      if (r.note !== null && r.note !== ex.note) c.push('备注');
      p.changes = [...c, ...p.changes];
      p.status = p.changes.length > 0 ? 'update' : 'unchanged';
    }
    counts[p.status]++;
    return p;
  });
  return { rows: out, issues, buildingsToCreate: [...toCreate].sort(compareCodes), counts };
}

/** One line of the preview table. Phones masked; the kind in Chinese. */
export function previewRow(r: CheckedRow, p: RowPlan): ImportPreviewRow {
  const kind = r.kind ?? p.existing?.kind ?? (p.status === 'error' ? null : 'owner');
  return {
    row: r.n,
    status: p.status,
    roomCode: r.roomCode || r.roomText,
    name: r.name,
    kind: kind ? KIND_ZH[kind] : r.kindText,
    phoneMasked: r.phone ? maskPhone(r.phone) : maskPhone(r.phoneText.replace(/\D/g, '')),
    changes: p.changes,
  };
}

/** Fingerprint of a plan: a commit refuses when the roster changed so that the preview no longer holds. */
export function planFingerprint(p: RowPlan): string {
  return `${p.status}|${p.changes.join(',')}`;
}
