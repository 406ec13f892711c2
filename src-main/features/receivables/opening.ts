import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { parseYuan } from '@shared/money';
import type { PropertyCalendar } from '@shared/calendar';
import type { SessionOperator } from '../operators/sessions';
import { readTable, type Cell } from '../roster/import/parse';
import * as repo from './receivables.repo';
import type { ReceivablesService } from './receivables.service';
import { monthIndex, nextMonth } from './rules';

/**
 * Opening balances from the previous system (CSV or XLSX): per room and periodic item, the paid-through month and
 * any old arrears as an amount. The preview checks every row and writes nothing; the confirm plans the rows again
 * and refuses if anything changed since the preview, then writes them in one transaction with one audit entry.
 * The paid-through month becomes the plan's start (the month after it); the arrears one opening charge. Importing
 * again corrects a room's item rather than adding to it, unless something of it was already collected here.
 */

interface Row {
  row: number;
  roomId: number;
  roomCode: string;
  itemId: number;
  itemCode: string;
  paidThrough: string;
  arrearsFen: number;
  change: 'new' | 'changed' | 'same';
}

interface Preview {
  fileName: string;
  rows: Row[];
  errors: Array<{ row: number; message: string }>;
  operatorId: number;
}

const HEADERS = {
  room: ['房号', '房间', 'room'],
  item: ['项目', '项目编号', '收费项目', 'item'],
  paid: ['已交至', '交至', '已缴至', 'paid through'],
  arrears: ['期初欠费', '欠费', '旧欠', 'arrears'],
};

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();

export class OpeningImport {
  private readonly previews = new Map<string, Preview>();

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly receivables: ReceivablesService,
  ) {}

  async preview(fileName: string, base64: string, actor: SessionOperator) {
    const table = await readTable(Buffer.from(base64, 'base64'), fileName);
    const [head, ...body] = table.rows;
    const names = (head?.cells ?? []).map((c) => text(c).toLowerCase());
    const col = (alts: string[]) => names.findIndex((n) => alts.includes(n));
    const cols = { room: col(HEADERS.room), item: col(HEADERS.item), paid: col(HEADERS.paid), arrears: col(HEADERS.arrears) };
    const missing = Object.entries(cols)
      .filter(([k, i]) => i < 0 && k !== 'arrears')
      .map(([k]) => HEADERS[k as keyof typeof HEADERS][0]);
    if (missing.length)
      throw new AppError('IMPORT_FAILED', `第一行应是表头，缺少「${missing.join('」「')}」列：请按模板（房号、项目、已交至、期初欠费）整理后重试。`);
    const items = repo.periodicItems(this.sql);
    const byKey = new Map<string, (typeof items)[number]>();
    for (const i of items) byKey.set(i.code.toUpperCase(), i).set(i.name, i);
    const rows: Row[] = [];
    const errors: Preview['errors'] = [];
    const seen = new Map<string, number>();
    const thisMonth = this.calendar.thisMonth();
    for (const r of body) {
      const err = (message: string) => errors.push({ row: r.n, message: `第 ${r.n} 行：${message}` });
      const roomCode = text(r.cells[cols.room]);
      const itemKey = text(r.cells[cols.item]);
      const paidRaw = text(r.cells[cols.paid]);
      const arrearsRaw = cols.arrears >= 0 ? text(r.cells[cols.arrears]) : '';
      const roomId = roomCode ? repo.roomIdByCode(this.sql, roomCode) : undefined;
      if (!roomId) {
        err(roomCode ? `房号 ${roomCode} 不在名册里：请先导入名册或核对房号` : '房号是空的');
        continue;
      }
      const item = byKey.get(itemKey.toUpperCase()) ?? byKey.get(itemKey);
      if (!item) {
        err(`「${itemKey}」不是周期收费项目：请填写收费计划设置里的项目编号或名称`);
        continue;
      }
      const m = /^(\d{4})[-/.年](\d{1,2})/.exec(paidRaw);
      const paidThrough = m ? `${m[1]}-${String(Number(m[2])).padStart(2, '0')}` : '';
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
        err(`已交至「${paidRaw}」不是月份：请写成 2025-06`);
        continue;
      }
      const start = nextMonth(paidThrough);
      if (start < item.since_month) {
        err(`已交至 ${paidThrough} 早于「${item.name}」的起征月份 ${item.since_month}：请写 ${item.since_month} 的前一个月或以后`);
        continue;
      }
      if (monthIndex(paidThrough) > monthIndex(thisMonth) + 12 || monthIndex(paidThrough) < monthIndex(thisMonth) - 120) {
        err(`已交至 ${paidThrough} 不在合理范围内（10 年前到 1 年后）：请核对`);
        continue;
      }
      let arrearsFen = 0;
      if (arrearsRaw) {
        const a = parseYuan(arrearsRaw, { allowZero: true });
        if (!a.ok) {
          err(`期初欠费：${a.message}`);
          continue;
        }
        arrearsFen = a.fen;
      }
      const key = `${roomId}:${item.item_id}`;
      const dup = seen.get(key);
      if (dup) {
        err(`房号 ${roomCode} 的「${item.name}」与第 ${dup} 行重复：每个房号每个项目只写一行`);
        continue;
      }
      seen.set(key, r.n);
      const change = this.changeOf(roomId, item.item_id, start, paidThrough, arrearsFen);
      if (typeof change !== 'string') {
        err(change.error);
        continue;
      }
      rows.push({ row: r.n, roomId, roomCode, itemId: item.item_id, itemCode: item.code, paidThrough, arrearsFen, change });
    }
    const previewId = randomUUID();
    this.previews.set(previewId, { fileName, rows, errors, operatorId: actor.id });
    return {
      previewId,
      fileName,
      rows: rows.slice(0, 200).map(({ roomId: _r, itemId: _i, ...v }) => v),
      counts: this.counts(rows, errors.length),
      errors: errors.slice(0, 200),
    };
  }

  private counts(rows: Row[], errors: number) {
    return {
      total: rows.length + errors,
      new: rows.filter((r) => r.change === 'new').length,
      changed: rows.filter((r) => r.change === 'changed').length,
      same: rows.filter((r) => r.change === 'same').length,
      errors,
    };
  }

  /** How a row compares with the store: new, changed or the same; an error when it would move something collected here. */
  private changeOf(roomId: number, itemId: number, start: string, paidThrough: string, arrearsFen: number): Row['change'] | { error: string } {
    const plan = repo.planOf(this.sql, roomId, itemId);
    const opening = repo.chargesOf(this.sql, roomId, itemId).filter((c) => c.kind === 'opening');
    const openingFen = opening.reduce((s, c) => s + c.amount_fen, 0);
    if (!plan && opening.length === 0) return 'new';
    if (plan?.start_month === start && plan.first_days === null && openingFen === arrearsFen && (opening.length === 0 || opening[0]?.month === paidThrough))
      return 'same';
    if (repo.settledCountOf(this.sql, roomId, itemId) > 0)
      return { error: '这个房号的这个项目已经在本系统收过费，期初数据不能再改：如需更正，请先作废相关收据' };
    return 'changed';
  }

  confirm(previewId: string, skipErrors: boolean, actor: SessionOperator) {
    const p = this.previews.get(previewId);
    if (!p) throw new AppError('NOT_FOUND', '这次预览已失效（可能已经导入过或程序重启过）：请重新选择文件。');
    if (p.operatorId !== actor.id) throw new AppError('CONFLICT', '这次预览是另一位操作员做的：请重新选择文件。');
    if (p.errors.length > 0 && !skipErrors) throw new AppError('BAD_INPUT', `有 ${p.errors.length} 行有错误：请改好文件后重新导入，或选择跳过错误行。`);
    const counts = this.sql.tx(() => {
      for (const r of p.rows) {
        const now = this.changeOf(r.roomId, r.itemId, nextMonth(r.paidThrough), r.paidThrough, r.arrearsFen);
        if (now !== r.change) throw new AppError('CONFLICT', `第 ${r.row} 行（${r.roomCode}）的数据在预览之后有了变化：请重新预览。`);
      }
      for (const r of p.rows) {
        if (r.change === 'same') continue;
        this.receivables.writePlan({ roomId: r.roomId, itemId: r.itemId, startMonth: nextMonth(r.paidThrough) }, actor, 'import');
        for (const c of repo.chargesOf(this.sql, r.roomId, r.itemId)) if (c.kind === 'opening') repo.deleteCharge(this.sql, c.id);
        if (r.arrearsFen > 0) {
          const room = repo.roomFacts(this.sql, r.roomId);
          repo.insertCharge(this.sql, {
            room_id: r.roomId,
            building_id: room?.building_id ?? 0,
            item_id: r.itemId,
            kind: 'opening',
            month: r.paidThrough,
            base_fen: r.arrearsFen,
            amount_fen: r.arrearsFen,
          });
        }
      }
      const c = this.counts(p.rows, p.errors.length);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'receivables.opening.import',
        entity: 'import',
        entityId: previewId,
        detail: { fileName: p.fileName, ...c, arrearsFen: p.rows.reduce((s, r) => s + r.arrearsFen, 0) },
      });
      return c;
    });
    this.previews.delete(previewId);
    return counts;
  }
}
