import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { auditCheck, type AuditReport } from '../../src-main/db/audit-check';
import { expectedTriggers } from '../../src-main/db/guards';
import type { LedgerTable } from '../../src-main/db/ledger';
import { openDatabase } from '../../src-main/db/open';
import { tmpDir } from '../support/core';
import { openKeysCardsCore, type KeysCardsFixture } from '../support/keys-cards';

/** ¥500 float: 5 × ¥100 */
export const FLOAT = { '10000': 5 };

/**
 * A counter day through the real services, writing at least one row of every money and custody table:
 * float, a ¥110.00 receipt (a line, a line settling one month of a room's plan, a payment), a cash-out, a key lent and returned, a key count, blank cards
 * received, a card issued, a parcel taken in and picked up, a visitor's pass, a worker's pre-printed
 * pass and its form range counted, a removal pass verified, the drawer closed. The core is left open.
 */
export async function counterDay(): Promise<KeysCardsFixture & { receiptId: number }> {
  const t = await openKeysCardsCore();
  await t.call('cash.open', { count: FLOAT });
  const item = await t.call('fees.items.save', {
    code: 'GLF',
    name: '管理费',
    category: 'property',
    rule: 'fixed',
    unitPriceFen: 10000,
    unitLabel: '笔',
    refundable: false,
    active: true,
    sort: 1,
  });
  const monthly = await t.call('fees.items.save', {
    code: 'LJF',
    name: '垃圾清运费',
    category: 'other',
    rule: 'per_month',
    unitPriceFen: 1000,
    unitLabel: '月',
    refundable: false,
    active: true,
    sort: 2,
  });
  await t.call('receivables.items.save', { itemId: monthly.id, sinceMonth: '2026-01', vacancyApplies: false });
  await t.call('receivables.plan.save', { roomId: t.rooms.a, itemId: monthly.id, startMonth: t.clock.now().toISOString().slice(0, 7) });
  const r = await t.call('fees.collect', {
    requestId: 'counter-day-0001',
    roomId: t.rooms.a,
    lines: [{ itemId: item.id }, { itemId: monthly.id, months: 1 }],
    payments: [{ method: 'cash', amountFen: 11000 }],
  });
  await t.call('cash.move', { kind: 'out', amountFen: 2000, reason: '购买打印纸' });
  const key = await t.call('keys.save', { kind: 'vacant', label: '空置房大门', roomId: t.rooms.a, hook: 'A-01' });
  const loan = await t.call('keys.lend', {
    keyId: key.id,
    borrowerType: 'contractor',
    borrowerName: '王师傅',
    company: '美家装修',
    purpose: 'renovation',
    idChecked: '身份证 110101199003071234',
    dueAt: new Date(t.clock.now().getTime() + 4 * 3_600_000).toISOString(),
  });
  await t.call('keys.return', { loanId: loan.id, condition: 'ok' });
  await t.call('keys.recordCount', { counted: 1 });
  await t.call('cards.stockMove', { cardType: 'access', kind: 'in', quantity: 10, reason: '采购入库' });
  await t.call('cards.issue', { number: '11127706', roomId: t.rooms.a, holderName: '张伟', type: 'access', depositFen: 5000 });
  const p = await t.call('parcels.intake', { waybill: 'SF1234567890123', roomId: t.rooms.a });
  await t.call('parcels.pickup', { ids: [p.id], check: 'code', proxy: false });
  // visitors and passes: a visitor pass, a worker's pass on a pre-printed form from a range received and counted, a removal pass verified
  await t.call('visitors.checkIn', {
    visitorName: '刘洋',
    phone: '13900001234',
    docType: 'id_card',
    docLast4: '123X',
    partySize: 1,
    purpose: 'friend',
    roomId: t.rooms.a,
    consent: 'owner_present',
  });
  const { notice: _notice, ...visitorSettings } = await t.call('visitors.settings.get', {});
  await t.call('visitors.settings.save', { ...visitorSettings, workerPassMode: 'forms' });
  await t.call('visitors.forms.receive', { firstNo: 'LS000101', lastNo: 'LS000110', receivedOn: '2026-11-23', signedBy: '王经理', handedOverBy: '孙会计' });
  await t.call('visitors.workers.issue', {
    company: '美家装修',
    workerName: '陈师傅',
    phone: '13500001111',
    docType: 'id_card',
    docLast4: '4321',
    validFrom: '2026-11-23',
    validUntil: '2026-11-25',
    roomId: t.rooms.a,
    formNo: 'LS000101',
  });
  await t.call('visitors.forms.count', { counted: 9 });
  const removal = await t.call('visitors.removal.issue', {
    roomId: t.rooms.a,
    applicantKind: 'owner',
    applicantName: '张伟',
    items: [{ name: '家具', quantity: 2 }],
    date: '2026-11-23',
    windowFrom: '09:00',
    windowTo: '18:00',
  });
  await t.call('visitors.removal.verify', { passNo: removal.pass.passNo });
  // ¥500 + ¥110 − ¥20 = ¥590 counted exactly
  await t.call('cash.close', { count: { '10000': 5, '5000': 1, '1000': 4 } });
  return { ...t, receiptId: r.id };
}

/** Closes the core and copies its store file (as someone with the file would). */
export async function copyOfStore(t: KeysCardsFixture, name: string): Promise<string> {
  const src = path.join(t.dataDir, 'lobbydesk.sqlite');
  await t.core.close();
  const dir = tmpDir('lobbydesk-tamper-');
  const file = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(src, file);
  return file;
}

/** What someone with sqlite3 on the file does: drops every trigger, edits, and (careful) puts them back. */
export function tamper(file: string, edit: (db: Database.Database) => void, opts: { restoreTriggers?: boolean } = {}): void {
  const db = new Database(file);
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string; sql: string }>;
  for (const tr of triggers) db.exec(`DROP TRIGGER "${tr.name}"`);
  db.pragma('foreign_keys = OFF');
  edit(db);
  if (opts.restoreTriggers) for (const tr of triggers) db.exec(tr.sql);
  db.close();
}

/** The full check of a store file, read-only (what verify-audit and the background check run). */
export function fullCheck(file: string): AuditReport {
  const db = openDatabase(file, { readonly: true });
  try {
    return auditCheck(db, { expected: expectedTriggers(), since: null, full: true, at: new Date().toISOString() });
  } finally {
    db.close();
  }
}

/** The newest ledger entry of a row (the one verify compares with). */
export function latestLedgerSeq(file: string, table: LedgerTable, id: number): number {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare("SELECT max(seq) AS s FROM audit_log WHERE entity = ? AND entity_id = ? AND action GLOB 'ledger.*'").get(table, String(id)) as { s: number }
    ).s;
  } finally {
    db.close();
  }
}
