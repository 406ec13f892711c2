import type { systemContract } from '@shared/contract/system';
import { actor, done, type HandlersOf } from '../../ipc/handle';
import type { SystemService } from './system.service';

/** System and settings channels → the system use cases (they answer with or without an open store). */
export function systemHandlers(system: SystemService): HandlersOf<typeof systemContract> {
  return {
    'system.status': (_i, ctx) => system.status(ctx.clientId),
    'system.setup': async (i) => (await system.setup(i), done),
    'system.restoreBackup': (i) => (system.restoreBackup(i.name), done),
    'system.verifyAudit': () => system.verifyAudit(),
    'system.auditResolve': (i, ctx) => system.auditResolve(i.reason, actor(ctx)),
    'system.enterRecovery': async (_i, ctx) => (await system.enterRecovery(actor(ctx)), done),
    'system.listBackups': () => system.listBackups(),
    'system.backupNow': (_i, ctx) => system.backupNow(actor(ctx)),
    'settings.get': () => system.settings(),
    'settings.update': (i, ctx) => system.updateSettings(i, actor(ctx)),
  };
}
