/**
 * Crash-test child: opens the real core on a data directory and collects payments as fast as it can until
 * the parent kills it with SIGKILL. Reports each step on stdout (see protocol.ts); an `ack` line is written
 * only after `fees.collect` / `fees.void` returned ok — what the counter would show the payer.
 *
 *   child --data DIR --tag TAG --next N [--resend JSON]
 *
 * On the first start it sets the terminal up; every start is idempotent (log in, make sure the catalogue,
 * the supervisor, the room, the file printer and an open cash session exist). Before any new work it
 * re-sends the request the previous child may have died in (`--resend`): a collect with the same
 * requestId must come back as the receipt already posted, or be posted once; a void must find the void
 * already posted, or post it once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppCore } from '../../src-main/compose';
import * as roster from '../../src-main/features/roster/roster.repo';
import type { Channel, Input, Output } from '@shared/contract';
import {
  ADMIN,
  CLIENT_ID,
  collectSpec,
  CRASH_COST,
  FLOAT_500,
  hashString,
  ITEM_CODES,
  mulberry32,
  paymentsFor,
  PRINTER_FILE,
  requestId,
  ROOM_CODE,
  SUPERVISOR,
  TERMINAL,
  type ChildMessage,
  type ItemCode,
  type Pending,
} from './protocol';

const { values: argv } = parseArgs({
  options: {
    data: { type: 'string' },
    tag: { type: 'string', default: 'x' },
    next: { type: 'string', default: '1' },
    resend: { type: 'string' },
    'void-rate': { type: 'string', default: '0.07' },
    /** stop after this many new requests (for a manual run without a parent); 0 = until killed */
    max: { type: 'string', default: '0' },
  },
});

function emit(m: ChildMessage): void {
  // a pipe is written synchronously on Linux: once this returns, the parent will read the line even if we die now
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

class DispatchError extends Error {
  constructor(
    readonly channel: string,
    readonly code: string,
    message: string,
  ) {
    super(`${channel}: ${code}: ${message}`);
  }
}

const ITEMS: Record<
  ItemCode,
  { name: string; category: Input<'fees.items.save'>['category']; rule: Input<'fees.items.save'>['rule']; price: number; unit: string; refundable: boolean }
> = {
  WYF: { name: '物业费', category: 'property', rule: 'per_area_month', price: 250, unit: '月', refundable: false },
  TCF: { name: '停车费', category: 'parking', rule: 'per_month', price: 30000, unit: '月', refundable: false },
  BK: { name: '门禁卡补办', category: 'card', rule: 'fixed', price: 2000, unit: '张', refundable: false },
  FY: { name: '复印', category: 'service', rule: 'fixed', price: 50, unit: '张', refundable: false },
  ZXYJ: { name: '装修押金', category: 'deposit', rule: 'fixed', price: 200000, unit: '笔', refundable: true },
  SF: { name: '水费', category: 'utility', rule: 'amount', price: 0, unit: '', refundable: false },
};

async function main(): Promise<void> {
  if (!argv.data) throw new Error('--data DIR is required');
  const dataDir = path.resolve(argv.data);
  const tag = argv.tag;
  let next = Number(argv.next);
  const voidRate = Number(argv['void-rate']);
  const max = Number(argv.max);
  const resend = argv.resend ? (JSON.parse(argv.resend) as Pending) : null;
  emit({ t: 'phase', p: 'loaded' });

  fs.mkdirSync(dataDir, { recursive: true });
  const printerFile = path.join(dataDir, PRINTER_FILE);
  // the file transport never creates its file (a misspelt device path must not swallow receipts)
  if (!fs.existsSync(printerFile)) fs.writeFileSync(printerFile, '');
  // keep the capture from growing without bound over hundreds of restarts
  else if (fs.statSync(printerFile).size > 64 * 1024 * 1024) fs.truncateSync(printerFile, 0);

  emit({ t: 'phase', p: 'open-start' });
  const core = await AppCore.open({ dataDir, passwordCost: CRASH_COST });
  emit({ t: 'phase', p: 'open-done', ...(core.recoveryProblems.length ? { recovery: core.recoveryProblems } : {}) });
  if (!core.services) throw new Error(`store opened in recovery mode: ${core.recoveryProblems.join('; ')}`);
  const sql = core.services.sql;

  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const r = await core.dispatch(channel, input, { clientId: CLIENT_ID });
    if (!r.ok) throw new DispatchError(channel, r.error.code, r.error.message);
    return r.value as Output<C>;
  }

  // ---- set up (each step idempotent: a kill may have landed between any two of them) ----
  emit({ t: 'phase', p: 'setup' });
  const status = await call('system.status', {});
  if (status.mode === 'setup') {
    try {
      await call('system.setup', { propertyName: '阳光花园', terminalId: TERMINAL, admin: { ...ADMIN }, demoData: false });
    } catch (e) {
      if (!(e instanceof DispatchError && e.code === 'ALREADY_SET_UP')) throw e;
    }
  }
  await call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const settings = await call('settings.get', {});
  if (settings.idleLockMinutes !== 240) await call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240 });

  const existing = new Map((await call('fees.items.list', { includeInactive: true })).map((i) => [i.code, i.id]));
  const itemIds = {} as Record<ItemCode, number>;
  for (const code of ITEM_CODES) {
    let id = existing.get(code);
    if (id === undefined) {
      const it = ITEMS[code];
      id = (
        await call('fees.items.save', {
          code,
          name: it.name,
          category: it.category,
          rule: it.rule,
          unitPriceFen: it.price,
          unitLabel: it.unit,
          refundable: it.refundable,
          active: true,
          sort: 0,
        })
      ).id;
    }
    itemIds[code] = id;
  }
  if (!(await call('operators.list', {})).some((o) => o.username === SUPERVISOR.username)) {
    await call('operators.create', { username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, role: 'supervisor', password: SUPERVISOR.password });
  }
  const roomId = sql.tx(() => {
    const found = roster.roomByCode(sql, ROOM_CODE);
    if (found) return found.id;
    const at = new Date().toISOString();
    const b = roster.buildingByCode(sql, '3')?.id ?? roster.insertBuilding(sql, { code: '3', name: '3栋', at });
    const u = roster.unitId(sql, b, '2') ?? roster.insertUnit(sql, b, '2');
    return roster.insertRoom(sql, { unitId: u, number: '501', code: ROOM_CODE, areaCm2: 8950, at });
  });
  const printer = await call('printer.settings.get', {});
  if (printer.config.kind !== 'file' || printer.config.path !== printerFile) {
    await call('printer.settings.save', { config: { kind: 'file', path: printerFile }, width: 80, kickDrawer: true });
  }
  if (!(await call('cash.current', {}))) await call('cash.open', { count: FLOAT_500 });
  emit({ t: 'phase', p: 'ready' });

  // ---- work ----
  async function collect(n: number, req: string, isResend: boolean): Promise<{ id: number; no: string }> {
    emit({ t: 'attempt', op: 'collect', n, req, resend: isResend });
    const spec = collectSpec(req);
    const room = spec.withRoom ? roomId : null;
    const lines = spec.lines.map(({ code, ...rest }) => ({ itemId: itemIds[code], ...rest }));
    const q = await call('fees.quote', { roomId: room, lines });
    const r = await call('fees.collect', {
      requestId: req,
      roomId: room,
      ...(spec.payer ? { payer: spec.payer } : {}),
      lines,
      payments: paymentsFor(spec.payment, q.totalFen),
    });
    emit({ t: 'ack', op: 'collect', n, req, id: r.id, no: r.receiptNo, total: r.totalFen, resend: isResend });
    return { id: r.id, no: r.receiptNo };
  }

  async function voidReceipt(n: number, orig: number, origNo: string, isResend: boolean): Promise<void> {
    emit({ t: 'attempt', op: 'void', n, orig, origNo, resend: isResend });
    const a = await call('auth.approve', {
      username: SUPERVISOR.username,
      password: SUPERVISOR.password,
      action: 'receipt.void',
      subject: origNo,
      reason: '收错房号，住户要求作废',
    });
    const r = await core.dispatch('fees.void', { receiptId: orig, approvalId: a.approvalId, reason: '收错房号' }, { clientId: CLIENT_ID });
    if (r.ok) {
      const v = r.value as Output<'fees.void'>;
      emit({ t: 'ack', op: 'void', n, orig, origNo, id: v.id, no: v.receiptNo, total: v.totalFen, resend: isResend, existing: false });
      return;
    }
    // a re-sent void whose first try had committed: the original says who voided it
    if (isResend && r.error.code === 'CONFLICT') {
      const o = await call('fees.receipts.get', { id: orig });
      if (o.voidedBy) {
        const v = await call('fees.receipts.get', { id: o.voidedBy.id });
        emit({ t: 'ack', op: 'void', n, orig, origNo, id: v.id, no: v.receiptNo, total: v.totalFen, resend: true, existing: true });
        return;
      }
    }
    throw new DispatchError('fees.void', r.error.code, r.error.message);
  }

  if (resend?.op === 'collect') await collect(resend.n, resend.req, true);
  if (resend?.op === 'void') await voidReceipt(resend.n, resend.orig, resend.origNo, true);

  const rnd = mulberry32(hashString(`${tag}:${next}`));
  const voidable: Array<{ id: number; no: string }> = [];
  for (let done = 0; max === 0 || done < max; done++) {
    // each request is its own event, as IPC calls from the window are: the print queue gets its turns between them
    await new Promise((r) => setImmediate(r));
    const n = next++;
    if (voidable.length > 0 && rnd() < voidRate) {
      const [target] = voidable.splice(Math.floor(rnd() * voidable.length), 1);
      if (target) await voidReceipt(n, target.id, target.no, false);
    } else {
      voidable.push(await collect(n, requestId(tag, n), false));
    }
  }
  await core.close();
}

main().catch((e: unknown) => {
  emit({ t: 'fatal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(3);
});
