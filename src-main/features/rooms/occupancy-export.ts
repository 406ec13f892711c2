import ExcelJS from 'exceljs';
import { ROOM_STATE_ZH, type OccupancyCounts, type OccupancyView } from '@shared/contract/rooms';

const STATES = ['undelivered', 'vacant', 'owner_occupied', 'rented', 'renovating'] as const;
const row = (c: OccupancyCounts) => [...STATES.map((s) => c[s]), c.total];

/** 入住率统计 as an XLSX: the property and each building by state, and the month's change. */
export async function occupancyXlsx(v: OccupancyView): Promise<{ fileName: string; data: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LobbyDesk';
  const header = ['楼栋', ...STATES.map((s) => ROOM_STATE_ZH[s]), '合计'];
  const counts = wb.addWorksheet('房屋状态');
  counts.addRow([`${v.month} 房屋状态统计`]).font = { bold: true };
  counts.addRow(header).font = { bold: true };
  for (const b of v.buildings) counts.addRow([b.name || `${b.code}栋`, ...row(b.counts)]);
  counts.addRow(['全小区', ...row(v.property)]).font = { bold: true };
  counts.columns.forEach((c) => (c.width = 14));
  const change = wb.addWorksheet('本月变化');
  change.addRow(['状态', '本月变化']).font = { bold: true };
  for (const s of STATES) change.addRow([ROOM_STATE_ZH[s], v.monthChange[s]]);
  change.addRow(['新建房间', v.monthChange.total]);
  change.columns.forEach((c) => (c.width = 14));
  const buf = await wb.xlsx.writeBuffer();
  return { fileName: `房屋状态统计_${v.month}.xlsx`, data: Buffer.from(buf).toString('base64') };
}
