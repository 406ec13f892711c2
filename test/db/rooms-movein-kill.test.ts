import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { openRoomsCore, rowsIn } from '../support/rooms';

/** A move-in interrupted by a killed process resumes where it stopped: the step in flight left nothing behind. */
describe('move-in after a kill', () => {
  it('the killed step is undone as a whole (keys still on the board), the steps before it stay, and the case finishes', async () => {
    const t = await openRoomsCore();
    const keyIds: number[] = [];
    for (const hook of ['D-01', 'D-02']) keyIds.push((await t.call('keys.save', { kind: 'vacant', label: `入户门 ${hook}`, roomId: t.newRoom, hook })).id);
    const c = await t.call('rooms.moveIn.start', { roomId: t.newRoom });
    await t.call('rooms.moveIn.identity', { caseId: c.id, name: '陈静', idNote: '身份证原件' });
    await t.call('rooms.moveIn.documents', { caseId: c.id, docs: ['purchase_contract', 'id_card'] });
    await t.call('rooms.moveIn.meters', { caseId: c.id, readings: [{ meter: 'water', reading: 3 }] });
    const file = path.join(t.dataDir, 'lobbydesk.sqlite');
    await t.core.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/movein-kill-child.ts', file, String(c.id), keyIds.join(',')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal, stderr).toBe('SIGKILL');

    // what the killed process left: the keys it had moved are back on the board, no link, no audit entry
    expect(rowsIn(t, "SELECT count(*) AS n FROM keys WHERE status = 'on_board'")).toBe(2);
    expect(rowsIn(t, 'SELECT count(*) AS n FROM movein_links')).toBe(0);
    expect(rowsIn(t, "SELECT count(*) AS n FROM audit_log WHERE action = 'key.handover'")).toBe(0);

    const again = await openTestCore(t.dataDir, t.clock);
    await again.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    const open = await again.call('rooms.moveIn.get', { roomId: t.newRoom });
    expect(open).toMatchObject({ id: c.id, status: 'open', keyIds: [], readings: [{ meter: 'water', reading: 3 }] });
    expect(open?.steps.identity && open.steps.documents && open.steps.meters).toBeTruthy();
    expect(open?.steps.keys).toBeNull();
    await again.call('rooms.moveIn.keys', { caseId: c.id, keyIds, signedBy: '陈静' });
    await again.call('rooms.moveIn.cardsDone', { caseId: c.id });
    expect((await again.call('rooms.moveIn.finish', { caseId: c.id, state: 'vacant' })).status).toBe('done');
    expect(rowsIn(again, "SELECT count(*) AS n FROM keys WHERE status = 'retired'")).toBe(2);
  });
});
