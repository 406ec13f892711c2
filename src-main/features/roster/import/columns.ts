import { AppError } from '../../../lib/errors';
import { parseRoom, toHalfWidth } from '../rules';
import type { Cell, RawRow } from './parse';

/** Header row → which column holds which field. Chinese names first, common aliases and English accepted. */

export type Field = 'building' | 'unit' | 'room' | 'name' | 'kind' | 'phone' | 'moveIn' | 'moveOut' | 'area' | 'note';

/** The Chinese column name used in messages (ImportIssue.column). */
export const FIELD_ZH: Record<Field, string> = {
  building: '楼栋',
  unit: '单元',
  room: '房号',
  name: '姓名',
  kind: '类型',
  phone: '电话',
  moveIn: '入住日期',
  moveOut: '迁出日期',
  area: '面积',
  note: '备注',
};

/** Accepted header names, the first being the one we suggest. Compared after normalising (see headerKey). */
export const HEADER_ALIASES: Record<Field, string[]> = {
  building: ['楼栋', '楼号', '栋', '楼栋号', '栋号', '楼', '幢', '幢号', '楼宇', 'building', 'bldg', 'block'],
  unit: ['单元', '单元号', 'unit'],
  room: ['房号', '房间号', '室', '房间', '室号', '门牌号', '房屋编号', '房屋', 'room', 'roomno', 'roomnumber'],
  name: ['姓名', '业主姓名', '住户姓名', '租户姓名', '住户', '名字', 'name', 'residentname', 'fullname'],
  kind: ['类型', '身份', '住户类型', '人员类型', '住户身份', '与业主关系', '关系', 'kind', 'type', 'role'],
  phone: ['电话', '手机', '手机号', '手机号码', '联系电话', '电话号码', '联系方式', 'phone', 'mobile', 'tel', 'telephone'],
  moveIn: ['入住日期', '入住时间', '入住', '迁入日期', 'movein', 'moveindate'],
  moveOut: ['迁出日期', '迁出时间', '迁出', '搬离日期', 'moveout', 'moveoutdate'],
  area: ['面积', '建筑面积', '房屋面积', '面积(㎡)', 'area', 'aream2'],
  note: ['备注', '说明', 'note', 'notes', 'remark', 'remarks', 'comment'],
};

const FIELDS = Object.keys(HEADER_ALIASES) as Field[];

/** `*姓名`, `姓名（必填）`, `面积(㎡)`, `Room No.` → comparable keys. */
export function headerKey(cell: Cell): string {
  if (typeof cell !== 'string') return typeof cell === 'number' ? String(cell) : '';
  return toHalfWidth(cell)
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s*:：._\-#/]/g, '')
    .trim();
}

const LOOKUP = new Map<string, Field>();
for (const f of FIELDS) for (const a of HEADER_ALIASES[f]) LOOKUP.set(headerKey(a), f);

export type ColumnMap = Partial<Record<Field, number>>;

export interface Header {
  /** Index into the table's rows of the header row. */
  index: number;
  /** File row number of the header. */
  n: number;
  columns: ColumnMap;
  /** No 楼栋 column: the 房号 column holds full rooms such as 3-2-501 or 3栋2单元501. */
  fullRoom: boolean;
}

function mapRow(cells: Cell[]): ColumnMap {
  const map: ColumnMap = {};
  cells.forEach((c, i) => {
    const f = LOOKUP.get(headerKey(c));
    if (f && map[f] === undefined) map[f] = i; // a repeated header: the first one counts
  });
  return map;
}

function acceptedList(fields: Field[]): string {
  return fields.map((f) => `「${FIELD_ZH[f]}」（也可写作 ${HEADER_ALIASES[f].slice(1, 4).join('、')}）`).join('；');
}

/** Room cells hold a whole room (3-2-501, 3栋2单元501, 3-501)? Decided on the first rows that have one. */
function roomsLookFull(rows: RawRow[], from: number, col: number): boolean {
  let seen = 0;
  let full = 0;
  for (let i = from; i < rows.length && seen < 50; i++) {
    const c = rows[i]?.cells[col];
    if (c === null || c === undefined || String(c).trim() === '') continue;
    seen++;
    const s = String(c);
    if (parseRoom(s) || /^[0-9A-Za-z]{1,8}\s*-\s*[0-9A-Za-z]{1,8}$/.test(toHalfWidth(s))) full++;
  }
  return seen > 0 && full * 2 >= seen;
}

/**
 * Finds the header: the first of the top rows naming at least two known columns (a title row such as
 * 「XX 小区业主名册」 above it is skipped). Missing required columns → one error listing all of them.
 */
export function findHeader(rows: RawRow[]): Header {
  let index = -1;
  let columns: ColumnMap = {};
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const m = mapRow((rows[i] as RawRow).cells);
    if (Object.keys(m).length >= 2) {
      index = i;
      columns = m;
      break;
    }
  }
  if (index < 0) {
    throw new AppError(
      'IMPORT_FAILED',
      `找不到表头：第一行应是列名。必需的列：${acceptedList(['building', 'room', 'name'])}。可选：${FIELDS.filter(
        (f) => !['building', 'room', 'name'].includes(f),
      )
        .map((f) => FIELD_ZH[f])
        .join('、')}。请在第一行写上列名后重试。`,
    );
  }
  const missing: Field[] = [];
  if (columns.room === undefined) missing.push('room');
  if (columns.name === undefined) missing.push('name');
  let fullRoom = false;
  if (columns.building === undefined) {
    fullRoom = columns.room !== undefined && roomsLookFull(rows, index + 1, columns.room);
    if (!fullRoom) missing.unshift('building');
  }
  if (missing.length > 0) {
    const found = FIELDS.filter((f) => columns[f] !== undefined).map((f) => FIELD_ZH[f]);
    throw new AppError(
      'IMPORT_FAILED',
      `表头（第 ${(rows[index] as RawRow).n} 行）缺少必需的列：${missing.map((f) => FIELD_ZH[f]).join('、')}。` +
        `可用的列名：${acceptedList(missing)}` +
        (missing.includes('building') ? '；没有楼栋列时，房号须写完整，例如 3-2-501 或 3栋2单元501' : '') +
        `。已识别的列：${found.join('、') || '无'}。请修改表头后重试。`,
    );
  }
  return { index, n: (rows[index] as RawRow).n, columns, fullRoom };
}
