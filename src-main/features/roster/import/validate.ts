import type { ImportIssue } from '@shared/contract';
import { formatArea, isHan, nameKeys, normalisePhone, parseArea, parseDate, parseKind, parseRoom, roomCode, toHalfWidth, type RoomRef } from '../rules';
import { FIELD_ZH, type Field, type Header } from './columns';
import type { Cell, RawRow } from './parse';

/**
 * Pure row checks: raw cells → a normalised row and the problems found, each with the file row number,
 * the column and a Chinese message that says what to do. No database here; file-level checks
 * (duplicates, one area per room) are kept by RowChecker across rows.
 */

export type Kind = 'owner' | 'tenant' | 'family';

export interface CheckedRow {
  /** File row number (as Excel shows it). */
  n: number;
  /** No problem found in the row itself (the database check may still find an unknown building). */
  ok: boolean;
  building: string;
  unit: string;
  number: string;
  /** `3-2-501`; empty when the room could not be read. */
  roomCode: string;
  /** What the file said, for the preview table when the room could not be read. */
  roomText: string;
  name: string;
  initials: string;
  pinyin: string;
  /** null = not given in the file: existing residents keep theirs, new ones get the default. */
  kind: Kind | null;
  kindText: string;
  phone: string | null;
  phoneText: string;
  moveIn: string | null;
  moveOut: string | null;
  note: string | null;
  /** Room area in hundredths of a m²; null = not given. */
  area: number | null;
}

export const MAX_NAME = 40;
export const MAX_NOTE = 200;

const ENCODING_HINT = '文件编码可能不对：请在 Excel 中另存为「CSV UTF-8」后重试';
/** U+FFFD, the GBK mojibake of U+FFFD (锟斤拷), uninitialised-memory garbage (烫烫/屯屯), UTF-8 read as Latin-1/cp1252. */
const GARBAGE =
  /\uFFFD|锟斤拷|烫烫|屯屯|[\u00C2-\u00EF][\u00A0-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

export function looksGarbled(s: string): boolean {
  return GARBAGE.test(s);
}

/** What people write for "none" in an optional column. */
const NONE = new Set(['-', '--', '—', '/', '无', '暂无', 'N/A', 'n/a', 'NA', 'null', 'NULL']);

/** A cell as trimmed text ('' for "none"). Numbers lose float noise (89.499999 → 89.5); dates become 2024-03-01. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') {
    const s = c.trim();
    return NONE.has(s) ? '' : s;
  }
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(Number(c.toFixed(6)));
  return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
}

const CN_NUM = '零一二三四五六七八九';

/** 三 → 3, 十二 → 12, 二十一 → 21 (building and unit numbers written in Chinese). Other text is returned as is. */
export function chineseNumber(s: string): string {
  if (!/^[零一二三四五六七八九十]{1,3}$/.test(s)) return s;
  if (!s.includes('十')) return s.length === 1 ? String(CN_NUM.indexOf(s)) : s;
  const [tens, ones] = s.split('十') as [string, string];
  if (tens.length > 1 || ones.length > 1) return s;
  return String((tens ? CN_NUM.indexOf(tens) : 1) * 10 + (ones ? CN_NUM.indexOf(ones) : 0));
}

const CODE = /^[0-9A-Z]{1,8}$/;

/** `3栋`, `3号楼`, `3#`, `A座`, `第三栋`, `３` → `3` / `A`; null when it is not a building code. */
export function normaliseBuilding(input: string): string | null {
  const s = chineseNumber(
    toHalfWidth(input)
      .toUpperCase()
      .replace(/\s/g, '')
      .replace(/^第/, '')
      .replace(/(号楼|号|栋|幢|座|#|楼)$/, ''),
  );
  return CODE.test(s) ? s : null;
}

/** `2单元`, `二单元`, `2` → `2`; '' for no unit; null when it is not a unit code. */
export function normaliseUnit(input: string): string | null {
  const s = chineseNumber(
    toHalfWidth(input)
      .toUpperCase()
      .replace(/\s/g, '')
      .replace(/^第/, '')
      .replace(/(单元|门)$/, ''),
  );
  if (s === '') return '';
  return CODE.test(s) ? s : null;
}

function normaliseNumber(input: string): string | null {
  const s = toHalfWidth(input)
    .toUpperCase()
    .replace(/\s/g, '')
    .replace(/(室|号|房)$/, '');
  return CODE.test(s) ? s : null;
}

/** `3-501` (building-room, no unit) — parseRoom needs 栋/号楼 for that shape. */
function parseShortRoom(input: string): RoomRef | null {
  const m = /^([0-9A-Z]{1,8})\s*-\s*([0-9A-Z]{1,8})$/.exec(toHalfWidth(input).toUpperCase());
  return m ? { building: m[1] as string, unit: '', number: m[2] as string } : null;
}

/** Names: spaces inside a Chinese name are padding (`张  伟` → 张伟); full-width letters → half-width. */
export function normaliseName(input: string): string {
  const s = toHalfWidth(input);
  return isHan(s) ? s.replace(/\s/g, '') : s;
}

function dateValue(c: Cell | undefined): string | Date | number | null {
  if (c === null || c === undefined) return null;
  if (c instanceof Date || typeof c === 'number') return c;
  const s = toHalfWidth(cellText(c)).replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, ''); // "2024-03-01 00:00:00" from exports
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s); // 20240301
  return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : s;
}

type Issue = (field: Field, message: string) => void;

function readDate(c: Cell | undefined, field: Field, issue: Issue): string | null {
  const v = dateValue(c);
  if (v === null || v === '') return null;
  if (typeof v === 'number' && v >= 19000101 && v <= 21001231) return readDate(String(v), field, issue); // 20240301 as a number
  try {
    return parseDate(v);
  } catch (e) {
    const why = e instanceof Error ? e.message : '日期无效';
    issue(field, `${FIELD_ZH[field]}「${cellText(c)}」无法识别（${why}）：请写成 2024-03-01 这样的日期，或留空`);
    return null;
  }
}

function readPhone(c: Cell | undefined, issue: Issue): string | null {
  const s = cellText(c).replace(/^'/, '').replace(/\.0+$/, '');
  if (s === '') return null;
  if (/^\d(\.\d+)?E\+?\d+$/i.test(s)) {
    issue('phone', `电话显示成了科学计数法（${s}），号码已经丢失：请在 Excel 中把电话列设为「文本」格式，重新填写号码后再导入`);
    return null;
  }
  if (/[/,，;；、]/.test(s) && s.split(/[/,，;；、]/).filter((x) => x.trim()).length > 1) {
    issue('phone', '一个格只能填一个电话号码：请只保留一个，其他号码可写在备注里');
    return null;
  }
  const p = normalisePhone(s);
  if (!p) {
    // not shown in full: phones stay masked on screen even when they are wrong
    const digits = s.replace(/\D/g, '');
    const what = digits.length >= 4 ? `（${digits.length} 位数字，尾号 ${digits.slice(-4)}）` : `「${s}」`;
    issue('phone', `电话${what}不是有效的手机或座机号码：手机号应为 1 开头的 11 位数字，座机请带区号（例如 021-12345678）；不知道可留空`);
  }
  return p;
}

/** Keeps state across rows for the file-level checks; call check() on each data row in file order. */
export class RowChecker {
  private readonly seen = new Map<string, number>();
  private readonly areas = new Map<string, { area: number; n: number }>();

  constructor(private readonly header: Header) {}

  private cell(raw: RawRow, f: Field): Cell | undefined {
    const i = this.header.columns[f];
    return i === undefined ? undefined : raw.cells[i];
  }

  check(raw: RawRow): { row: CheckedRow; issues: ImportIssue[] } {
    const issues: ImportIssue[] = [];
    const issue: Issue = (field, message) => issues.push({ row: raw.n, column: FIELD_ZH[field], message });
    const text = (f: Field) => cellText(this.cell(raw, f));

    // Garbled text from a wrong encoding: flag it once per cell, before anything else reads the cell.
    const unreadable = new Set<Field>();
    for (const [f, i] of Object.entries(this.header.columns) as Array<[Field, number]>) {
      const c = raw.cells[i];
      if (typeof c === 'string' && looksGarbled(c)) {
        unreadable.add(f);
        issue(f, `「${FIELD_ZH[f]}」里有乱码，${ENCODING_HINT}`);
      }
    }

    const row: CheckedRow = {
      n: raw.n,
      ok: true,
      building: '',
      unit: '',
      number: '',
      roomCode: '',
      roomText: '',
      name: '',
      initials: '',
      pinyin: '',
      kind: null,
      kindText: '',
      phone: null,
      phoneText: '',
      moveIn: null,
      moveOut: null,
      note: null,
      area: null,
    };

    if (this.cell(raw, 'room') instanceof Date) {
      unreadable.add('room');
      issue('room', '房号被 Excel 自动变成了日期：请把房号列设为「文本」格式，重新填写房号后再导入');
    }
    this.readRoom(row, text, issue, unreadable);
    const roomCols: string[] = [FIELD_ZH.building, FIELD_ZH.unit, FIELD_ZH.room];
    if (row.roomCode === '' && !issues.some((i) => roomCols.includes(i.column))) issue('room', '房号无法识别：请写成 501 这样的房间号，并填好楼栋和单元'); // safety net: never a row without a room

    // name
    const name = normaliseName(text('name'));
    row.name = name;
    if (!unreadable.has('name')) {
      if (name === '') issue('name', '姓名不能为空：请填写住户姓名，或删除这一行');
      else if (name.length > MAX_NAME) issue('name', `姓名太长（${name.length} 个字，最多 ${MAX_NAME} 个）：请检查是否把多个人写在了一格里`);
      else if (/^[\d\s+\-()]+$/.test(name)) issue('name', '姓名一栏是数字：请检查列是否错位（电话、房号是否填进了姓名列）');
      else {
        const keys = nameKeys(name);
        row.initials = keys.initials;
        row.pinyin = keys.pinyin;
      }
    }

    // kind
    const kindText = text('kind');
    row.kindText = kindText;
    if (kindText !== '' && !unreadable.has('kind')) {
      const k = parseKind(kindText);
      if (k) row.kind = k;
      else issue('kind', `类型「${kindText}」无法识别：只能填 业主、租户 或 家属（留空按业主）`);
    }

    // phone
    row.phoneText = text('phone');
    if (!unreadable.has('phone')) row.phone = readPhone(this.cell(raw, 'phone'), issue);

    // dates
    row.moveIn = readDate(this.cell(raw, 'moveIn'), 'moveIn', issue);
    row.moveOut = readDate(this.cell(raw, 'moveOut'), 'moveOut', issue);
    if (row.moveIn && row.moveOut && row.moveOut < row.moveIn) issue('moveOut', `迁出日期 ${row.moveOut} 早于入住日期 ${row.moveIn}：请检查两个日期是否填反了`);

    // area
    const areaText = text('area');
    if (areaText !== '' && !unreadable.has('area')) {
      try {
        row.area = parseArea(areaText);
      } catch {
        issue('area', `面积「${areaText}」无法识别：请填数字（单位 ㎡，最多两位小数），例如 89.5，或留空`);
      }
    }

    // note
    const note = text('note');
    if (note !== '' && !unreadable.has('note')) {
      if (note.length > MAX_NOTE) issue('note', `备注太长（${note.length} 个字，最多 ${MAX_NOTE} 个）：请精简后再导入`);
      else row.note = note;
    }

    this.fileChecks(row, issue);
    row.ok = issues.length === 0;
    return { row, issues };
  }

  private readRoom(row: CheckedRow, text: (f: Field) => string, issue: Issue, unreadable: Set<Field>): void {
    const roomText = text('room');
    const buildingText = this.header.fullRoom ? '' : text('building');
    const unitText = text('unit');
    row.roomText = [buildingText, unitText, roomText].filter(Boolean).join(' ');
    if (unreadable.has('room') || unreadable.has('building') || unreadable.has('unit')) return;
    if (roomText === '') {
      issue('room', '房号不能为空：请填写房号，例如 501');
      return;
    }
    const full = parseRoom(roomText) ?? (this.header.fullRoom ? parseShortRoom(roomText) : null);
    let building: string | null;
    let unit: string | null;
    let number: string | null;
    if (this.header.fullRoom) {
      if (!full) {
        issue('room', `房号「${roomText}」不完整：表格没有「楼栋」列，房号须写完整，例如 3-2-501 或 3栋2单元501`);
        return;
      }
      ({ building, unit, number } = full);
      if (unitText !== '' && full.unit === '') {
        unit = normaliseUnit(unitText);
        if (unit === null) issue('unit', `单元「${unitText}」无法识别：请写单元编号，例如 2 或 2单元，没有单元可留空`);
      }
    } else {
      building = buildingText === '' ? null : normaliseBuilding(buildingText);
      if (buildingText === '') issue('building', '楼栋不能为空：请填写楼栋编号，例如 3');
      else if (!building) issue('building', `楼栋「${buildingText}」无法识别：请写楼栋编号，例如 3、3栋 或 A座`);
      unit = unitText === '' ? '' : normaliseUnit(unitText);
      if (unit === null) issue('unit', `单元「${unitText}」无法识别：请写单元编号，例如 2 或 2单元，没有单元可留空`);
      const unitRoom = /^([0-9A-Z]{1,8})(?:单元|-)([0-9A-Z]{1,8})(?:室|号)?$/.exec(toHalfWidth(roomText).toUpperCase());
      if (full) {
        // the room cell holds a whole room: it must agree with the 楼栋 / 单元 columns
        if (building && full.building !== building) issue('room', `房号「${roomText}」与楼栋「${buildingText}」不一致：请只在房号列写房间号（例如 501）`);
        if (unit && full.unit !== unit) issue('room', `房号「${roomText}」与单元「${unitText}」不一致：请只在房号列写房间号（例如 501）`);
        unit = unit || full.unit;
        number = full.number;
      } else if (unitRoom && !unit) {
        unit = unitRoom[1] as string;
        number = unitRoom[2] as string;
      } else {
        number = normaliseNumber(roomText);
        if (!number) issue('room', `房号「${roomText}」无法识别：只能是数字或字母，例如 501 或 B101`);
      }
    }
    if (building && unit !== null && number) {
      row.building = building;
      row.unit = unit;
      row.number = number;
      row.roomCode = roomCode(building, unit, number);
    }
  }

  private fileChecks(row: CheckedRow, issue: Issue): void {
    if (row.roomCode === '') return;
    if (row.name !== '') {
      const key = `${row.roomCode}\u0000${row.name}`;
      const first = this.seen.get(key);
      if (first !== undefined) issue('name', `与第 ${first} 行重复（同一房间 ${row.roomCode}、同一姓名）：请删除其中一行`);
      else this.seen.set(key, row.n);
    }
    if (row.area !== null) {
      const a = this.areas.get(row.roomCode);
      if (!a) this.areas.set(row.roomCode, { area: row.area, n: row.n });
      else if (a.area !== row.area)
        issue('area', `同一房间 ${row.roomCode} 在第 ${a.n} 行的面积是 ${formatArea(a.area)} ㎡，这里是 ${formatArea(row.area)} ㎡：请统一为同一个面积`);
    }
  }
}
