import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors';
import type { ParsedInput } from '@shared/contract';
import type { NoticeView } from '@shared/contract/arrears';
import type { CollectionsService } from './collections.service';
import { NOTICE_TITLE, type NoticesService } from './notices.service';
import { periodText } from './notice-slip';

const BUCKET_ZH: Record<string, string> = { '1-3': '1–3 个月', '4-6': '4–6 个月', '7-12': '7–12 个月', '12+': '12 个月以上' };
const yuan = (fen: number) => fen / 100;
const pct = (bp: number | null) => (bp === null ? null : bp / 10000);

async function workbook(fill: (sheet: (name: string, header: string[], rows: (string | number | null)[][]) => ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LobbyDesk';
  fill((name, header, rows) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((c) => (c.width = 16));
    return ws;
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** The XLSX files of 欠费催缴: the arrears list, the notices for mail merge, the collection figures. Names masked. */
export class ArrearsExports {
  constructor(
    private readonly collections: CollectionsService,
    private readonly noticesService: NoticesService,
  ) {}

  async arrears(input: ParsedInput<'receivables.arrears.export'>): Promise<{ fileName: string; data: string }> {
    const a = this.collections.arrears({ ...input, limit: 1_000_000 });
    const data = await workbook((sheet) => {
      sheet(
        '欠费清单',
        ['楼栋', '房号', '业主（已遮盖）', '欠费月数', '欠费金额（元）', '最早欠费月', '账龄', '最近催缴'],
        a.rows.map((r) => [
          r.buildingName,
          r.roomCode,
          r.ownerMasked,
          r.months,
          yuan(r.owedFen),
          r.oldestMonth,
          BUCKET_ZH[r.bucket] ?? r.bucket,
          r.lastContactDay,
        ]),
      ).getColumn(5).numFmt = '#,##0.00';
      sheet(
        '账龄汇总',
        ['账龄', '金额（元）'],
        [...Object.entries(a.buckets).map(([k, v]) => [BUCKET_ZH[k] ?? k, yuan(v)]), ['合计（所选）', yuan(a.owedFen)], ['截至月份', a.thisMonth]],
      );
    });
    return { fileName: `欠费清单_${a.thisMonth}.xlsx`, data };
  }

  async notices(ids: number[]): Promise<{ fileName: string; data: string }> {
    const list = this.noticesService.get({ ids });
    if (list.length === 0) throw new AppError('NOT_FOUND', '找不到这些通知单：请刷新后重试。');
    const row = (n: NoticeView) => [
      n.noticeNo,
      NOTICE_TITLE[n.kind],
      n.buildingName,
      n.roomCode,
      n.ownerMasked,
      n.thisMonth,
      n.lines.map((l) => `${periodText(l)} ￥${(l.amountFen / 100).toFixed(2)}`).join('；'),
      yuan(n.owedFen),
      yuan(n.lateFeeFen),
      n.howToPay,
      n.contact,
      n.day,
    ];
    const data = await workbook((sheet) => {
      sheet(
        '通知单',
        ['编号', '类型', '楼栋', '房号', '业主（已遮盖）', '截至月份', '欠费明细', '欠费合计（元）', '违约金（元）', '交费方式', '联系方式', '开具日期'],
        list.map(row),
      );
    });
    const first = list[0] as NoticeView;
    const last = list[list.length - 1] as NoticeView;
    return { fileName: `通知单_${first.noticeNo}${list.length > 1 ? `-${last.noticeNo}` : ''}.xlsx`, data };
  }

  async figures(input: ParsedInput<'receivables.figures.export'>): Promise<{ fileName: string; data: string }> {
    const f = this.collections.figures(input);
    const header = ['应收（元）', '实收（元）', '收缴率', '清欠（元）'];
    const nums = (x: { chargedFen: number; collectedFen: number; rateBp: number | null; arrearsCollectedFen: number }) => [
      yuan(x.chargedFen),
      yuan(x.collectedFen),
      pct(x.rateBp),
      yuan(x.arrearsCollectedFen),
    ];
    const data = await workbook((sheet) => {
      sheet('合计', ['期间', ...header], [[f.from === f.to ? f.from : `${f.from} 至 ${f.to}`, ...nums(f.total)]]).getColumn(4).numFmt = '0.00%';
      sheet(
        '按楼栋',
        ['楼栋', ...header],
        f.byBuilding.map((b) => [b.buildingName, ...nums(b)]),
      ).getColumn(4).numFmt = '0.00%';
      sheet(
        '按项目',
        ['项目', ...header],
        f.byItem.map((i) => [i.name, ...nums(i)]),
      ).getColumn(4).numFmt = '0.00%';
    });
    return { fileName: `收缴率_${f.from === f.to ? f.from : f.from.slice(0, 4)}.xlsx`, data };
  }
}
