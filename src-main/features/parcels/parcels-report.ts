import ExcelJS from 'exceljs';
import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { ParcelView } from '@shared/contract/parcels';
import type { ParcelCarrier, ParcelStatus } from '../../db/schema';
import { maskName } from '@shared/mask';
import type { SessionOperator } from '../operators/sessions';
import { roomPrefix } from '../roster/rules';
import { CARRIER_NAMES, normalizeWaybill } from './carriers';
import { readParcelSettings } from './parcel-settings';
import { overdueCutoff, rowSlotLabel } from './parcel-view';
import * as repo from './parcels.repo';
import type { ParcelsService } from './parcels.service';
import { normalizePickupCode } from './pickup-code';
import type { PropertyCalendar } from '@shared/calendar';

export const EXPORT_MAX_DAYS = 92;
export const EXPORT_MAX_ROWS = 100_000;

const STATUS_ZH: Record<ParcelStatus, string> = { in_stock: '在库', picked_up: '已取件', returned: '已退回', written_off: '已核销' };
const CHECK_ZH: Record<string, string> = { code: '取件码', id_card: '身份证', phone: '手机尾号', signature: '签字', known: '本人熟识' };

/** What a search box entry means: pickup code, phone last four, room, waybill, or a recipient's name. */
export function searchKey(q: string | undefined): repo.SearchKey {
  const s = (q ?? '').normalize('NFKC').trim();
  if (!s) return { kind: 'none' };
  const code = normalizePickupCode(s);
  if (code) return { kind: 'code', code };
  if (/^\d{4}$/.test(s)) return { kind: 'phone', last4: s };
  const room = /[-#栋号单元座幢]/.test(s) ? roomPrefix(s) : null;
  if (room) return { kind: 'room', prefix: room };
  const w = normalizeWaybill(s);
  if (/^[0-9A-Z-]{5,}$/.test(w) && /\d/.test(w)) return { kind: 'waybill', prefix: w };
  return { kind: 'name', prefix: s };
}

/** Daily view, search by any field and the XLSX export. */
export class ParcelsReport {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly parcels: ParcelsService,
    private readonly calendar: PropertyCalendar,
  ) {}

  stats(date: string | undefined) {
    const day = date ?? this.calendar.today();
    const { from, to } = this.calendar.day(day);
    const overdueDays = readParcelSettings(this.sql).overdueDays;
    const s = repo.dayStats(this.sql, from, to, overdueCutoff(this.clock.now(), overdueDays));
    return {
      date: day,
      ...s,
      overdueDays,
      byCarrier: s.byCarrier.map((c) => ({ carrier: c.carrier, name: CARRIER_NAMES[c.carrier], in: Number(c.n) })),
    };
  }

  search(f: { q?: string; status?: ParcelStatus; carrier?: ParcelCarrier; date?: string; limit?: number }): ParcelView[] {
    const range = f.date ? this.calendar.day(f.date) : {};
    const rows = repo.search(this.sql, searchKey(f.q), {
      ...(f.status ? { status: f.status } : {}),
      ...(f.carrier ? { carrier: f.carrier } : {}),
      ...range,
      limit: f.limit ?? 50,
    });
    return this.parcels.views(rows);
  }

  /** XLSX of the parcels taken in from `from` to `to` (the property's dates, inclusive). Names masked; no pickup codes. */
  async exportXlsx(
    fromDay: string,
    toDay: string,
    status: ParcelStatus | undefined,
    actor: SessionOperator,
  ): Promise<{ fileName: string; rows: number; data: string }> {
    if (toDay < fromDay) throw new AppError('BAD_INPUT', '结束日期不能早于开始日期。');
    const { from, to } = this.calendar.days(fromDay, toDay);
    if (Date.parse(to) - Date.parse(from) > EXPORT_MAX_DAYS * 86_400_000)
      throw new AppError('BAD_INPUT', `一次最多导出 ${EXPORT_MAX_DAYS} 天：请缩短日期范围。`);
    const rows = repo.forExport(this.sql, from, to, status, EXPORT_MAX_ROWS + 1);
    if (rows.length > EXPORT_MAX_ROWS) throw new AppError('BAD_INPUT', `超过 ${EXPORT_MAX_ROWS} 条：请缩短日期范围。`);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'LobbyDesk';
    const ws = wb.addWorksheet('快递');
    ws.columns = [
      { header: '入库时间', key: 'intake', width: 18 },
      { header: '快递公司', key: 'carrier', width: 10 },
      { header: '单号', key: 'waybill', width: 22 },
      { header: '房号', key: 'room', width: 12 },
      { header: '收件人', key: 'recipient', width: 10 },
      { header: '不在名册', key: 'unlisted', width: 9 },
      { header: '货架', key: 'slot', width: 8 },
      { header: '状态', key: 'status', width: 8 },
      { header: '出库时间', key: 'closed', width: 18 },
      { header: '领取人', key: 'collector', width: 10 },
      { header: '核验', key: 'check', width: 10 },
      { header: '代取', key: 'proxy', width: 6 },
      { header: '退回/核销原因', key: 'reason', width: 24 },
      { header: '入库人', key: 'by', width: 10 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows) {
      ws.addRow({
        intake: this.calendar.dateTime(r.intake_at),
        carrier: CARRIER_NAMES[r.carrier],
        waybill: r.waybill,
        room: r.room_code ?? '',
        recipient: maskName(r.recipient || null) ?? '',
        unlisted: r.unlisted === 1 ? '是' : '',
        slot: rowSlotLabel(r) ?? '',
        status: STATUS_ZH[r.status],
        closed: r.closed_at ? this.calendar.dateTime(r.closed_at) : '',
        collector: maskName(r.collector || null) ?? '',
        check: r.check_method ? (CHECK_ZH[r.check_method] ?? r.check_method) : '',
        proxy: r.proxy === 1 ? '是' : '',
        reason: r.return_reason ?? r.writeoff_reason ?? '',
        by: r.intake_by_name,
      });
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    this.sql.tx(() =>
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'parcel.export',
        entity: 'parcel',
        entityId: '*',
        detail: { from: fromDay, to: toDay, status: status ?? null, rows: rows.length },
      }),
    );
    return { fileName: `快递_${fromDay}_${toDay}.xlsx`, rows: rows.length, data: buf.toString('base64') };
  }
}
