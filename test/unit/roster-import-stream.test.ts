import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/lib/errors';
import { MAX_ROWS, readRows, type RawRow } from '../../src-main/features/roster/import/parse';
import { workbookPartsFirst } from '../../src-main/features/roster/import/zip-order';
import { rosterRows, xlsxOf, type XCell } from '../support/xlsx';

/** Reads a file as the import does, counting the rows handed over and how far into the file the reader got. */
async function read(bytes: Uint8Array, name: string, maxRows?: number) {
  const rows: RawRow[] = [];
  let bytesRead = 0;
  let error: AppError | null = null;
  try {
    await readRows(bytes, name, (r) => rows.push(r), { ...(maxRows ? { maxRows } : {}), onProgress: (p) => (bytesRead = Math.max(bytesRead, p.bytesRead)) });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e;
  }
  return { rows, error, fractionRead: bytesRead / bytes.length };
}

const names = (n: number) => [...rosterRows(n)].map((r) => r[3]);

describe('XLSX read as a stream', () => {
  it('keeps every Chinese name intact, also where a character straddles two chunks of the unpacked worksheet', async () => {
    const n = 30_000;
    const expected = names(n);
    const r = await read(xlsxOf(rosterRows(n)), 'roster.xlsx');
    expect(r.error).toBeNull();
    expect(r.rows).toHaveLength(n + 1);
    expect(r.rows.filter((row, i) => row.cells[3] !== expected[i]).map((b) => b.cells[3])).toEqual([]);
    // inline strings (no shared-string table) too
    const inline = await read(xlsxOf(rosterRows(n), { sharedStrings: false }), 'roster.xlsx');
    expect(inline.rows.filter((row, i) => row.cells[3] !== expected[i]).map((b) => b.cells[3])).toEqual([]);
  });

  it('stops at the row limit with a message that says how many rows are allowed and to split the file; the rest is never read', async () => {
    const bytes = xlsxOf(rosterRows(60_000));
    const r = await read(bytes, '全体住户.xlsx', 20_000);
    expect(r.error).toMatchObject({ code: 'IMPORT_FAILED', params: { maxRows: 20_000, row: 20_002 } });
    expect(r.error?.message).toContain('一次最多导入 20,000 行');
    expect(r.error?.message).toContain('拆成几个文件');
    // the header + 20,000 rows were handed over, not one more, and about a third of the file was read
    expect(r.rows).toHaveLength(20_001);
    expect(r.fractionRead).toBeGreaterThan(0);
    expect(r.fractionRead).toBeLessThan(0.6);
  });

  it('a workbook without a shared-string table is not unpacked in full before its first row either', async () => {
    const r = await read(xlsxOf(rosterRows(120_000), { sharedStrings: false }), 'inline.xlsx', 20_000);
    expect(r.error?.code).toBe('IMPORT_FAILED');
    expect(r.rows).toHaveLength(20_001);
    expect(r.fractionRead).toBeLessThan(0.5);
  });

  it('moves the workbook parts before the worksheets (the order Excel writes puts them after)', async () => {
    const bytes = xlsxOf([['楼栋', '房号', '姓名'] as XCell[], [1, 101, '张伟']]);
    const before = Buffer.from(bytes).toString('latin1');
    expect(before.indexOf('xl/sharedStrings.xml')).toBeGreaterThan(before.indexOf('xl/worksheets/sheet1.xml'));
    const moved = workbookPartsFirst(bytes);
    expect(moved.moved).toBe(true);
    const text = Buffer.from(moved.bytes).toString('latin1');
    expect(text.indexOf('xl/sharedStrings.xml')).toBeLessThan(text.indexOf('xl/worksheets/sheet1.xml'));
    expect(moved.bytes.length).toBe(bytes.length);
    expect((await read(moved.bytes, 'a.xlsx')).rows.map((r) => r.cells)).toEqual([
      ['楼栋', '房号', '姓名'],
      [1, 101, '张伟'],
    ]);
    // not a zip it can read safely: unchanged
    expect(workbookPartsFirst(Buffer.from('PK\x03\x04garbage', 'latin1')).moved).toBe(false);
  });
});

describe('CSV row limit', () => {
  const csvLines = (n: number) =>
    ['楼栋,单元,房号,姓名,类型,电话', ...Array.from({ length: n }, (_, i) => `${1 + (i % 40)},1,${101 + (i % 3000)},张伟${i},业主,${13800000000 + i}`)].join(
      '\r\n',
    ) + '\r\n';

  it('a GBK CSV over the limit is refused when the limit is passed, with the same message; the rest is not parsed', async () => {
    const bytes = iconv.encode(csvLines(MAX_ROWS + 150_000), 'gbk');
    const r = await read(bytes, '名册.csv');
    expect(r.error).toMatchObject({ code: 'IMPORT_FAILED', params: { maxRows: MAX_ROWS, row: MAX_ROWS + 2 } });
    expect(r.error?.message).toContain(`一次最多导入 ${MAX_ROWS.toLocaleString('zh-CN')} 行`);
    expect(r.error?.message).toContain('拆成几个文件');
    expect(r.rows).toHaveLength(MAX_ROWS + 1);
    expect(r.rows.at(-1)?.cells[3]).toBe(`张伟${MAX_ROWS - 1}`);
    expect(r.fractionRead).toBeLessThan(0.7);
  });

  it('exactly the limit is accepted; blank lines do not count', async () => {
    const text = csvLines(MAX_ROWS).replace('\r\n', '\r\n\r\n\r\n');
    const r = await read(Buffer.from(text, 'utf8'), '名册.csv');
    expect(r.error).toBeNull();
    expect(r.rows).toHaveLength(MAX_ROWS + 1);
    expect(r.rows[1]?.n).toBe(4);
  });
});
