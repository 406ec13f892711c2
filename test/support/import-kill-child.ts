/**
 * A counter process killed in the middle of a roster import's commit (run by test/db/roster-import-commit.test.ts
 * with `node --import tsx`): opens the store, previews the file, confirms it with small chunks, and kills itself
 * with SIGKILL as soon as the progress shows `killAfter` rows written. No clean-up of any kind runs.
 *
 * argv: <store file> <roster csv> <rows per chunk> <kill after rows>
 */
import fs from 'node:fs';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { Sql } from '../../src-main/db/sql';
import { systemClock } from '../../src-main/lib/clock';
import { RosterImportService } from '../../src-main/features/roster/import/import.service';

const [file, csv, chunk, killAfter] = process.argv.slice(2);
const db = openDatabase(file as string);
migrate(db);
const svc = new RosterImportService(new Sql(db), systemClock, { workerMinBytes: Number.POSITIVE_INFINITY, commitChunkRows: Number(chunk) });
const actor = { id: 1, username: 'zhuguan', displayName: '王主管', role: 'supervisor' as const };

const { jobId } = svc.start('全体住户.csv', fs.readFileSync(csv as string), true, actor);
const checked = await svc.settled(jobId);
if (checked.progress.state !== 'done') throw new Error(checked.progress.message);
void svc.commit(jobId, false, actor);
const watch = (): void => {
  if (svc.status(jobId).progress.done >= Number(killAfter)) process.kill(process.pid, 'SIGKILL');
  else setImmediate(watch);
};
watch();
