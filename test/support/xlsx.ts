import zlib from 'node:zlib';

/**
 * A minimal XLSX written fast enough for hundreds of thousands of rows (exceljs takes seconds per 100,000).
 * Parts are in the order Excel writes them: the worksheet before the styles and the shared strings.
 */

export type XCell = string | number | null;

export interface XlsxOptions {
  /** Strings as a shared-string table (what Excel does; default) or inline in the worksheet. */
  sharedStrings?: boolean;
  /** Deflate level (default 1: fast; 9 packs a repetitive sheet as small as Excel would). */
  level?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function zip(files: Array<[string, Buffer]>, level: number): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const packed = zlib.deflateRawSync(data, { level });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(0, 12);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(head, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A workbook with one sheet 名册 holding `rows` (row 1 first). */
export function xlsxOf(rows: Iterable<XCell[]>, opts: XlsxOptions = {}): Buffer {
  const shared = opts.sharedStrings ?? true;
  const strings = new Map<string, number>();
  const parts: Buffer[] = [];
  let xml: string[] = [];
  let r = 0;
  for (const row of rows) {
    r++;
    const cells = row.map((v, i) => {
      if (v === null) return '';
      const ref = `${column(i)}${r}`;
      if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
      if (!shared) return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
      let k = strings.get(v);
      if (k === undefined) strings.set(v, (k = strings.size));
      return `<c r="${ref}" t="s"><v>${k}</v></c>`;
    });
    xml.push(`<row r="${r}">${cells.join('')}</row>`);
    if (xml.length >= 10_000) {
      parts.push(Buffer.from(xml.join(''), 'utf8'));
      xml = [];
    }
  }
  parts.push(Buffer.from(xml.join(''), 'utf8'));
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheet = Buffer.concat([
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${ns}><sheetData>`),
    ...parts,
    Buffer.from('</sheetData></worksheet>'),
  ]);
  const files: Array<[string, Buffer]> = [
    [
      '[Content_Types].xml',
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          (shared
            ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            : '') +
          '</Types>',
      ),
    ],
    [
      '_rels/.rels',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ],
    [
      'xl/workbook.xml',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/>` +
          (shared ? `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
          '</Relationships>',
      ),
    ],
    ['xl/worksheets/sheet1.xml', sheet],
    [
      'xl/styles.xml',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
          '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
      ),
    ],
  ];
  if (shared) {
    const items = [...strings.keys()].map((s) => `<si><t>${esc(s)}</t></si>`);
    files.push([
      'xl/sharedStrings.xml',
      Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`, 'utf8'),
    ]);
  }
  return zip(files, opts.level ?? 1);
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国晓东海燕';

/** A roster of `n` residents: 楼栋 单元 房号 姓名 类型 电话, every (room, name) different. */
export function* rosterRows(n: number): Generator<XCell[]> {
  yield ['楼栋', '单元', '房号', '姓名', '类型', '电话'];
  for (let i = 0; i < n; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
    yield [
      1 + (i % 40),
      1 + (Math.floor(i / 40) % 4),
      `${1 + (Math.floor(i / 160) % 32)}${String(1 + (Math.floor(i / 5120) % 40)).padStart(2, '0')}`,
      name,
      i % 5 === 0 ? '租户' : '业主',
      13800000000 + i,
    ];
  }
}
