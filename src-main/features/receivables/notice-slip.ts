import type { SlipLine } from '../../devices/printer/receipt';
import { formatFen } from '@shared/money';
import { localDateTime } from '@shared/calendar';
import type { NoticeLine, NoticeView } from '@shared/contract/arrears';
import { NOTICE_TITLE } from './notices.service';

const yuan = (fen: number) => `￥${formatFen(fen, { grouping: true })}`;

/** A notice line in words: 物业费 2025-11 至 2026-11（13 个月）; opening arrears: 物业费 原系统欠费. */
export function periodText(l: NoticeLine): string {
  if (l.kind === 'opening') return `${l.name} 原系统欠费`;
  return l.fromMonth === l.toMonth ? `${l.name} ${l.fromMonth}（1 个月）` : `${l.name} ${l.fromMonth} 至 ${l.toMonth}（${l.months} 个月）`;
}

/** The short form of a notice for the receipt printer: number, room, the periods and amounts owed, how to pay, contact. */
export function noticeSlip(n: NoticeView, timeZone: string): { title: string; lines: SlipLine[] } {
  return {
    title: NOTICE_TITLE[n.kind],
    lines: [
      ...(n.propertyName ? [n.propertyName] : []),
      ['编号', n.noticeNo],
      ['房号', n.roomCode],
      ['业主', n.ownerMasked ?? '—'],
      ['截至', n.thisMonth],
      { rule: true },
      { heading: '欠费明细' },
      ...n.lines.map((l) => [periodText(l), yuan(l.amountFen)] as const),
      ['合计', yuan(n.owedFen)],
      ...(n.lateFeeFen > 0 ? [['违约金（另计）', yuan(n.lateFeeFen)] as const] : []),
      { rule: true },
      `交费方式：${n.howToPay}`,
      `联系方式：${n.contact}`,
      ['开具', localDateTime(n.at, timeZone)],
      ['经办', n.operatorName],
      '请尽快交费，已交请忽略本通知。谢谢配合！',
    ],
  };
}
