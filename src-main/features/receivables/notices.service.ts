import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { appendAudit } from '../../db/audit';
import { maskName } from '@shared/mask';
import { formatFen } from '@shared/money';
import type { PropertyCalendar } from '@shared/calendar';
import type { ParsedInput } from '@shared/contract';
import { noticeLine, noticeSettings, type NoticeLine, type NoticeSettings, type NoticeView } from '@shared/contract/arrears';
import type { DuesView } from '@shared/contract/receivables';
import { getSetting, setSetting } from '../system/settings.repo';
import type { SessionOperator } from '../operators/sessions';
import * as repo from './notices.repo';
import * as recv from './receivables.repo';

export const NOTICE_TITLE = { payment: '交费通知单', reminder: '催缴通知单' } as const;

export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  howToPay: '请到物业服务中心前台交费，现金、微信、支付宝、银行卡均可。',
  contact: '物业服务中心前台',
};

/** Rooms a building batch may hold (the arrears list's own page limit). */
export const MAX_BATCH = 5000;

/** What notices need from around them: a room's dues, a building's owing rooms, the receipt printer, the property's name. */
export interface NoticeSources {
  dues(roomId: number): DuesView;
  /** the owing rooms of a building, by room code */
  owingRooms(buildingId: number): number[];
  printerConfigured(): boolean;
  /** queues a notice on the receipt printer, inside the issuing transaction */
  enqueueSlip(noticeId: number): void;
  propertyName(): string;
}

/** The owed units of a room's dues as notice lines: each item's owed months as one period, opening arrears apart. */
export function noticeLines(dues: DuesView): NoticeLine[] {
  const out: NoticeLine[] = [];
  for (const item of dues.items) {
    for (const u of item.owed.filter((x) => x.kind === 'opening'))
      out.push({ itemId: item.itemId, name: item.name, kind: 'opening', fromMonth: u.month, toMonth: u.month, months: 0, amountFen: u.amountFen });
    const months = item.owed.filter((x) => x.kind === 'month');
    const first = months[0];
    const last = months[months.length - 1];
    if (first && last)
      out.push({
        itemId: item.itemId,
        name: item.name,
        kind: 'month',
        fromMonth: first.month,
        toMonth: last.month,
        months: months.length,
        amountFen: months.reduce((s, x) => s + x.amountFen, 0),
      });
  }
  return out;
}

/**
 * 交费通知单 / 催缴通知单: issued for a room or for every owing room of a building, each numbered (the next number
 * taken in the issuing transaction, so a batch has neither gaps nor duplicates), logged in its room's 催缴 log as
 * 通知单, and kept as issued (periods, amounts, how to pay, contact, the owner's name masked).
 */
export class NoticesService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly src: NoticeSources,
  ) {}

  settings(): NoticeSettings {
    const raw = getSetting(this.sql, 'notice_settings');
    if (!raw) return DEFAULT_NOTICE_SETTINGS;
    try {
      const r = noticeSettings.safeParse(JSON.parse(raw));
      return r.success ? r.data : DEFAULT_NOTICE_SETTINGS;
    } catch {
      return DEFAULT_NOTICE_SETTINGS;
    }
  }

  saveSettings(input: NoticeSettings, actor: SessionOperator): NoticeSettings {
    const at = this.clock.now().toISOString();
    this.sql.tx(() => {
      setSetting(this.sql, 'notice_settings', JSON.stringify(input), at);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'receivables.notices.settings',
        entity: 'settings',
        entityId: 'notice_settings',
        detail: input,
      });
    });
    return this.settings();
  }

  issue(input: ParsedInput<'receivables.notices.issue'>, actor: SessionOperator): { batch: number; ids: number[]; owedFen: number; printed: boolean } {
    if ((input.roomId ? 1 : 0) + (input.buildingId ? 1 : 0) !== 1) throw new AppError('BAD_INPUT', '请选择一个房号，或选择一栋楼批量开具。');
    if (input.print && !this.src.printerConfigured()) throw new AppError('CONFLICT', '还没有设置小票打印机：请在设置里设置打印机，或改为打印 A4。');
    if (input.roomId && !recv.roomFacts(this.sql, input.roomId)) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
    const roomIds = input.roomId ? [input.roomId] : this.src.owingRooms(input.buildingId as number);
    if (roomIds.length > MAX_BATCH) throw new AppError('BAD_INPUT', `这栋楼欠费的房号超过 ${MAX_BATCH} 户：请按单元分批开具。`);
    const owing = roomIds.map((id) => this.src.dues(id)).filter((d) => d.totalFen > 0);
    if (owing.length === 0) throw new AppError('CONFLICT', input.roomId ? '这个房号没有欠费：不用发通知单。' : '这栋楼没有欠费的房号：没有通知单要发。');
    const labels = new Map(
      recv
        .roomLabels(
          this.sql,
          owing.map((d) => d.roomId),
        )
        .map((l) => [l.id, l]),
    );
    const settings = this.settings();
    const now = this.clock.now().toISOString();
    const day = this.calendar.today();
    return this.sql.tx(() => {
      const next = repo.nextNumbers(this.sql);
      const ids: number[] = [];
      let seq = next.seq;
      let owedFen = 0;
      for (const d of owing) {
        const room = recv.roomFacts(this.sql, d.roomId);
        const label = labels.get(d.roomId);
        if (!room || !label) continue;
        const noticeNo = `TZ${String(seq).padStart(6, '0')}`;
        const contactId = recv.insertContact(this.sql, {
          roomId: d.roomId,
          at: now,
          day,
          way: 'notice',
          operatorId: actor.id,
          result: `${NOTICE_TITLE[input.kind]} ${noticeNo}：欠费 ￥${formatFen(d.totalFen, { grouping: true })}`,
          promisedDate: null,
        });
        const id = repo.insertNotice(this.sql, {
          seq,
          notice_no: noticeNo,
          batch: next.batch,
          kind: input.kind,
          room_id: d.roomId,
          building_id: room.building_id,
          room_code: label.code,
          building_name: label.building_name,
          owner_masked: maskName(label.owner),
          this_month: d.thisMonth,
          lines: JSON.stringify(noticeLines(d)),
          owed_fen: d.totalFen,
          late_fee_fen: d.lateFeeFen,
          how_to_pay: settings.howToPay,
          contact: settings.contact,
          contact_id: contactId,
          operator_id: actor.id,
          at: now,
          day,
        });
        if (input.print) this.src.enqueueSlip(id);
        ids.push(id);
        owedFen += d.totalFen;
        seq += 1;
      }
      return { batch: next.batch, ids, owedFen, printed: input.print };
    });
  }

  get(input: { ids?: number[] | undefined; roomId?: number | undefined }): NoticeView[] {
    const rows = input.ids ? repo.noticesByIds(this.sql, input.ids) : input.roomId ? repo.noticesOfRoom(this.sql, input.roomId, 50) : [];
    return rows.map((r) => this.view(r));
  }

  one(id: number): NoticeView {
    const r = repo.noticesByIds(this.sql, [id])[0];
    if (!r) throw new AppError('NOT_FOUND', '找不到这张通知单：请刷新后重试。');
    return this.view(r);
  }

  /** Queues issued notices on the receipt printer again. */
  print(ids: number[]): { queued: number } {
    if (!this.src.printerConfigured()) throw new AppError('CONFLICT', '还没有设置小票打印机：请在设置里设置打印机，或改为打印 A4。');
    return this.sql.tx(() => {
      const rows = repo.noticesByIds(this.sql, ids);
      if (rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', '有的通知单找不到了：请刷新后重试。');
      for (const r of rows) this.src.enqueueSlip(r.id);
      return { queued: rows.length };
    });
  }

  private view(r: repo.NoticeRow): NoticeView {
    return {
      id: r.id,
      noticeNo: r.notice_no,
      batch: r.batch,
      kind: r.kind,
      roomId: r.room_id,
      roomCode: r.room_code,
      buildingName: r.building_name,
      ownerMasked: r.owner_masked,
      thisMonth: r.this_month,
      lines: noticeLine.array().parse(JSON.parse(r.lines)),
      owedFen: r.owed_fen,
      lateFeeFen: r.late_fee_fen,
      howToPay: r.how_to_pay,
      contact: r.contact,
      propertyName: this.src.propertyName(),
      operatorName: r.operator_name,
      at: r.at,
      day: r.day,
    };
  }
}
