import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openDatabase, quickCheck, type Db } from './db/open';
import { migrate, NewerDatabaseError } from './db/migrate';
import { listBackups, isGoodBackup, restoreFromBackup, backupBeforeMigrate } from './db/backup';
import { Maintenance } from './db/maintenance';
import { Sql } from './db/sql';
import { installLedgerStamp } from './db/ledger';
import { systemClock, type Clock } from './lib/clock';
import { AppError } from './lib/errors';
import { createLogger, type Logger } from './lib/log';
import { createDispatcher, type Dispatcher } from './ipc/handle';
import { buildHandlers } from './ipc/handlers';
import { SessionStore } from './features/operators/sessions';
import { OperatorsService } from './features/operators/operators.service';
import { PRODUCTION_COST, type ScryptCost } from './features/operators/password';
import { RosterService } from './features/roster/roster.service';
import { RosterImportService } from './features/roster/import/import.service';
import { SystemService } from './features/system/system.service';
import { CounterSettings } from './features/printing/counter-settings';
import { PrintQueue } from './features/printing/print-queue';
import { CashService } from './features/cash/cash.service';
import { FeesService } from './features/fees/fees.service';
import { ParcelsService } from './features/parcels/parcels.service';
import { ParcelsReport } from './features/parcels/parcels-report';
import { KeysService } from './features/keys/keys.service';
import { CardsService } from './features/cards/cards.service';
import { CardReaderService, type CardReaderFactory } from './features/cards/card-reader.service';
import { RequestsService } from './features/requests/requests.service';
import { HandoverService } from './features/handover/handover.service';
import { handoverSources } from './features/handover/sources';
import { handoverSlipLines } from './features/handover/slip';
import { dispatchSlipLines } from './features/requests/slip';
import { ReportsService } from './features/reports/reports.service';
import { UpstreamService, type UpstreamOptions } from './sync/upstream.service';
import { keyFileSecretStore, type SecretStore } from './lib/sealed-secret';
import { createPrinter } from './devices/printer/config';
import type { PrinterPort } from './devices/printer/port';
import type { PrinterSettings } from '@shared/contract/printer';
import { PropertyCalendar } from '@shared/calendar';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** better_sqlite3.node built for Electron (the Electron shell sets it). */
  nativeBinding?: string;
  passwordCost?: ScryptCost;
  /** Start the idle-time backup/check timer and the print queue's timers (off in tests). */
  maintenance?: boolean;
  /** The printer port for a configuration (tests pass a fake; the default builds the real transport). */
  printerPort?: (config: PrinterSettings['config']) => PrinterPort;
  /** Seals the upstream secret (Electron: the OS keychain); default: a key file in the data folder. */
  secretStore?: SecretStore;
  /** Upstream timing (tests shorten the timeouts and backoff). */
  upstream?: UpstreamOptions;
  /** The card reader port for a configuration (tests pass a fake; the default builds the real reader). */
  cardReaderPort?: CardReaderFactory;
}

export interface Services {
  db: Db;
  sql: Sql;
  /** the property's calendar (its time zone setting): today, day ranges, business days */
  calendar: PropertyCalendar;
  operators: OperatorsService;
  roster: RosterService;
  rosterImport: RosterImportService;
  maintenance: Maintenance;
  counter: CounterSettings;
  print: PrintQueue;
  cash: CashService;
  fees: FeesService;
  parcels: ParcelsService;
  parcelsReport: ParcelsReport;
  upstream: UpstreamService;
  requests: RequestsService;
  handover: HandoverService;
  reports: ReportsService;
  keys: KeysService;
  cards: CardsService;
  cardReader: CardReaderService;
}

export const APP_VERSION: string = (() => {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

/**
 * The composition root shared by the Electron shell and the browser host: opens and checks the store,
 * migrates it, builds the services and the dispatcher. If the store fails its check, the core starts
 * in recovery mode and offers the newest good backup.
 */
export class AppCore {
  readonly dbFile: string;
  readonly backupsDir: string;
  readonly clock: Clock;
  readonly log: Logger;
  readonly sessions: SessionStore;
  readonly system: SystemService;
  readonly dispatch: Dispatcher;
  services: Services | null = null;
  recoveryProblems: string[] = [];
  /** The store is from a newer version of the app: nothing to restore, the app must be updated. */
  newerDatabase = false;
  private idleMinutes = 5;
  /** flushes and closes the log file when the core made its own */
  private closeLog: () => Promise<void> = async () => {};

  private constructor(readonly opts: CoreOptions) {
    this.dbFile = path.join(opts.dataDir, 'lobbydesk.sqlite');
    this.backupsDir = path.join(opts.dataDir, 'backups');
    this.clock = opts.clock ?? systemClock;
    if (opts.log) this.log = opts.log;
    else {
      const own = createLogger({ file: path.join(opts.dataDir, 'logs', 'lobbydesk.log') });
      this.log = own;
      this.closeLog = () => own.close();
    }
    this.sessions = new SessionStore(this.clock, () => this.idleMinutes);
    this.system = new SystemService(this);
    this.dispatch = createDispatcher(buildHandlers(this), this.sessions, this.log, (channel) => this.system.guard(channel));
  }

  static async open(opts: CoreOptions): Promise<AppCore> {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    const core = new AppCore(opts);
    core.sessions.lastActivityAt = core.clock.now().getTime();
    core.openStore();
    return core;
  }

  /** Opens, checks and migrates the store; on failure switches to recovery mode instead of throwing. */
  openStore(): void {
    let db: Db | null = null;
    this.newerDatabase = false;
    const backups = listBackups(this.backupsDir).length;
    if (!fs.existsSync(this.dbFile) && backups > 0) {
      // never start an empty store silently next to backups: its daily backups would rotate the real ones away
      this.recoveryProblems = [
        `找不到数据库文件（${this.dbFile}），但备份目录里有 ${backups} 个备份：请选择一个备份恢复。若确实要在这台电脑上从空白开始，请先把 backups 文件夹移到别处再启动。`,
      ];
      this.services = null;
      return;
    }
    try {
      db = openDatabase(this.dbFile, this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {});
      const problems = quickCheck(db);
      if (problems.length) throw new Error(`quick_check: ${problems.join('; ')}`);
      migrate(db, { beforeMigrate: (from) => backupBeforeMigrate(db as Db, this.backupsDir, this.clock, from) });
    } catch (e) {
      db?.close();
      this.newerDatabase = e instanceof NewerDatabaseError;
      const msg = e instanceof NewerDatabaseError ? e.message : `数据库无法打开或检查未通过：${e instanceof Error ? e.message : String(e)}`;
      this.log.error(`store failed to open: ${msg}`);
      this.recoveryProblems = [msg];
      this.services = null;
      return;
    }
    this.recoveryProblems = [];
    const sql = new Sql(db);
    // every money and custody row written through this connection gets its digest in the audit chain
    installLedgerStamp(sql, this.clock);
    const operators = new OperatorsService(sql, this.clock, this.sessions, () => this.idleMinutes, this.opts.passwordCost ?? PRODUCTION_COST);
    const maintenance = new Maintenance(
      db,
      this.dbFile,
      this.backupsDir,
      this.clock,
      this.log,
      { get: () => this.system.maintenanceState(), set: (s) => this.system.setMaintenanceState(s) },
      () => this.sessions.lastActivityAt,
      this.opts.nativeBinding,
    );
    const counter = new CounterSettings(sql, this.clock);
    const calendar = new PropertyCalendar(() => counter.timeZone(), this.clock);
    let cash: CashService | null = null;
    const print = new PrintQueue(
      sql,
      this.clock,
      this.log,
      {
        settings: () => counter.printer(),
        propertyName: () => counter.propertyName(),
        terminalId: () => counter.terminalId(),
        timeZone: () => calendar.tz(),
        closeResult: (id) => (cash as CashService).slip(id),
        handoverLines: (id) => handoverSlipLines(this.need().handover.get(id), counter.propertyName(), calendar.tz()),
        dispatchLines: (id) => dispatchSlipLines(this.need().requests.dispatchLines(id), counter.propertyName(), calendar.tz()),
      },
      this.opts.printerPort ?? ((c) => createPrinter(c)),
    );
    cash = new CashService(sql, this.clock, counter, operators, print);
    const fees = new FeesService(sql, this.clock, () => counter.terminalId(), cash, operators, print, calendar);
    const parcels = new ParcelsService(sql, this.clock, operators, {
      enqueueParcelSlip: (id, copy) => print.enqueueParcelSlip(id, copy),
      parcelInfo: (id) => print.parcelInfo(id),
      width: () => counter.printer().width,
      propertyName: () => counter.propertyName(),
    }, calendar);
    const cardReader = new CardReaderService(sql, this.clock, this.log, this.opts.cardReaderPort);
    this.services = {
      db,
      sql,
      calendar,
      operators,
      roster: new RosterService(sql, this.clock),
      rosterImport: new RosterImportService(sql, this.clock),
      maintenance,
      counter,
      print,
      cash,
      fees,
      parcels,
      parcelsReport: new ParcelsReport(sql, this.clock, parcels, calendar),
      requests: new RequestsService(sql, this.clock, calendar, (id) => print.enqueueDispatchSlip(id)),
      upstream: new UpstreamService(
        sql,
        this.clock,
        this.log,
        { terminalId: () => counter.terminalId(), propertyName: () => counter.propertyName(), overdueDays: () => parcels.settings().overdueDays, timeZone: () => calendar.tz() },
        this.opts.secretStore ?? keyFileSecretStore(this.opts.dataDir),
        this.opts.upstream,
      ),
      keys: new KeysService(sql, this.clock, operators),
      cards: new CardsService(sql, this.clock, () => cardReader.format(), calendar),
      cardReader,
      handover: new HandoverService(sql, this.clock, handoverSources(db, () => this.need(), () => counter.terminalId())),
      reports: new ReportsService(sql, this.clock, { terminalId: () => counter.terminalId(), overdueDays: () => parcels.settings().overdueDays, requests: () => this.need().requests, calendar }),
    };
    this.idleMinutes = this.system.idleLockMinutes();
    // protective triggers and the audit chain from the last verified row; a finding → read-only attention
    this.system.startAudit(this.opts.maintenance ?? false);
    print.start(this.opts.maintenance ? 3000 : 200);
    void cardReader.start();
    if (this.opts.maintenance) {
      maintenance.start();
      this.services.upstream.start();
    }
  }

  /** An admin takes the counter into recovery after a failed full check (closes the store first). */
  async enterRecovery(reason: string): Promise<void> {
    await this.close();
    this.recoveryProblems = [reason];
  }

  setIdleMinutes(m: number): void {
    this.idleMinutes = m;
  }

  /** Services, or a clear refusal while the store is in recovery. */
  need(): Services {
    if (!this.services) throw new AppError('DB_RECOVERY', '数据库需要恢复：请先在恢复页面选择一个备份恢复。');
    return this.services;
  }

  backupsWithHealth() {
    if (this.newerDatabase) return [];
    return listBackups(this.backupsDir).map((b) => ({ name: b.name, kind: b.kind, createdAt: b.createdAt, bytes: b.bytes, good: isGoodBackup(b.file) }));
  }

  /** Recovery: keep the damaged file aside, put the chosen backup in place, open again. */
  restore(name: string): void {
    if (this.services) throw new AppError('CONFLICT', '数据库正常，无需恢复。若要回到某个备份，请联系管理员。');
    if (this.newerDatabase) throw new AppError('CONFLICT', '数据库来自更新版本的 LobbyDesk，没有损坏：请安装新版程序，不要用备份覆盖它。');
    const b = listBackups(this.backupsDir).find((x) => x.name === name);
    if (!b) throw new AppError('NOT_FOUND', '找不到这个备份文件：请刷新列表后重选。');
    let kept: string;
    try {
      kept = restoreFromBackup(this.dbFile, b.file, this.clock).keptAs;
    } catch (e) {
      throw new AppError('CONFLICT', e instanceof Error ? e.message : String(e));
    }
    this.log.warn(`restored ${b.name}; damaged store kept as ${kept}`);
    this.openStore();
    if (!this.services) throw new AppError('DB_RECOVERY', '恢复后数据库仍无法打开：请选择更早的备份，或联系技术支持。');
    this.system.recordRestore(b.name, path.basename(kept));
  }

  async close(): Promise<void> {
    this.system.stopAudit();
    this.services?.maintenance.stop();
    await this.services?.upstream.stop();
    await this.services?.print.stop();
    await this.services?.cardReader.stop();
    this.services?.db.close();
    this.services = null;
  }

  /** Closes the store and, when the core opened its own log, the log file (the process is about to end). */
  async shutdown(): Promise<void> {
    await this.close();
    await this.closeLog();
  }
}
