/**
 * A counter process registering visitors (run by test/db/visitors-numbers.test.ts with `node --import tsx`):
 * opens the store of a prepared terminal, signs in, checks in `count` visitors one after the other and prints
 * each committed pass number on its own line. With `killAt` > 0 it kills itself with SIGKILL inside the
 * transaction of that check-in, right after its pass number was taken and its pass row written, before the
 * commit. No clean-up of any kind runs.
 *
 * argv: <data dir> <count> <kill at (0: never)> <visitor name>
 */
import { AppCore } from '../../src-main/compose';
import { ManualClock } from '../../src-main/lib/clock';
import { silentLogger } from '../../src-main/lib/log';
import { TEST_COST } from './core';

const [dataDir, count, killAt, name] = process.argv.slice(2);
const core = await AppCore.open({ dataDir: dataDir as string, clock: new ManualClock('2026-11-23T02:00:00Z'), log: silentLogger, passwordCost: TEST_COST });
const login = await core.dispatch('auth.login', { username: 'li', password: 'li-pass-1234' }, { clientId: 'child' });
if (!login.ok) throw new Error(login.error.message);

const passes = core.need().visitors.passes;
const issue = passes.issueInTx.bind(passes);
let n = 0;
passes.issueInTx = (w, actor) => {
  const r = issue(w, actor);
  if (++n === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  return r;
};

for (let i = 0; i < Number(count); i++) {
  const r = await core.dispatch(
    'visitors.checkIn',
    {
      visitorName: name,
      phone: `1390000${String(i).padStart(4, '0')}`,
      docType: 'none',
      partySize: 1,
      purpose: 'delivery',
      roomId: 1,
      consent: 'owner_present',
    },
    { clientId: 'child' },
  );
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`${(r.value as { pass: { passNo: string } }).pass.passNo}\n`);
}
await core.close();
