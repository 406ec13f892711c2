import type { SlipLine } from '../../devices/printer/receipt';
import { printedTime } from '../../devices/printer/receipt';
import { formatFen } from '@shared/money';
import type { HandoverSummary, HandoverView } from '@shared/contract/handover';

const PRIORITY: Record<string, string> = { high: '紧急', normal: '普通', low: '不急' };
const STATUS: Record<string, string> = { open: '待确认', accepted: '已接受', queried: '有疑问', done: '已完成' };

/** "￥450.00", "-￥20.00": the minus in front of the sign, as reversals print. */
const yuan = (fen: number) => (fen < 0 ? `-￥${formatFen(-fen, { grouping: true })}` : `￥${formatFen(fen, { grouping: true })}`);
const blank = (n: number | null) => (n === null || n < 0 ? '待盘点' : String(n));

/** The shift's cash: each session closed in it (交款单 number, expected, counted, variance, approver), then the open one. */
function cashLines(c: Extract<HandoverSummary['cash'], { available: true }>, at: (iso: string) => string): SlipLine[] {
  const out: SlipLine[] = [];
  for (const s of c.closed) {
    // continuation lines are plain text: a pair with an empty label prints nothing
    out.push(['备用金', `交款单 #${s.sessionId} ${s.operatorName}`]);
    out.push(`  结班 ${at(s.closedAt)}`);
    out.push(`  应有 ${yuan(s.expectedFen)} 实点 ${yuan(s.countedFen)}`);
    out.push(`  差异 ${yuan(s.varianceFen)}${s.approverName ? `（${s.approverName} 审批）` : '（限额内）'}`);
    out.push(`  ${s.handedOverTo ? `已交款 ${s.handedOverTo}` : '尚未交款给财务'}`);
  }
  if (c.open) out.push(['备用金', `${c.operatorName ?? ''} 开班中`]);
  if (!out.length) out.push(['备用金', '本班没有结班，也没有开班中的备用金']);
  return out;
}

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
    ...(s.cash.available ? cashLines(s.cash, at) : [['备用金', '暂无数据'] as const]),
    ['钥匙', part(s.keys, (k) => ('out' in k ? `借出 ${k.out}，逾期 ${k.overdue}` : ''))],
    ['空白卡', part(s.cards, (c) => ('blankAccess' in c ? `门禁 ${blank(c.blankAccess)}，功能 ${blank(c.blankFunction)}` : ''))],
    ['快递', part(s.parcels, (p) => ('inStock' in p ? `在库 ${p.inStock}，滞留 ${p.overdue}` : ''))],
    ['报修投诉', part(s.requests, (r) => ('open' in r ? `未完成 ${r.open}，待回访 ${r.toCallBack}` : ''))],
    ['在场访客', part(s.visitors, (v) => ('onSite' in v ? `${v.onSite} 批 ${v.people} 人，超时 ${v.overdue}` : ''))],
    [
      '临时出入证',
      part(s.visitors, (v) =>
        'workerOut' in v ? `在外 ${v.workerOut}，过期未还 ${v.workerExpired}${v.formsInStock === null ? '' : `，空白表单 ${v.formsInStock}`}` : '',
      ),
    ],
    ['搬运放行', part(s.visitors, (v) => ('removalIssued' in v ? `本班开具 ${v.removalIssued}，核验 ${v.removalVerified}` : ''))],
    ['按月收费', part(s.receivables, (r) => ('settledFen' in r ? `今日 ${yuan(r.settledFen)}，清缴往月 ${yuan(r.earlierMonthsFen)}` : ''))],
    ['交房', part(s.rooms, (r) => ('moveIns' in r ? `本班 ${r.moveIns.length} 户${r.moveIns.length ? `（${r.moveIns.slice(0, 6).join('、')}）` : ''}` : ''))],
    [
      '装修',
      part(s.rooms, (r) =>
        'toReview' in r
          ? `待审核 ${r.toReview}，待验收 ${r.toAccept}，今日待巡查 ${r.patrolsDue.length}${r.patrolsDue.length ? `（${r.patrolsDue.slice(0, 6).join('、')}）` : ''}`
          : '',
      ),
    ],
  ];
  if (h.notes) lines.push({ rule: true }, h.notes);
  if (h.items.length) {
    lines.push({ rule: true });
    h.items.forEach((i, n) => {
      lines.push(`${n + 1}. [${PRIORITY[i.priority] ?? i.priority}] ${i.text}${i.roomCode ? `（${i.roomCode}）` : ''}`);
      lines.push(`  ${STATUS[i.status] ?? i.status}${i.ownerName ? ` → ${i.ownerName}` : ''}${i.dueAt ? ` 期限 ${at(i.dueAt)}` : ''}`);
    });
  }
  return lines;
}
