/**
 * A counter process killed in the middle of a move-in step (run by test/db/rooms-movein-kill.test.ts with
 * `node --import tsx`): opens the store, and hands the unit's keys over to the owner; the keys area has moved the keys
 * inside the step's transaction when the process kills itself with SIGKILL, before the step commits. No clean-up runs.
 *
 * argv: <store file> <case id> <key ids, comma separated>
 */
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { Sql } from '../../src-main/db/sql';
import { installLedgerStamp } from '../../src-main/db/ledger';
import { systemClock } from '../../src-main/lib/clock';
import { PropertyCalendar } from '@shared/calendar';
import { KeysService } from '../../src-main/features/keys/keys.service';
import type { OperatorsService } from '../../src-main/features/operators/operators.service';
import { ResidentsService } from '../../src-main/features/rooms/residents.service';
import { MoveInService } from '../../src-main/features/rooms/movein.service';

const [file, caseId, keyIds] = process.argv.slice(2);
const db = openDatabase(file as string);
migrate(db);
const sql = new Sql(db);
installLedgerStamp(sql, systemClock);
const calendar = new PropertyCalendar(() => 'Asia/Shanghai', systemClock);
// trust-key approvals are not used by a hand-over
const keys = new KeysService(sql, systemClock, null as unknown as OperatorsService);
const killing = {
  handOverToOwner(ids: readonly number[], roomId: number, owner: string, actor: Parameters<KeysService['handOverToOwner']>[3]) {
    keys.handOverToOwner(ids, roomId, owner, actor);
    process.kill(process.pid, 'SIGKILL');
  },
};
const moveIn = new MoveInService(sql, systemClock, calendar, new ResidentsService(sql, systemClock, calendar), killing, { issue: () => ({ id: 0 }) });
moveIn.handOverKeys(Number(caseId), (keyIds as string).split(',').map(Number), '陈静', { id: 1, username: 'admin', displayName: '王经理', role: 'admin' });
