import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '@shared/contract';
import { AppError } from '../../src-main/lib/errors';
import { findHeader, headerKey } from '../../src-main/features/roster/import/columns';
import { decodeText, parseCsv, readTable, sniffFormat, xlsxCell } from '../../src-main/features/roster/import/parse';
import { planImport, previewRow, residentKey, unitKey, type Snapshot } from '../../src-main/features/roster/import/plan';
import { chineseNumber, normaliseBuilding, normaliseUnit, RowChecker, type CheckedRow } from '../../src-main/features/roster/import/validate';
import { FIXTURES, xlsxFixture } from '../fixtures/roster/make-fixtures';

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** The pure part of an import: bytes → checked rows and issues, as the service runs it. */
async function check(bytes: Uint8Array, name = 'roster.csv') {
  const table = await readTable(bytes, name);
  const header = findHeader(table.rows);
  const checker = new RowChecker(header);
  const rows: CheckedRow[] = [];
  const issues: ImportIssue[] = [];
  for (const raw of table.rows.slice(header.index + 1)) {
    const r = checker.check(raw);
    rows.push(r.row);
    issues.push(...r.issues);
  }
  return { encoding: table.encoding, header, rows, issues };
}

async function importError(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

const issueAt = (issues: ImportIssue[], row: number) => issues.filter((i) => i.row === row);

describe('file format and encoding', () => {
  it('reads a UTF-8 CSV with a BOM (Excel "CSV UTF-8")', async () => {
    const r = await check(fixture('roster-utf8-bom.csv'));
    expect(r.encoding).toBe('UTF-8');
    expect(r.rows.map((x) => x.name)).toEqual(['张伟', '曾国藩', '单田芳']);
    expect(r.rows[0]?.roomCode).toBe('1-1-101');
    expect(r.rows[1]).toMatchObject({ phone: '13512345606', moveIn: '2020-03-15', kind: 'tenant', note: '备注里有逗号,也没关系' });
    expect(r.rows[2]).toMatchObject({ moveIn: '2021-06-01', kind: 'family', phone: null, area: 12000 });
    expect(r.issues).toEqual([]);
  });

  it('reads a GBK CSV saved by Chinese Excel: names come out right, aliases and 1栋 / 2号楼 understood', async () => {
    const bytes = fixture('roster-gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await check(bytes);
    expect(r.encoding).toBe('GB18030');
    expect(r.rows.map((x) => x.name)).toEqual(['张伟', '曾国藩', '单田芳']);
    expect(r.rows.map((x) => x.roomCode)).toEqual(['1-1-101', '1-1-102', '2-2-301']);
    expect(r.rows.map((x) => x.moveIn)).toEqual(['2019-05-01', '2020-03-15', '2021-06-01']);
    expect(r.issues).toEqual([]);
  });

  it('detects GBK for a whole realistic roster (the sample roster saved as plain CSV by Chinese Excel)', async () => {
    const gbk = iconv.encode(fixture('sample-roster.csv').toString('utf8'), 'gbk');
    const r = await check(gbk);
    expect(r.encoding).toBe('GB18030');
    expect(r.rows).toHaveLength(30);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => x.name)).toContain('曾国华');
  });

  it('reads surnames as surnames for the pinyin keys (曾 zeng, 单 shan)', async () => {
    const r = await check(fixture('roster-gbk.csv'));
    expect(r.rows.map((x) => x.initials)).toEqual(['zw', 'zgf', 'stf']);
    expect(r.rows[1]?.pinyin).toBe('zengguofan');
    expect(r.rows[2]?.pinyin).toBe('shantianfang');
  });

  it('detects semicolon and tab delimiters', async () => {
    for (const sep of [';', '\t']) {
      const text = ['楼栋', '房号', '姓名', '电话'].join(sep) + '\n' + ['3', '501', '张伟', '13800138000'].join(sep) + '\n';
      const r = await check(utf8(text));
      expect(r.rows[0]).toMatchObject({ roomCode: '3-501', name: '张伟', phone: '13800138000' });
    }
  });

  it('keeps the row numbers Excel shows: blank lines and quoted line breaks do not shift them', () => {
    const rows = parseCsv('楼栋,房号,姓名,备注\r\n1,101,张伟,"两行\r\n备注"\r\n\r\n1,102,李娜,\r\n');
    expect(rows.map((r) => r.n)).toEqual([1, 2, 4]);
  });

  it('reads UTF-16 text ("Unicode 文本" from Excel)', async () => {
    const text = '楼栋\t房号\t姓名\r\n1\t101\t张伟\r\n';
    const r = await check(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(r.encoding).toBe('UTF-16LE');
    expect(r.rows[0]?.name).toBe('张伟');
  });

  it('picks XLSX by content, not by the file name', () => {
    expect(sniffFormat(Buffer.from('PK\x03\x04rest', 'latin1'), 'roster.csv')).toBe('xlsx');
    expect(sniffFormat(utf8('楼栋,房号,姓名'), 'roster.xlsx')).toBe('csv');
  });

  it('refuses legacy .xls, empty, PDF and binary files with a message that says what to do', async () => {
    const xls = await importError(() => sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '名册.xls'));
    expect(xls.code).toBe('IMPORT_FAILED');
    expect(xls.message).toContain('.xls');
    expect(xls.message).toContain('另存为');
    expect((await importError(() => sniffFormat(Buffer.alloc(0), 'a.csv'))).message).toContain('空');
    expect((await importError(() => sniffFormat(utf8('%PDF-1.7 ...'), 'a.pdf'))).message).toContain('PDF');
    expect((await importError(() => sniffFormat(Buffer.from([1, 2, 0, 4]), 'a.bin'))).message).toContain('另存为');
  });

  it('refuses a corrupt zip pretending to be XLSX', async () => {
    const e = await importError(readTable(Buffer.from('PK\x03\x04garbage-garbage', 'latin1'), 'x.xlsx'));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.message).toContain('.xlsx');
  });

  it('a UTF-8 file with one cell pasted from a GBK file stays UTF-8 and that row is flagged', async () => {
    const lines = ['楼栋,房号,姓名,备注', ...Array.from({ length: 10 }, (_, i) => `1,${101 + i},张伟${i},业主自住，按时缴费`)];
    const bytes = Buffer.concat([utf8(lines.join('\n') + '\n1,201,'), iconv.encode('曾国藩', 'gbk'), utf8(',\n')]);
    const r = await check(bytes);
    expect(r.encoding).toBe('UTF-8');
    expect(r.rows[0]?.name).toBe('张伟0');
    expect(r.issues).toEqual([expect.objectContaining({ row: 12, column: '姓名', message: expect.stringContaining('CSV UTF-8') })]);
  });

  it('decodes text as UTF-8 when it is valid, GB18030 otherwise', () => {
    expect(decodeText(utf8('\uFEFF张伟')).text).toBe('张伟');
    expect(decodeText(iconv.encode('曾国藩', 'gbk'))).toEqual({ text: '曾国藩', encoding: 'GB18030' });
  });
});

describe('XLSX', () => {
  it('reads the first worksheet: title row skipped, date cells, numeric phones and rooms, rich text, formulas', async () => {
    const r = await check(fixture('roster.xlsx'), 'roster.xlsx');
    expect(r.encoding).toBe('XLSX');
    expect(r.header.n).toBe(2);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => x.n)).toEqual([3, 4, 5]);
    expect(r.rows.map((x) => x.name)).toEqual(['张伟', '曾国藩', '单田芳']);
    expect(r.rows.map((x) => x.roomCode)).toEqual(['1-1-101', '1-1-102', '2-2-301']);
    expect(r.rows.map((x) => x.phone)).toEqual(['13800138001', '13512345606', '13812345678']);
    expect(r.rows.map((x) => x.moveIn)).toEqual(['2019-05-01', '2020-03-15', '2020-02-01']);
    expect(r.rows.map((x) => x.area)).toEqual([8950, 10230, 12000]);
  });

  it('the committed fixture is what the fixture script writes', async () => {
    const fresh = await check(await xlsxFixture(), 'fresh.xlsx');
    const committed = await check(fixture('roster.xlsx'), 'roster.xlsx');
    expect(fresh.rows).toEqual(committed.rows);
  });

  it('turns cell values into text, numbers or dates', () => {
    expect(xlsxCell({ richText: [{ text: '张' }, { text: '伟' }] })).toBe('张伟');
    expect(xlsxCell({ formula: 'A1', result: 13812345678 } as ExcelJS.CellFormulaValue)).toBe(13812345678);
    expect(xlsxCell({ text: '13800001111', hyperlink: 'tel:13800001111' })).toBe('13800001111');
    expect(xlsxCell({ error: '#N/A' } as ExcelJS.CellErrorValue)).toBe('#N/A');
    expect(xlsxCell(true)).toBe('TRUE');
    expect(xlsxCell(null)).toBeNull();
  });

  it('explains a room number that Excel turned into a date', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    ws.addRow(['楼栋', '房号', '姓名']);
    ws.addRow([1, new Date(Date.UTC(2026, 0, 5)), '张伟']);
    const r = await check(Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx');
    expect(r.issues).toEqual([expect.objectContaining({ row: 2, column: '房号', message: expect.stringContaining('文本') })]);
  });

  it('reports a workbook that has only a header as empty of data (the service says so)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow(['楼栋', '房号', '姓名']);
    const t = await readTable(Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx');
    expect(t.rows).toHaveLength(1);
  });
});

describe('header mapping', () => {
  const header = (cells: string[]) => findHeader([{ n: 1, cells }]);

  it('accepts Chinese aliases, decorated names and English', () => {
    expect(header(['*楼号', '单元号', '房间号', '住户姓名（必填）', '身份', '联系电话', '入住时间', '建筑面积(㎡)', '说明']).columns).toEqual({
      building: 0,
      unit: 1,
      room: 2,
      name: 3,
      kind: 4,
      phone: 5,
      moveIn: 6,
      area: 7,
      note: 8,
    });
    expect(header(['Building', 'Unit', 'Room No.', 'Name', 'Type', 'Mobile', 'Move-in', 'Move out', 'Area', 'Remark']).columns).toMatchObject({
      building: 0,
      room: 2,
      name: 3,
      moveIn: 6,
      moveOut: 7,
    });
    expect(headerKey('　手机号 ')).toBe('手机号');
  });

  it('names every missing required column and the accepted header names in one error', async () => {
    const e = await importError(() =>
      findHeader([
        { n: 1, cells: ['单元', '电话', '备注'] },
        { n: 2, cells: ['1', '13800138000', ''] },
      ]),
    );
    expect(e.code).toBe('IMPORT_FAILED');
    for (const s of ['楼栋', '房号', '姓名', '楼号', '房间号', '业主姓名']) expect(e.message).toContain(s);
  });

  it('finds no header at all → says what the first row should be', async () => {
    const e = await importError(() => findHeader([{ n: 1, cells: ['1', '101', '张伟'] }]));
    expect(e.message).toContain('表头');
    expect(e.message).toContain('楼栋');
  });

  it('accepts a single 房号 column with full rooms when there is no 楼栋 column', async () => {
    const r = await check(utf8('房号,姓名\n3-2-501,张伟\n3栋2单元502,李娜\n5-101,王芳\n12号楼1单元1201室,刘洋\n'));
    expect(r.header.fullRoom).toBe(true);
    expect(r.rows.map((x) => x.roomCode)).toEqual(['3-2-501', '3-2-502', '5-101', '12-1-1201']);
    expect(r.issues).toEqual([]);
  });

  it('every row without a readable room gets an issue (never a silent empty room code)', async () => {
    const r = await check(utf8('房号,单元,姓名\n3-501,2,张伟\n3-502,楼上,李娜\n'));
    expect(r.rows[0]?.roomCode).toBe('3-2-501');
    expect(r.rows[1]).toMatchObject({ ok: false, roomCode: '' });
    expect(r.issues).toEqual([expect.objectContaining({ row: 3, column: '单元' })]);
  });

  it('refuses a 房号-only file whose rooms are bare numbers (楼栋 is missing)', async () => {
    const e = await importError(check(utf8('房号,姓名\n501,张伟\n502,李娜\n')));
    expect(e.message).toContain('楼栋');
  });
});

describe('row checks', () => {
  it('reports each bad row with its file row number, the column and a next step', async () => {
    const r = await check(fixture('bad-rows.csv'));
    const at = (row: number) => issueAt(r.issues, row);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([expect.objectContaining({ column: '电话', message: expect.stringContaining('11 位') })]);
    expect(at(4)).toEqual([]); // building 9 is checked against the database, not here
    expect(at(5)).toEqual([expect.objectContaining({ column: '姓名', message: expect.stringContaining('与第 2 行重复') })]);
    expect(at(6)).toEqual([expect.objectContaining({ column: '姓名', message: expect.stringContaining('不能为空') })]);
    expect(at(7)).toEqual([expect.objectContaining({ column: '类型', message: expect.stringContaining('业主、租户 或 家属') })]);
    expect(at(8)).toEqual([expect.objectContaining({ column: '入住日期', message: expect.stringContaining('2024-03-01') })]);
    expect(at(9)).toEqual([expect.objectContaining({ column: '迁出日期', message: expect.stringContaining('早于') })]);
    expect(at(10)).toEqual([expect.objectContaining({ column: '面积' })]);
    expect(at(11)).toEqual([]);
    expect(at(12)).toEqual([expect.objectContaining({ column: '姓名', message: expect.stringContaining('太长') })]);
    expect(at(13)).toEqual([expect.objectContaining({ column: '姓名', message: expect.stringContaining('另存为「CSV UTF-8」') })]);
    expect(r.rows.filter((x) => x.ok).map((x) => x.n)).toEqual([2, 4, 11]);
  });

  it('flags mojibake of UTF-8 read as Latin-1 and GBK 锟斤拷 as an encoding problem', async () => {
    const latin = Buffer.from('张伟', 'utf8').toString('latin1');
    const r = await check(utf8(`楼栋,房号,姓名\n1,101,${latin}\n1,102,锟斤拷\n`));
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, '姓名'],
      [3, '姓名'],
    ]);
    expect(r.issues[0]?.message).toContain('编码');
  });

  it('normalises building and unit codes, full-width digits and padded names', async () => {
    expect(['3栋', '3号楼', '3#', '３', '第三栋', 'a座', ' 12 幢'].map(normaliseBuilding)).toEqual(['3', '3', '3', '3', '3', 'A', '12']);
    expect(normaliseBuilding('阳光大厦')).toBeNull();
    expect(['2单元', '二单元', '', '２'].map(normaliseUnit)).toEqual(['2', '2', '', '2']);
    expect(['十二', '二十一', '三', '十'].map(chineseNumber)).toEqual(['12', '21', '3', '10']);
    const r = await check(utf8('楼栋,单元,房号,姓名,电话\n３栋,2单元,５０１室,张　伟,１３８ ００１３ ８０００\n'));
    expect(r.rows[0]).toMatchObject({ roomCode: '3-2-501', name: '张伟', phone: '13800138000' });
  });

  it('accepts landlines with area code, +86 and phones written as numbers; explains phones lost to scientific notation', async () => {
    const r = await check(
      utf8(
        '楼栋,房号,姓名,电话\n1,101,甲,021-12345678\n1,102,乙,+86 138 0013 8000\n1,103,丙,1.38001E+10\n1,104,丁,12345678\n1,105,戊,13800138000/13900139000\n',
      ),
    );
    expect(r.rows.map((x) => x.phone)).toEqual(['02112345678', '13800138000', null, null, null]);
    expect(issueAt(r.issues, 4)[0]?.message).toContain('科学计数法');
    expect(issueAt(r.issues, 5)[0]?.message).toContain('区号');
    expect(issueAt(r.issues, 6)[0]?.message).toContain('一个');
  });

  it('dates: several written forms, Excel serials, 20240301; impossible dates refused', async () => {
    const r = await check(
      utf8(
        '楼栋,房号,姓名,入住日期\n1,1,a,2024/3/1\n1,2,b,2024.03.01\n1,3,c,2024年3月1日\n1,4,d,20240301\n1,5,e,2024-03-01 00:00:00\n1,6,f,2023-02-29\n1,7,g,—\n',
      ),
    );
    expect(r.rows.map((x) => x.moveIn)).toEqual(['2024-03-01', '2024-03-01', '2024-03-01', '2024-03-01', '2024-03-01', null, null]);
    expect(r.issues.map((i) => i.row)).toEqual([7]);
  });

  it('a room cell that disagrees with the 楼栋 column is an error; 2单元501 in the room cell is understood', async () => {
    const r = await check(utf8('楼栋,房号,姓名\n3,4-2-501,张伟\n3,2单元501,李娜\n3,3-2-502,王芳\n'));
    expect(issueAt(r.issues, 2)[0]).toMatchObject({ column: '房号' });
    expect(r.rows[1]?.roomCode).toBe('3-2-501');
    expect(r.rows[2]?.roomCode).toBe('3-2-502');
  });

  it('two rows of one room with different areas are flagged on the later row', async () => {
    const r = await check(utf8('楼栋,房号,姓名,面积\n1,101,张伟,89.5\n1,101,李娜,90\n1,101,王芳,\n'));
    expect(r.issues).toEqual([expect.objectContaining({ row: 3, column: '面积', message: expect.stringContaining('第 2 行') })]);
  });
});

describe('plan against the roster', () => {
  const snap = (): Snapshot => ({
    buildings: new Map([['1', 1]]),
    units: new Map([[unitKey('1', '1'), 1]]),
    rooms: new Map([['1-1-101', { id: 1, areaCm2: 8950 }]]),
    residents: new Map([[residentKey('1-1-101', '张伟'), { id: 7, kind: 'owner', phone: '13800138001', moveIn: '2019-05-01', moveOut: null, note: '' }]]),
  });

  it('new / update (with the changed fields in Chinese) / unchanged / unknown building', async () => {
    const r = await check(utf8('楼栋,单元,房号,姓名,类型,电话,面积\n1,1,101,张伟,,13800138001,89.5\n1,1,101,张伟伟,,,\n2,1,101,王芳,,,\n'));
    const p = planImport(r.rows, snap(), false);
    expect(p.rows.map((x) => x.status)).toEqual(['unchanged', 'new', 'error']);
    expect(p.issues).toEqual([expect.objectContaining({ row: 4, column: '楼栋', message: expect.stringContaining('楼栋 2 不存在') })]);
    const created = planImport(r.rows, snap(), true);
    expect(created.rows.map((x) => x.status)).toEqual(['unchanged', 'new', 'new']);
    expect(created.buildingsToCreate).toEqual(['2']);

    const changed = await check(utf8('楼栋,单元,房号,姓名,类型,电话,入住日期,面积\n1,1,101,张伟,租户,13900139000,2020-01-01,90\n'));
    const u = planImport(changed.rows, snap(), false);
    expect(u.rows[0]).toMatchObject({ status: 'update', changes: ['类型', '电话', '入住日期', '面积'] });
    expect(previewRow(changed.rows[0] as CheckedRow, u.rows[0]!)).toMatchObject({
      roomCode: '1-1-101',
      kind: '租户',
      phoneMasked: '139****9000',
      status: 'update',
    });
  });

  it('a blank cell keeps what the roster holds', async () => {
    const r = await check(utf8('楼栋,单元,房号,姓名,类型,电话,入住日期,备注\n1,1,101,张伟,,,,\n'));
    expect(planImport(r.rows, snap(), false).rows[0]?.status).toBe('unchanged');
  });

  it('a move-out date before the stored move-in date is an error', async () => {
    const r = await check(utf8('楼栋,单元,房号,姓名,迁出日期\n1,1,101,张伟,2018-01-01\n'));
    const p = planImport(r.rows, snap(), false);
    expect(p.rows[0]?.status).toBe('error');
    expect(p.issues[0]).toMatchObject({ row: 2, column: '迁出日期' });
  });
});
