import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src-main/db/schema';
import * as roster from '../../src-main/features/roster/roster.repo';
import { openReadyCore, type TestCore } from '../support/core';
import { FLOAT_500 } from '../support/fees';

/**
 * Property: whatever operators of whatever roles sign in, approve, use approvals, lock screens, get locked
 * out and sign out, in any order and on any desk, no action that needs two people is ever done by one. The
 * system decides what succeeds; afterwards the store is checked: every approved act names an approver who
 * is neither the operator who did it nor the one who did the original act, every approval was used by the
 * operator who asked for it, and no locked-out or disabled account is still signed in anywhere.
 */

const STAFF = ['admin', 'zhao', 'qian', 'li', 'wu'] as const;
type Who = (typeof STAFF)[number];
const PASSWORD: Record<Who, string> = { admin: 'admin-pass-1', zhao: 'zhao-pass-123', qian: 'qian-pass-123', li: 'li-pass-1234', wu: 'wu-pass-1234' };
const DESKS = ['desk-1', 'desk-2', 'desk-3'] as const;
const ACTIONS = ['receipt.void', 'parcel.writeOff', 'key.lendTrust', 'cash.variance', 'operator.unlock'] as const;
type Action = (typeof ACTIONS)[number];

interface World extends TestCore {
  receipts: Array<{ id: number; no: string }>;
  parcels: Array<{ id: number; waybill: string }>;
  keys: Array<{ id: number; tag: string }>;
  approvals: Array<{ id: string; action: Action; subject: string }>;
  ids: Record<Who, number>;
}

/** Receipts and parcels by three different people (admin, zhao, li), two trust keys; no one signed in. */
async function world(): Promise<World> {
  const t = await openReadyCore();
  await t.call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: PASSWORD.zhao });
  await t.call('operators.create', { username: 'qian', displayName: '钱主管', role: 'supervisor', password: PASSWORD.qian });
  await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: PASSWORD.li });
  await t.call('operators.create', { username: 'wu', displayName: '吴前台', role: 'receptionist', password: PASSWORD.wu });
  const sql = t.core.need().sql;
  const roomId = sql.tx(() => {
    const b = roster.insertBuilding(sql, { code: '3', name: '3栋', at: 'now' });
    return roster.insertRoom(sql, { unitId: roster.insertUnit(sql, b, '2'), number: '501', code: '3-2-501', areaCm2: 8950, at: 'now' });
  });
  const copy = (
    await t.call('fees.items.save', {
      code: 'FY',
      name: '复印',
      category: 'service',
      rule: 'fixed',
      unitPriceFen: 50,
      unitLabel: '张',
      refundable: false,
      active: true,
      sort: 0,
    })
  ).id;
  const keys = [];
  for (const label of ['业主托管钥匙', '另一把托管钥匙']) keys.push(await t.call('keys.save', { kind: 'trust', label, roomId }));
  await t.call('auth.logout', {});
  const receipts = [];
  const parcels = [];
  let n = 0;
  for (const who of ['admin', 'zhao', 'li'] as const) {
    await t.call('auth.login', { username: who, password: PASSWORD[who] }, 'setup');
    await t.call('cash.open', { count: FLOAT_500 }, 'setup');
    for (let i = 0; i < 2; i++) {
      receipts.push(
        await t.call(
          'fees.collect',
          { requestId: `setup-${who}-${i}`, roomId: null, lines: [{ itemId: copy }], payments: [{ method: 'cash', amountFen: 50 }] },
          'setup',
        ),
      );
      parcels.push(await t.call('parcels.intake', { waybill: `SF${1000000000000 + ++n}`, roomId }, 'setup'));
    }
    await t.call('cash.close', { count: { ...FLOAT_500, '50': 2 } }, 'setup');
    await t.call('auth.logout', {}, 'setup');
  }
  const ids = Object.fromEntries(
    (sql.db.prepare('SELECT username, id FROM operators').all() as Array<{ username: Who; id: number }>).map((o) => [o.username, o.id]),
  ) as Record<Who, number>;
  return {
    ...t,
    receipts: receipts.map((r) => ({ id: r.id, no: r.receiptNo })),
    parcels: parcels.map((p) => ({ id: p.id, waybill: p.waybill })),
    keys: keys.map((k) => ({ id: k.id, tag: k.tag })),
    approvals: [],
    ids,
  };
}

type Cmd =
  | { t: 'signIn'; who: Who; desk: string }
  | { t: 'signOut'; desk: string }
  | { t: 'lockScreen'; desk: string }
  | { t: 'unlockScreen'; desk: string }
  | { t: 'lockOut'; who: Who }
  | { t: 'setRole'; who: Exclude<Who, 'admin'>; role: Role }
  | { t: 'approve'; approver: Who; action: Action; pick: number; desk: string }
  | { t: 'use'; pick: number; desk: string }
  | { t: 'askAndUse'; asker: Who | null; approver: Who; action: Action; pick: number; desk: string; useDesk: string }
  | { t: 'wait'; minutes: number };

const who = fc.constantFrom(...STAFF);
const desk = fc.constantFrom(...DESKS);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('signIn' as const), who, desk }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('signOut' as const), desk }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('lockScreen' as const), desk }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('unlockScreen' as const), desk }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('lockOut' as const), who }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('setRole' as const),
      who: fc.constantFrom('zhao', 'qian', 'li', 'wu' as const),
      role: fc.constantFrom<Role>('receptionist', 'supervisor'),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ t: fc.constant('approve' as const), approver: who, action: fc.constantFrom(...ACTIONS), pick: fc.nat(5), desk }), weight: 6 },
  { arbitrary: fc.record({ t: fc.constant('use' as const), pick: fc.nat(4), desk }), weight: 4 },
  {
    arbitrary: fc.record({
      t: fc.constant('askAndUse' as const),
      asker: fc.option(who, { freq: 3 }),
      approver: who,
      action: fc.constantFrom(...ACTIONS),
      pick: fc.nat(5),
      desk,
      useDesk: fc.oneof(desk, fc.constant('same')),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 20 }) }), weight: 1 },
);

function subjectFor(w: World, action: Action, pick: number): string {
  const db = w.core.need().db;
  switch (action) {
    case 'receipt.void':
      return (w.receipts[pick % w.receipts.length] as { no: string }).no;
    case 'parcel.writeOff':
      return (w.parcels[pick % w.parcels.length] as { waybill: string }).waybill;
    case 'key.lendTrust':
      return (w.keys[pick % w.keys.length] as { tag: string }).tag;
    case 'cash.variance':
      return String((db.prepare("SELECT id FROM cash_sessions WHERE status = 'open'").get() as { id: number } | undefined)?.id ?? 1);
    case 'operator.unlock':
      return STAFF[pick % STAFF.length] as string;
  }
}

/** Runs one command; returns the error code of the call that decides it (or null). */
async function run(w: World, c: Cmd): Promise<string | null> {
  const code = (r: Awaited<ReturnType<World['raw']>>) => (r.ok ? null : r.error.code);
  switch (c.t) {
    case 'signIn':
      return code(await w.raw('auth.login', { username: c.who, password: PASSWORD[c.who] }, c.desk));
    case 'signOut':
      return code(await w.raw('auth.logout', {}, c.desk));
    case 'lockScreen':
      return code(await w.raw('auth.lock', {}, c.desk));
    case 'unlockScreen': {
      const s = w.core.sessions.peek(c.desk);
      return s ? code(await w.raw('auth.unlock', { password: PASSWORD[s.operator.username as Who] }, c.desk)) : null;
    }
    case 'lockOut':
      for (let i = 0; i < 5; i++) await w.raw('auth.login', { username: c.who, password: 'a wrong guess' }, 'kiosk');
      return null;
    case 'setRole': {
      const admin = { id: w.ids.admin, username: 'admin', displayName: '王经理', role: 'admin' as const };
      w.core.need().operators.update({ id: w.ids[c.who], role: c.role }, admin);
      return null;
    }
    case 'wait':
      w.clock.advance(c.minutes * 60_000);
      return null;
    case 'askAndUse': {
      // someone (maybe) signs in on the desk, asks a supervisor, then the approval is used here or on another desk
      if (c.asker) await run(w, { t: 'signIn', who: c.asker, desk: c.desk });
      const asked = await run(w, { t: 'approve', approver: c.approver, action: c.action, pick: c.pick, desk: c.desk });
      if (asked) return asked;
      return run(w, { t: 'use', pick: 0, desk: c.useDesk === 'same' ? c.desk : c.useDesk });
    }
    case 'approve': {
      // a void or a variance is asked for by the operator at their own drawer: open it if no one holds it
      if (c.action === 'receipt.void' || c.action === 'cash.variance') await w.raw('cash.open', { count: FLOAT_500 }, c.desk);
      const subject = subjectFor(w, c.action, c.pick);
      const r = await w.raw('auth.approve', { username: c.approver, password: PASSWORD[c.approver], action: c.action, subject, reason: '核实无误' }, c.desk);
      if (r.ok) w.approvals.push({ id: (r.value as { approvalId: string }).approvalId, action: c.action, subject });
      return code(r);
    }
    case 'use': {
      // mostly a recent approval (pick 0 = the latest), sometimes an older one or one that does not exist
      const a = w.approvals[w.approvals.length - 1 - c.pick] ?? { id: 'made-up-approval', action: ACTIONS[c.pick % ACTIONS.length] as Action, subject: '1' };
      switch (a.action) {
        case 'receipt.void': {
          const receipt = w.receipts.find((r) => r.no === a.subject) ?? (w.receipts[0] as { id: number });
          await w.raw('cash.open', { count: FLOAT_500 }, c.desk); // the void needs the operator's own open drawer
          return code(await w.raw('fees.void', { receiptId: receipt.id, approvalId: a.id, reason: '收错了' }, c.desk));
        }
        case 'parcel.writeOff': {
          const parcel = w.parcels.find((p) => p.waybill === a.subject) ?? (w.parcels[0] as { id: number });
          return code(await w.raw('parcels.writeOff', { id: parcel.id, approvalId: a.id, reason: '快递员确认丢失' }, c.desk));
        }
        case 'key.lendTrust': {
          const key = w.keys.find((k) => k.tag === a.subject) ?? (w.keys[0] as { id: number });
          const dueAt = new Date(w.clock.now().getTime() + 4 * 3600_000).toISOString();
          const r = await w.raw(
            'keys.lend',
            { keyId: key.id, borrowerType: 'agent', borrowerName: '中介小王', purpose: 'viewing', idChecked: '工牌 1234', dueAt, approvalId: a.id },
            c.desk,
          );
          if (r.ok) await w.raw('keys.return', { loanId: (r.value as { id: number }).id, condition: 'ok' }, c.desk);
          return code(r);
        }
        case 'cash.variance':
          await w.raw('cash.open', { count: FLOAT_500 }, c.desk);
          return code(await w.raw('cash.close', { count: {}, approvalId: a.id }, c.desk));
        case 'operator.unlock':
          return code(await w.raw('operators.unlock', { username: a.subject, approvalId: a.id }, c.desk));
      }
    }
  }
}

type Row = Record<string, number | string | null>;

/** The store's record of every two-person act: who did it, who approved it, who did the original act. */
function checkStore(w: World): void {
  const db = w.core.need().db;
  const all = (q: string) => db.prepare(q).all() as Row[];
  for (const r of all(`SELECT r.operator_id AS doer, o.operator_id AS original, a.approver_id AS approver, a.action FROM receipts r
      JOIN receipts o ON o.id = r.original_id JOIN approvals a ON a.id = r.approval_id WHERE r.kind IN ('void', 'refund')`)) {
    expect(r.action).toBe('receipt.void');
    expect(r.approver).not.toBe(r.doer);
    expect(r.approver).not.toBe(r.original);
  }
  expect(all("SELECT id FROM receipts WHERE kind IN ('void', 'refund') AND approval_id IS NULL")).toEqual([]);
  for (const p of all(`SELECT p.closed_by AS doer, p.intake_by AS original, a.approver_id AS approver, a.subject, p.waybill FROM parcels p
      LEFT JOIN approvals a ON a.id = p.approval_id WHERE p.status = 'written_off'`)) {
    expect(p.approver).not.toBeNull();
    expect(p.subject).toBe(p.waybill);
    expect(p.approver).not.toBe(p.doer);
    expect(p.approver).not.toBe(p.original);
  }
  for (const l of all(`SELECT l.lent_by AS doer, l.approver_id AS approver, a.approver_id AS granted_by FROM key_loans l
      JOIN keys k ON k.id = l.key_id LEFT JOIN approvals a ON a.id = l.approval_id WHERE k.kind = 'trust'`)) {
    expect(l.approver).not.toBeNull();
    expect(l.approver).toBe(l.granted_by);
    expect(l.approver).not.toBe(l.doer);
  }
  const threshold = w.core.need().counter.varianceThresholdFen();
  for (const s of all(`SELECT s.operator_id AS doer, s.variance_fen AS variance, a.approver_id AS approver FROM cash_sessions s
      LEFT JOIN approvals a ON a.id = s.variance_approval_id WHERE s.status <> 'open'`)) {
    if (Math.abs(Number(s.variance)) > threshold) expect(s.approver).not.toBeNull();
    if (s.approver !== null) expect(s.approver).not.toBe(s.doer);
  }
  for (const u of all("SELECT operator_id AS doer, entity_id AS account FROM audit_log WHERE action = 'operator.unlock'")) {
    expect(String(u.doer)).not.toBe(String(u.account));
  }
  // and the approvals themselves: asked for by a signed-in operator (bar an unlock at the login screen), used by that operator
  for (const a of all('SELECT * FROM approvals')) {
    expect(a.approver_id, `approval ${a.id} granted by the operator who asked`).not.toBe(a.requested_by);
    if (a.requested_by === null) expect(a.action).toBe('operator.unlock');
    if (a.consumed_at !== null) expect(a.consumed_by, `approval ${a.id} used by someone other than who asked`).toBe(a.requested_by);
  }
}

/** No desk is signed in as an account that is locked out or disabled. */
function checkSessions(w: World): void {
  const db = w.core.need().db;
  const now = w.clock.now().toISOString();
  for (const d of [...DESKS, 'kiosk']) {
    const s = w.core.sessions.peek(d);
    if (!s) continue;
    const row = db.prepare('SELECT active, locked_until FROM operators WHERE id = ?').get(s.operator.id) as { active: number; locked_until: string | null };
    expect(row.active, `${d} signed in as a disabled account`).toBe(1);
    expect(row.locked_until !== null && row.locked_until > now, `${d} signed in as ${s.operator.username}, who is locked out`).toBe(false);
  }
}

/** How many approved acts the random runs got done, by action: the property is not vacuous. */
function countDone(w: World, done: Map<string, number>): void {
  const rows = w.core.need().db.prepare('SELECT action FROM approvals WHERE consumed_at IS NOT NULL').all() as Array<{ action: string }>;
  for (const r of rows) done.set(r.action, (done.get(r.action) ?? 0) + 1);
}

describe('the two-person rule, by property', () => {
  it('no sequence of sign-ins, approvals, uses, locks and sign-outs lets one person do a two-person act', async () => {
    const done = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 10, maxLength: 40 }), async (cmds) => {
        const w = await world();
        try {
          for (const c of cmds) {
            const code = await run(w, c);
            expect(code, `${JSON.stringify(c)} failed inside`).not.toBe('INTERNAL');
            checkSessions(w);
          }
          checkStore(w);
          countDone(w, done);
        } finally {
          await w.core.close();
        }
      }),
      { numRuns: 30, timeout: 60_000 },
    );
    // the runs did get approved acts done (tens of them, of every kind, in a typical run): the property was not vacuous
    expect([...done.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 600_000);

  it('the rule holds where a lone supervisor tries every route to approve their own act', async () => {
    // a fixed, hostile sequence: zhao alone, signing out and in around each approval, on every desk
    const w = await world();
    try {
      const cmds: Cmd[] = [];
      for (const action of ACTIONS)
        for (let pick = 0; pick < 6; pick++)
          for (const d of DESKS) {
            cmds.push({ t: 'signOut', desk: d }, { t: 'approve', approver: 'zhao', action, pick, desk: d }, { t: 'signIn', who: 'zhao', desk: d });
            cmds.push({ t: 'approve', approver: 'zhao', action, pick, desk: d }, { t: 'use', pick, desk: d });
          }
      for (const c of cmds) expect(await run(w, c)).not.toBe('INTERNAL');
      // zhao never approved anything for himself: all he could grant was unlocking someone else's account at the login screen
      const granted = w.core.need().db.prepare('SELECT action, subject, requested_by FROM approvals WHERE approver_id = ?').all(w.ids.zhao) as Row[];
      expect(granted.length).toBeGreaterThan(0);
      for (const g of granted) expect(g).toMatchObject({ action: 'operator.unlock', requested_by: null, subject: expect.not.stringMatching(/^zhao$/) });
      checkStore(w);
    } finally {
      await w.core.close();
    }
  }, 120_000);
});
