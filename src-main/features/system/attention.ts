import type { Channel } from '@shared/contract';

/**
 * What still works while the store needs attention: signing in and out, looking things up, and the
 * supervisor's check of the finding. Every channel not listed is refused with READ_ONLY, so a channel added
 * later is refused until someone decides it only reads (the safe side).
 */
export const ALLOWED_IN_ATTENTION: ReadonlySet<Channel> = new Set<Channel>([
  // the shell, signing in and out, the finding itself
  'system.status',
  'system.verifyAudit',
  'system.auditResolve',
  'system.enterRecovery',
  'system.restoreBackup',
  'system.listBackups',
  'settings.get',
  'auth.login',
  'auth.logout',
  'auth.touch',
  'auth.lock',
  'auth.unlock',
  // reads
  'operators.list',
  'roster.search',
  'roster.get',
  'roster.stats',
  'roster.buildings.list',
  'roster.import.status',
  'roster.import.unfinished',
  'fees.items.list',
  'fees.quote',
  'fees.receipts.list',
  'fees.receipts.get',
  'fees.receipts.preview',
  'print.jobs.open',
  'cash.current',
  'cash.sessions.list',
  'cash.slip',
  'cash.settings.get',
  'printer.settings.get',
  'printer.status',
  'parcels.detect',
  'parcels.suggestSlot',
  'parcels.get',
  'parcels.byCode',
  'parcels.byWaybill',
  'parcels.byRoom',
  'parcels.overdue',
  'parcels.stats',
  'parcels.search',
  'parcels.export',
  'parcels.slip',
  'parcels.shelves.list',
  'parcels.settings.get',
  'upstream.settings.get',
  'upstream.history',
  'requests.settings.get',
  'requests.get',
  'requests.list',
  'requests.stats',
  'handover.summary',
  'handover.pending',
  'handover.list',
  'handover.myItems',
  'reports.period',
  'reports.export',
  'reports.pdf',
  'keys.list',
  'keys.loans',
  'keys.overdue',
  'keys.count',
  'cards.list',
  'cards.lookup',
  'cards.owedFees',
  'cards.stock',
  'cards.daySummary',
  'cardReader.settings.get',
  'cardReader.status',
  'cardReader.lastRead',
  // the room file and what a room owes: reads only (the arrears list, the 催缴 queue and the collection figures
  // are left out: they first write the month charges not yet written)
  'rooms.file',
  'rooms.occupancy',
  'rooms.moveIn.get',
  'rooms.moveIn.day',
  'rooms.decoration.list',
  'receivables.settings.get',
  'receivables.items.list',
  'receivables.plan.get',
  'receivables.dues',
  'receivables.owed',
  'receivables.contacts.list',
]);

/** Plain words for the supervisor: what this state means and what to do. */
export const ATTENTION_ADVICE =
  '本机暂时只能查询，不能收费、登记或修改。请主管在「设置 → 审计链」查看每个问题，对照纸质收据、交款单和登记本核实：' +
  '核实无误后在该页面登记核实结果（写入审计链并重新校验）；数据确被改动或丢失，请管理员从备份恢复，并联系技术支持。';

export const READ_ONLY_MESSAGE = '本机处于“需要处理”状态：数据保护检查发现问题，暂时只能查询，不能保存或修改。请主管到「设置 → 审计链」查看并处理。';
