import type { rosterContract } from '@shared/contract/roster';
import { actor, done, type HandlersOf } from '../../ipc/handle';
import type { RosterService } from './roster.service';
import type { RosterImportService } from './import/import.service';

/** Roster channels → the roster and roster-import services. */
export function rosterHandlers(roster: RosterService, rosterImport: RosterImportService): HandlersOf<typeof rosterContract> {
  return {
    'roster.search': (i) => roster.search(i.q, i.limit),
    'roster.index': () => roster.index(),
    'roster.get': (i) => roster.get(i.id),
    'roster.revealPhone': (i, ctx) => roster.revealPhone(i.id, i.reason, actor(ctx)),
    'roster.stats': () => roster.stats(),
    'roster.buildings.list': () => roster.buildings(),
    'roster.buildings.create': (i, ctx) => roster.createBuilding(i.code, i.name, actor(ctx)),
    // the file travels as base64 in the contract; the service takes its bytes
    'roster.import.start': (i, ctx) => rosterImport.start(i.fileName, Buffer.from(i.data, 'base64'), i.createBuildings, actor(ctx)),
    'roster.import.status': (i) => rosterImport.status(i.jobId),
    'roster.import.commit': (i, ctx) => rosterImport.commit(i.jobId, i.skipErrors, actor(ctx)),
    'roster.import.cancel': (i) => (rosterImport.cancel(i.jobId), done),
    'roster.import.unfinished': () => rosterImport.unfinished(),
  };
}
