import type { SlipLine } from '../../devices/printer/receipt';
import { printedTime } from '../../devices/printer/receipt';
import type { HandoverView } from '../../contract/handover';

const PRIORITY: Record<string, string> = { high: '紧急', normal: '普通', low: '不急' };
const STATUS: Record<string, string> = { open: '待确认', accepted: '已接受', queried: '有疑问', done: '已完成' };

/** The handover slip (交接单) for the receipt printer: the summary as it was, notes and items. Already masked. */
export function handoverSlipLines(h: HandoverView, propertyName: string, timeZone: string): SlipLine[] {
  const at = (iso: string) => printedTime(iso, timeZone);
  const s = h.summary;
  const part = <T extends { available: boolean }>(v: T, text: (x: T) => string) => (v.available ? text(v) : '暂无数据');
  const lines: SlipLine[] = [
    ...(propertyName ? [{ heading: propertyName }] : []),
    ['交班', `${h.fromName} ${at(h.createdAt)}`],
    ['接班', h.acknowledgedByName ? `${h.acknowledgedByName} ${at(h.acknowledgedAt ?? h.createdAt)}` : '未确认'],
    { rule: true },
    ['备用金', part(s.cash, (c) => ('open' in c && c.open ? `${c.operatorName ?? ''} 开班中` : '无未结班'))],
    ['钥匙', part(s.keys, (k) => ('out' in k ? `借出 ${k.out}，逾期 ${k.overdue}` : ''))],
    ['空白卡', part(s.cards, (c) => ('blankAccess' in c ? `门禁 ${c.blankAccess}，功能 ${c.blankFunction}` : ''))],
    ['快递', part(s.parcels, (p) => ('inStock' in p ? `在库 ${p.inStock}，滞留 ${p.overdue}` : ''))],
    ['报修投诉', part(s.requests, (r) => ('open' in r ? `未完成 ${r.open}，待回访 ${r.toCallBack}` : ''))],
  ];
  if (h.notes) lines.push({ rule: true }, h.notes);
  if (h.items.length) {
    lines.push({ rule: true });
    h.items.forEach((i, n) => {
      lines.push(`${n + 1}. [${PRIORITY[i.priority] ?? i.priority}] ${i.text}${i.roomCode ? `（${i.roomCode}）` : ''}`);
      lines.push(['', `${STATUS[i.status] ?? i.status}${i.ownerName ? ` → ${i.ownerName}` : ''}${i.dueAt ? ` 期限 ${at(i.dueAt)}` : ''}`]);
    });
  }
  return lines;
}
