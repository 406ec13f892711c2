import type { Sql } from '../../db/sql';
import { printedTime, renderSlip, type Rendered, type SlipLine, type Width } from '../../devices/printer/receipt';
import { maskName } from '@shared/mask';
import { localDate } from '@shared/calendar';
import * as passes from './passes.repo';
import * as visits from './visits.repo';
import { PASS_KIND_ZH, zonesOf } from './rules';

const CONSENT_ZH: Record<string, string> = {
  owner: '业主本人申请',
  owner_present: '业主到场同意',
  phone: '电话确认业主同意',
  written: '业主书面授权',
  approval: '主管审批',
};

export interface PassSlipContext {
  propertyName: string;
  timeZone: string;
  width: Width;
  /** the visitor pass prints the room visited (else the building only) */
  showsRoom: boolean;
  /** a reprint: 副本 n */
  copy?: number;
  reprintedAt?: string;
}

/** The room line: the room (or its building only, by setting), or 公共区域. */
function placeLine(roomCode: string | null, zones: string[], showsRoom: boolean): string {
  if (!roomCode) return '公共区域';
  if (showsRoom) return roomCode;
  return zones[0] ? `${zones[0]}栋` : (roomCode.split('-')[0] ?? roomCode);
}

const zonesText = (zones: string[]) => (zones.length ? zones.map((z) => `${z}栋`).join('、') : '公共区域');

/**
 * A pass as the receipt printer prints it: property name, the pass number (also as CODE128 at the bottom, what the
 * scanner reads at check-out or at the gate), the holder masked, where to, valid until, zones, who issued it. A
 * reprint is marked 副本 n. Personal data is masked; an erased holder prints as 已删除.
 */
export function renderPass(sql: Sql, passId: number, ctx: PassSlipContext): Rendered {
  const p = passes.passById(sql, passId);
  if (!p) throw new Error(`pass ${passId} not found`);
  const at = (iso: string) => printedTime(iso, ctx.timeZone);
  const holder = p.erased_at ? '已删除' : (maskName(p.name) ?? '');
  const zones = zonesOf(p.zones);
  const lines: SlipLine[] = [];
  if (ctx.propertyName) lines.push({ heading: ctx.propertyName });
  lines.push(['证号', p.pass_no]);
  if (p.kind === 'visitor') {
    const v = p.visit_id ? visits.visitById(sql, p.visit_id) : undefined;
    lines.push(['访客', v && v.party_size > 1 ? `${holder} 等 ${v.party_size} 人` : holder]);
    lines.push(['到访', placeLine(p.room_code, zones, ctx.showsRoom)]);
    lines.push(['有效至', at(p.valid_until)]);
    lines.push(['可进入', zonesText(zones)]);
    lines.push(['登记', `${p.issued_by_name} ${at(p.issued_at)}`]);
    lines.push({ rule: true }, '离开时请将本证交回前台，凭证扫码离开。');
  } else if (p.kind === 'worker') {
    lines.push(['单位', p.company ?? '']);
    lines.push(['姓名', holder]);
    lines.push(['房号', p.room_code ?? `公共区域（${p.common_area_reason ?? ''}）`]);
    // valid_until is the end of the last day (exclusive): the last day is the day just before it
    lines.push(['有效期', `${localDate(p.valid_from, ctx.timeZone)} 至 ${localDate(Date.parse(p.valid_until) - 1, ctx.timeZone)}`]);
    lines.push(['可进入', zonesText(zones)]);
    lines.push(['办理', `${p.issued_by_name} ${at(p.issued_at)}`]);
    lines.push({ rule: true }, '本证仅限本人使用，到期或完工请交回前台。');
  } else {
    const r = p.removal_id ? passes.removalById(sql, p.removal_id) : undefined;
    if (!r) throw new Error(`removal pass ${passId} has no removal record`);
    lines.push(['房号', r.room_code]);
    lines.push(['申请人', `${holder}（${r.applicant_kind === 'owner' ? '业主' : '租户'}）`]);
    lines.push(['业主同意', CONSENT_ZH[r.consent] ?? r.consent]);
    if (r.approver_name) lines.push(['审批', r.approver_name]);
    lines.push({ rule: true }, { heading: '放行物品' });
    for (const i of passes.removalItems(sql, r.id)) lines.push([i.name, `× ${i.quantity}`]);
    lines.push({ rule: true });
    if (r.moving_company) lines.push(['搬家公司', r.moving_company]);
    if (r.plate && !r.erased_at) lines.push(['车牌', r.plate]);
    lines.push(['日期', `${r.pass_date} ${r.window_from}–${r.window_to}`]);
    lines.push(['办理', `${p.issued_by_name} ${at(p.issued_at)}`]);
    lines.push({ rule: true }, '门岗扫码核验后放行，当日一次有效。');
  }
  return renderSlip(PASS_KIND_ZH[p.kind], lines, {
    width: ctx.width,
    timeZone: ctx.timeZone,
    barcode: p.pass_no,
    ...(ctx.copy ? { copy: ctx.copy, ...(ctx.reprintedAt ? { reprintedAt: ctx.reprintedAt } : {}) } : {}),
  });
}
