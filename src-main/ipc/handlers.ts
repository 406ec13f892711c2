import type { AppCore } from '../compose';
import { APP_VERSION } from '../compose';
import { AppError } from '../lib/errors';
import type { CallContext, Handlers } from './handle';
import type { SessionOperator } from '../features/operators/sessions';

const done = { done: true } as const;

function actor(ctx: CallContext): SessionOperator {
  if (!ctx.operator) throw new AppError('NOT_SIGNED_IN', '请先登录。');
  return ctx.operator;
}

/** Channel → service call. No logic here beyond picking the service and passing the operator. */
export function buildHandlers(core: AppCore): Handlers {
  const s = () => core.need();
  return {
    'system.status': (_i, ctx) => core.system.status(ctx.clientId, APP_VERSION),
    'system.setup': async (i) => (await core.system.setup(i), done),
    'system.restoreBackup': (i) => (core.restore(i.name), done),
    'system.verifyAudit': () => core.system.verifyAudit(),
    'system.auditResolve': (i, ctx) => core.system.auditResolve(i.reason, actor(ctx)),
    'system.enterRecovery': async (_i, ctx) => {
      core.system.recordEnterRecovery(actor(ctx));
      await core.enterRecovery('管理员在完整检查未通过后进入了恢复：请选择一个完整检查通过之前的备份恢复。');
      return done;
    },
    'system.listBackups': () => core.system.listBackups(),
    'system.backupNow': (_i, ctx) => core.system.backupNow(actor(ctx)),
    'settings.get': () => core.system.settings(),
    'settings.update': (i, ctx) => core.system.updateSettings(i, actor(ctx)),

    'auth.login': (i, ctx) => s().operators.login(ctx.clientId, i.username, i.password),
    'auth.logout': (_i, ctx) => (core.services?.operators.logout(ctx.clientId), done),
    'auth.touch': () => done,
    'auth.lock': (_i, ctx) => (core.sessions.lock(ctx.clientId), done),
    'auth.unlock': (i, ctx) => s().operators.unlock(ctx.clientId, i.password),
    'auth.changePassword': async (i, ctx) => (await s().operators.changePassword(actor(ctx), i.oldPassword, i.newPassword), done),
    'auth.approve': (i, ctx) => s().operators.approve(i, core.sessions.peek(ctx.clientId)),
    'operators.list': () => s().operators.list(),
    'operators.create': (i, ctx) => s().operators.create(i, actor(ctx)),
    'operators.update': (i, ctx) => s().operators.update(i, actor(ctx)),
    'operators.resetPassword': async (i, ctx) => (await s().operators.resetPassword(i.id, i.newPassword, actor(ctx)), done),
    'operators.unlock': (i, ctx) => {
      const peek = core.sessions.peek(ctx.clientId);
      s().operators.unlockAccount(i.username, peek && !peek.locked ? peek.operator : null, i.approvalId, peek?.operator ?? null);
      return done;
    },

    'roster.search': (i) => s().roster.search(i.q, i.limit),
    'roster.get': (i) => s().roster.get(i.id),
    'roster.revealPhone': (i, ctx) => s().roster.revealPhone(i.id, i.reason, actor(ctx)),
    'roster.stats': () => s().roster.stats(),
    'roster.buildings.list': () => s().roster.buildings(),
    'roster.buildings.create': (i, ctx) => s().roster.createBuilding(i.code, i.name, actor(ctx)),
    'roster.import.start': (i, ctx) => s().rosterImport.start(i.fileName, Buffer.from(i.data, 'base64'), i.createBuildings, actor(ctx)),
    'roster.import.status': (i) => s().rosterImport.status(i.jobId),
    'roster.import.commit': (i, ctx) => s().rosterImport.commit(i.jobId, i.skipErrors, actor(ctx)),
    'roster.import.cancel': (i) => (s().rosterImport.cancel(i.jobId), done),
    'roster.import.unfinished': () => s().rosterImport.unfinished(),

    'fees.items.list': (i) => s().fees.items(i.includeInactive ?? false),
    'fees.items.save': (i, ctx) => s().fees.saveItem(i, actor(ctx)),
    'fees.quote': (i) => {
      const q = s().fees.quote(i.roomId, i.lines);
      return { lines: q.lines, totalFen: q.totalFen, totalUpper: q.totalUpper };
    },
    'fees.collect': (i, ctx) => s().fees.collect(i, actor(ctx)),
    'fees.receipts.list': (i) => s().fees.list({ ...(i.date ? s().calendar.day(i.date) : {}), ...(i.q ? { q: i.q } : {}), limit: i.limit ?? 100 }),
    'fees.receipts.get': (i) => s().fees.get(i.id),
    'fees.receipts.preview': (i) => (s().fees.get(i.id), s().print.preview(i.id, i.copy ?? 0)),
    'fees.receipts.reprint': (i, ctx) => s().fees.reprint(i.id, actor(ctx)),
    'fees.void': (i, ctx) => s().fees.void(i.receiptId, i.approvalId, i.reason, actor(ctx)),
    'fees.refundDeposit': (i, ctx) => s().fees.refundDeposit(i.receiptId, i.approvalId, i.reason, i.method, i.reference, actor(ctx)),
    'print.jobs.open': () => s().print.open(),
    'print.jobs.retry': (i) => (s().print.retry(i.id), done),
    'print.jobs.cancel': (i) => (s().print.cancel(i.id), done),

    'cash.current': (_i, ctx) => s().cash.current(actor(ctx)),
    'cash.open': (i, ctx) => s().cash.open(i.count, actor(ctx)),
    'cash.move': (i, ctx) => s().cash.move(i.kind, i.amountFen, i.reason, actor(ctx)),
    'cash.close': (i, ctx) => s().cash.close(i.count, i.approvalId, actor(ctx)),
    'cash.handover': (i, ctx) => s().cash.handover(i.sessionId, i.financeName, i.note, actor(ctx)),
    'cash.sessions.list': (i) => s().cash.list(i.limit ?? 30),
    'cash.slip': (i) => s().cash.slip(i.sessionId),

    'printer.settings.get': () => s().counter.printer(),
    'printer.settings.save': (i, ctx) => s().counter.savePrinter(i, actor(ctx)),
    'printer.status': () => s().print.status(),
    'printer.testPage': () => (s().print.testPage(), done),
    'cash.settings.get': () => ({ varianceThresholdFen: s().counter.varianceThresholdFen() }),
    'cash.settings.save': (i, ctx) => ({ varianceThresholdFen: s().counter.saveVarianceThreshold(i.varianceThresholdFen, actor(ctx)) }),

    'parcels.detect': (i) => s().parcels.detect(i.waybill),
    'parcels.suggestSlot': (i) => s().parcels.suggest(i.roomId ?? null),
    'parcels.intake': (i, ctx) => s().parcels.intake(i, actor(ctx)),
    'parcels.intakeBatch': (i, ctx) => s().parcels.intakeBatch(i.items, i.print, actor(ctx)),
    'parcels.update': (i, ctx) => s().parcels.update(i, actor(ctx)),
    'parcels.get': (i) => s().parcels.get(i.id),
    'parcels.byCode': (i) => s().parcels.byCode(i.code),
    'parcels.byWaybill': (i) => s().parcels.byWaybill(i.waybill),
    'parcels.byRoom': (i) => s().parcels.byRoom(i.roomId),
    'parcels.pickup': (i, ctx) => s().parcels.pickup(i, actor(ctx)),
    'parcels.overdue': (i) => s().parcels.overdue(i.limit ?? 200),
    'parcels.remind': (i, ctx) => s().parcels.remind(i.ids, actor(ctx)),
    'parcels.return': (i, ctx) => s().parcels.returnToCourier(i.ids, i.reason, actor(ctx)),
    'parcels.writeOff': (i, ctx) => s().parcels.writeOff(i.id, i.approvalId, i.reason, actor(ctx)),
    'parcels.stats': (i) => s().parcelsReport.stats(i.date),
    'parcels.search': (i) => s().parcelsReport.search(i),
    'parcels.export': (i, ctx) => s().parcelsReport.exportXlsx(i.from, i.to, i.status, actor(ctx)),
    'parcels.slip': (i) => {
      const r = s().parcels.slip(i.id);
      return { svg: r.rendered.svg, width: r.width };
    },
    'parcels.reprintSlip': (i, ctx) => s().parcels.reprintSlip(i.id, actor(ctx)),
    'parcels.shelves.list': () => s().parcels.shelves(),
    'parcels.shelves.save': (i, ctx) => s().parcels.saveShelf(i, actor(ctx)),
    'parcels.settings.get': () => s().parcels.settings(),
    'parcels.settings.save': (i, ctx) => s().parcels.saveSettings(i, actor(ctx)),
    'parcels.carrierMemory.list': () => s().parcels.carrierMemory(),
    'parcels.carrierMemory.clear': (i, ctx) => s().parcels.clearCarrierMemory(i.key, actor(ctx)),

    'upstream.settings.get': () => s().upstream.settings(),
    'upstream.settings.save': (i, ctx) => s().upstream.saveSettings(i, actor(ctx)),
    'upstream.sendNow': () => s().upstream.sendNow(),
    'upstream.history': (i) => s().upstream.history(i.limit ?? 60),

    'requests.settings.get': () => s().requests.settings(),
    'requests.settings.save': (i, ctx) => s().requests.saveSettings(i, actor(ctx)),
    'requests.log': (i, ctx) => s().requests.log(i, actor(ctx)),
    'requests.dispatch': (i, ctx) => s().requests.dispatch(i.id, i.department, i.note, actor(ctx)),
    'requests.start': (i, ctx) => s().requests.start(i.id, i.note, actor(ctx)),
    'requests.done': (i, ctx) => s().requests.done(i.id, i.note, actor(ctx)),
    'requests.callback': (i, ctx) => s().requests.callback(i.id, i.satisfaction, i.note, actor(ctx)),
    'requests.get': (i) => s().requests.get(i.id),
    'requests.list': (i) => s().requests.list(i.view, i.q, i.limit ?? 200),
    'requests.stats': (i) => s().requests.stats(i.from, i.to),

    'handover.summary': () => s().handover.summary(),
    'handover.create': (i, ctx) => s().handover.create(i, actor(ctx)),
    'handover.pending': () => s().handover.pending(),
    'handover.respond': (i, ctx) => s().handover.respond(i.itemId, i.status, i.response, actor(ctx)),
    'handover.acknowledge': (i, ctx) => s().handover.acknowledge(i.id, actor(ctx)),
    'handover.list': (i) => s().handover.list(i.q, i.unacknowledged ?? false, i.limit ?? 50),
    'handover.myItems': (_i, ctx) => s().handover.myItems(actor(ctx)),
    'handover.itemDone': (i, ctx) => s().handover.itemDone(i.itemId, actor(ctx)),
    'handover.print': (i) => (s().handover.get(i.id), { queued: s().print.enqueueHandoverSlip(i.id) }),
    'reports.period': (i) => s().reports.period(i.period, i.date),
    'reports.export': (i) => s().reports.exportXlsx(i.period, i.date),
    'reports.pdf': (i) => ({ supported: false, fileName: `${i.title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`, data: '' }),

    'keys.list': (i) => s().keys.list(i),
    'keys.save': (i, ctx) => s().keys.save(i, actor(ctx)),
    'keys.lend': (i, ctx) => s().keys.lend(i, actor(ctx)),
    'keys.return': (i, ctx) => s().keys.returnKey(i.loanId, i.condition, i.note, actor(ctx)),
    'keys.loans': (i) => s().keys.loans(i),
    'keys.overdue': () => s().keys.overdue(),
    'keys.count': () => s().keys.count(),
    'keys.recordCount': (i, ctx) => s().keys.recordCount(i.counted, i.explanation, actor(ctx)),

    'cards.list': (i) => s().cards.list(i),
    'cards.lookup': (i) => s().cards.lookup(i.number),
    'cards.issue': (i, ctx) => s().cards.issue(i, actor(ctx)),
    'cards.replace': (i, ctx) => s().cards.replace(i.cardId, i.number, i.reason, i.feeFen, actor(ctx)),
    'cards.reportLost': (i, ctx) => s().cards.reportLost(i.cardId, i.note, actor(ctx)),
    'cards.blacklist': (i, ctx) => s().cards.blacklist(i.cardId, i.reason, actor(ctx)),
    'cards.return': (i, ctx) => s().cards.returnCard(i.cardId, i.depositNote, i.restock, actor(ctx)),
    'cards.settleFee': (i, ctx) => s().cards.settleFee(i.cardId, i.receiptNo, actor(ctx)),
    'cards.owedFees': () => s().cards.owedFees(),
    'cards.stock': () => s().cards.stock(),
    'cards.stockMove': (i, ctx) => s().cards.stockMove(i.cardType, i.kind, i.quantity, i.reason, actor(ctx)),
    'cards.stockCount': (i, ctx) => s().cards.stockCount(i.cardType, i.counted, i.reason, actor(ctx)),
    'cards.daySummary': (i) => s().cards.daySummary(i.date),

    'cardReader.settings.get': () => s().cardReader.settings(),
    'cardReader.settings.save': (i, ctx) => s().cardReader.save(i, actor(ctx)),
    'cardReader.status': () => s().cardReader.status(),
    'cardReader.lastRead': (i) => s().cardReader.lastRead(i.afterSeq),
    'cardReader.diagnose': () => s().cardReader.diagnose(),
    'cardReader.record': (i) => s().cardReader.record(i.action),
  };
}
