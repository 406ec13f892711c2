import ExcelJS from 'exceljs';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { ReportView } from '@shared/contract/reports';
import { isDate, monthOf, weekOf, type PropertyCalendar } from '@shared/calendar';
import { periodFigures } from './period-figures';
import type { RequestsService } from '../requests/requests.service';
import type { SessionOperator } from '../operators/sessions';
import type { VisitReportRow } from '../visitors/visits.service';
import { METHOD_ZH } from '../fees/fee-items';
import type { PayMethod } from '../../db/schema';

const CATEGORY_ZH: Record<string, string> = {
  property: '物业费',
  utility: '水电',
  parking: '停车',
  card: '卡费',
  service: '有偿服务',
  deposit: '押金',
  other: '其他',
};
const KIND_ZH: Record<string, string> = { repair: '报修', complaint: '投诉', suggestion: '建议', enquiry: '咨询' };

/** The calendar days of the day, week (Monday first) or month around `date`. */
export function periodDays(period: ReportView['period'], date: string): { from: string; to: string } {
  if (period === 'day') return { from: date, to: date };
  return period === 'week' ? weekOf(date) : monthOf(date);
}

/** 统计报表: every feature's figures for a period, from the same aggregates as the nightly summary. */
export class ReportsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly ctx: {
      terminalId: () => string;
      overdueDays: () => number;
      requests: Pick<RequestsService, 'stats'>;
      calendar: PropertyCalendar;
      /** the visits of a window for the XLSX (names masked unless revealed with a reason, audited there) */
      visits: (from: string, to: string, reveal?: { reason: string; actor: SessionOperator }) => VisitReportRow[];
    },
  ) {}

  period(period: ReportView['period'], date: string): ReportView {
    if (!isDate(date)) throw new AppError('BAD_INPUT', '日期不对：请选择一个真实的日期，例如 2026-12-07。');
    const days = periodDays(period, date);
    const range = this.ctx.calendar.days(days.from, days.to);
    const from = new Date(range.from);
    const to = new Date(range.to);
    const p = periodFigures(this.sql, {
      terminalId: this.ctx.terminalId(),
      from,
      to,
      overdueDays: this.ctx.overdueDays(),
      now: this.clock.now(),
      auditHead: false,
    });
    if (!p.parcels.available || !p.keys.available || !p.cards.available || !p.serviceRequests.available || !p.visitors.available)
      throw new AppError('INTERNAL', '统计数据不完整：请联系技术支持。');
    const { changes: _changes, ...cards } = p.cards;
    return {
      period,
      ...days,
      fees: p.fees,
      parcels: p.parcels,
      keys: p.keys,
      cards,
      requests: this.ctx.requests.stats(days.from, days.to),
      requestsSummary: p.serviceRequests,
      visitors: p.visitors,
    };
  }

  /**
   * The PDF of the report on screen: only the Electron shell can lay a page out as PDF (its transport fills in the
   * file); here, the file name from the title and `supported: false` (the browser host prints the page instead).
   */
  pdf(title: string): { supported: boolean; fileName: string; data: string } {
    return { supported: false, fileName: `${title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`, data: '' };
  }

  async exportXlsx(
    period: ReportView['period'],
    date: string,
    reveal?: { reason: string; actor: SessionOperator },
  ): Promise<{ fileName: string; data: string }> {
    const r = this.period(period, date);
    const range = this.ctx.calendar.days(r.from, r.to);
    const visits = this.ctx.visits(range.from, range.to, reveal);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'LobbyDesk';
    const yuan = (fen: number) => fen / 100;
    const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
      const ws = wb.addWorksheet(name);
      ws.addRow(header).font = { bold: true };
      for (const row of rows) ws.addRow(row);
      ws.columns.forEach((c) => (c.width = 18));
    };
    sheet(
      '概览',
      ['项目', '数值'],
      [
        ['期间', `${r.from} 至 ${r.to}`],
        ['收据张数', r.fees.receipts.count],
        ['收款（元）', yuan(r.fees.receipts.amountFen)],
        ['作废', r.fees.voids.count],
        ['退款', r.fees.refunds.count],
        ['净收（元）', yuan(r.fees.netFen)],
        ['快递入库', r.parcels.in],
        ['快递取件', r.parcels.out.pickedUp],
        ['期末在库', r.parcels.inStockAtEnd],
        ['期末滞留', r.parcels.overdueAtEnd],
        ['钥匙借出', r.keys.lent],
        ['钥匙归还', r.keys.returned],
        ['门禁卡发卡', r.cards.issued],
        ['门禁卡挂失', r.cards.lost],
        ['报修投诉登记', r.requests.total],
        ['按时派工', r.requests.dispatchWithinTarget],
        ['派工用时中位数（分钟）', r.requests.medianDispatchMs === null ? null : Math.round(r.requests.medianDispatchMs / 6000) / 10],
        ['完成用时中位数（分钟）', r.requests.medianCloseMs === null ? null : Math.round(r.requests.medianCloseMs / 6000) / 10],
        ['回访率', r.requests.callbackRate],
        ['平均满意度', r.requests.meanSatisfaction],
        ['来访登记（批）', r.visitors.visits],
        ['来访人数', r.visitors.people],
        ['访客通行证发出', r.visitors.visitorPasses.issued],
        ['临时出入证发出', r.visitors.workerPasses.issued],
        ['临时出入证过期未还', r.visitors.workerPasses.expired],
        ['搬运放行条开具', r.visitors.removalPasses.issued],
        ['搬运放行条核验', r.visitors.removalPasses.verified],
      ],
    );
    sheet(
      '收费项目',
      ['项目', '类别', '笔数', '金额（元）'],
      r.fees.byItem.map((i) => [i.name, CATEGORY_ZH[i.category] ?? i.category, i.lines, yuan(i.amountFen)]),
    );
    sheet(
      '付款方式',
      ['方式', '笔数', '金额（元）'],
      r.fees.byMethod.map((m) => [METHOD_ZH[m.method as PayMethod] ?? m.method, m.payments, yuan(m.amountFen)]),
    );
    sheet(
      '报修投诉',
      ['类型/类别', '数量'],
      [...r.requests.byKind.map((k) => [KIND_ZH[k.kind] ?? k.kind, k.count]), ...r.requests.byCategory.map((c) => [c.category, c.count])],
    );
    sheet(
      '快递',
      ['快递公司', '入库', '出库'],
      r.parcels.byCarrier.map((c) => [c.carrier, c.in, c.out]),
    );
    sheet(
      '访客',
      ['到访时间', '通行证号', reveal ? '访客' : '访客（已遮盖）', '人数', '房号/去处', '事由', '离开时间', '状态'],
      visits.map((v) => [v.checkedInAt, v.passNo, v.name, v.partySize, v.place, v.purpose, v.checkedOutAt, v.status]),
    );
    sheet(
      '通行证与放行',
      ['项目', '发出/开具', '交回', '过期未还', '作废', '遗失', '核验'],
      [
        [
          '访客通行证',
          r.visitors.visitorPasses.issued,
          r.visitors.visitorPasses.returned,
          r.visitors.visitorPasses.expired,
          r.visitors.visitorPasses.void,
          null,
          null,
        ],
        [
          '临时出入证',
          r.visitors.workerPasses.issued,
          r.visitors.workerPasses.returned,
          r.visitors.workerPasses.expired,
          r.visitors.workerPasses.void,
          r.visitors.workerPasses.lost,
          null,
        ],
        ['搬运放行条', r.visitors.removalPasses.issued, null, null, r.visitors.removalPasses.void, null, r.visitors.removalPasses.verified],
      ],
    );
    const buf = await wb.xlsx.writeBuffer();
    return { fileName: `统计报表_${r.from}_${r.to}.xlsx`, data: Buffer.from(buf).toString('base64') };
  }
}
