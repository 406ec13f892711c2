import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { visitorSettings, type VisitorSettings } from '@shared/contract/visitors';
import type { SessionOperator } from '../operators/sessions';
import { getSetting, setSetting } from '../system/settings.repo';

/** 90 days kept, last four only, passes valid 4 hours (24 at most), workers' passes up to 30 days, printed by the app. */
export const DEFAULT_VISITOR_SETTINGS: VisitorSettings = {
  retentionDays: 90,
  fullDocumentNumber: false,
  passShowsRoom: true,
  visitHours: 4,
  visitMaxHours: 24,
  workerPassMaxDays: 30,
  workerPassMode: 'printed',
  removalMaxDaysAhead: 30,
};

/** The area's settings, re-validated on read: a damaged value falls back to the defaults, never a crash. */
export function readVisitorSettings(sql: Sql): VisitorSettings {
  const raw = getSetting(sql, 'visitor_settings');
  if (!raw) return DEFAULT_VISITOR_SETTINGS;
  try {
    const r = visitorSettings.safeParse({ ...DEFAULT_VISITOR_SETTINGS, ...(JSON.parse(raw) as object) });
    return r.success ? r.data : DEFAULT_VISITOR_SETTINGS;
  } catch {
    return DEFAULT_VISITOR_SETTINGS;
  }
}

/** What is collected and for how long, in plain Chinese (the settings screen shows it as it is). */
export function privacyNotice(s: VisitorSettings): string[] {
  const doc = s.fullDocumentNumber
    ? '证件类型和完整证件号码（按本地规定登记；号码加密保存，查看完整号码要填写原因并留记录）'
    : '证件类型和证件号码后四位（不登记完整号码）';
  return [
    `来访登记收集：访客姓名、电话（登记后只显示部分号码）、${doc}、车牌号（如有）、人数、来访事由和到访房号。`,
    '临时出入证收集：单位、人员姓名、电话和证件信息，范围同上；搬运放行条收集申请人姓名、电话和车辆车牌。',
    `这些个人信息在来访结束（或通行证到期）后保存 ${s.retentionDays} 天，到期由系统自动删除，只保留人数、次数和通行证号等统计。每次删除都记入审计记录。`,
    '拒绝来访名单的信息在名单结束后同样保存这么久再删除。',
    '上报总部的每日汇总只有数量，不含姓名、电话、证件号和车牌。',
  ];
}

/** The area's settings as the services read them and the settings screen shows and saves them. */
export class VisitorSettingsStore {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  get(): VisitorSettings {
    return readVisitorSettings(this.sql);
  }

  view(): VisitorSettings & { notice: string[] } {
    const s = this.get();
    return { ...s, notice: privacyNotice(s) };
  }

  save(s: VisitorSettings, actor: SessionOperator): VisitorSettings & { notice: string[] } {
    saveVisitorSettings(this.sql, this.clock, s, actor);
    return this.view();
  }
}

export function saveVisitorSettings(sql: Sql, clock: Clock, s: VisitorSettings, actor: SessionOperator): VisitorSettings {
  if (s.visitHours > s.visitMaxHours)
    throw new AppError('BAD_INPUT', `访客证默认有效 ${s.visitHours} 小时，超过了最长有效 ${s.visitMaxHours} 小时：请调小默认值或调大上限。`, {
      field: 'visitHours',
    });
  sql.tx(() => {
    setSetting(sql, 'visitor_settings', JSON.stringify(s), clock.now().toISOString());
    appendAudit(sql, clock, { operatorId: actor.id, action: 'settings.visitors', entity: 'settings', entityId: 'visitors', detail: { ...s } });
  });
  return readVisitorSettings(sql);
}
