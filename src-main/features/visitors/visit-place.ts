import type { Sql } from '../../db/sql';
import { AppError } from '../../lib/errors';
import type { VisitView } from '@shared/contract/visitors';
import type { VisitPurpose } from '@shared/contract/visitor-fields';
import * as repo from './visits.repo';

/** Where a visit or pass goes (a room of the roster or a common area, and the zones), and the words of its report rows. */

/** A visit as a row of the report's XLSX sheet. */
export interface VisitReportRow {
  checkedInAt: string;
  passNo: string;
  name: string;
  partySize: number;
  place: string;
  purpose: string;
  checkedOutAt: string;
  status: string;
}

export const PURPOSE_ZH: Record<VisitPurpose, string> = {
  friend: '访友',
  delivery: '送货',
  repair: '维修',
  decoration: '装修',
  agent_viewing: '中介看房',
  interview: '面试',
  other: '其他',
};
export const STATUS_ZH: Record<VisitView['status'], string> = { on_site: '在场', checked_out: '已离开', void: '已作废' };
/** The most rows the report's visitor sheet lists (a month of a busy lobby is well under it). */
export const REPORT_ROWS = 20_000;

/** Resolves the place of a visit or pass: a room of the roster with its building, or 公共区域 with a reason; and the zones. */
export function placeOf(sql: Sql, roomId: number | null, commonAreaReason: string | undefined, zoneIds: readonly number[] | undefined) {
  let room: ReturnType<typeof repo.roomWithBuilding> | undefined;
  if (roomId !== null) {
    room = repo.roomWithBuilding(sql, roomId);
    if (!room) throw new AppError('BAD_INPUT', '这个房号不在名册中：请从名册里选择房号；不是去住户家的，请选「公共区域」并写明去处。', { field: 'roomId' });
  } else if ((commonAreaReason?.trim().length ?? 0) < 2) {
    throw new AppError('BAD_INPUT', '去公共区域请写明去处和事由（至少 2 个字），例如「物业办公室 面试」。', { field: 'commonAreaReason' });
  }
  const ids = zoneIds ?? (room ? [room.building_id] : []);
  const buildings = repo.buildingsByIds(sql, ids);
  if (buildings.length !== new Set(ids).size) throw new AppError('BAD_INPUT', '允许进入的楼栋里有不在名册中的楼栋：请重新选择。', { field: 'zones' });
  return { room: room ?? null, commonAreaReason: room ? null : (commonAreaReason?.trim() ?? null), zones: buildings.map((b) => b.code) };
}
