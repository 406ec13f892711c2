import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, quickCheck, type Db } from './db/open';
import { migrate, NewerDatabaseError } from './db/migrate';
import { listBackups, isGoodBackup, restoreFromBackup, backupBeforeMigrate } from './db/backup';
import { systemClock, type Clock } from './lib/clock';
import { AppError } from './lib/errors';
import { createLogger, type Logger } from './lib/log';
import { APP_VERSION } from './lib/version';
import { createDispatcher, type Dispatcher, type Handlers } from './ipc/handle';
import { recoveryHandlers, storeHandlers } from './ipc/handlers';
import { SessionStore } from './features/operators/sessions';
import { recoveryError, SystemService } from './features/system/system.service';
import { buildServices, startServices, stopServices, type ServiceOptions, type Services } from './services';

export interface CoreOptions extends ServiceOptions {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** Start the idle-time backup/check timer, the print queue's timers and the upstream sending (off in tests). */
  maintenance?: boolean;
}

/**
 * The composition root shared by the Electron shell and the browser host: opens, checks and migrates the store,
 * builds its services (services.ts) and answers the channels through one dispatcher. If the store fails its
 * check, the core starts in recovery mode and offers the newest good backup; a restore opens the store again.
 *
 * What lives as long as the app: the sessions, the system use cases and the dispatcher. What lives as long as an
 * open store: its services and the handler map built on them (in recovery, the recovery map instead).
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
  /** the channels' handlers: the open store's, or the recovery map */
  private handlers: Handlers;
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
    const system = new SystemService({
      clock: this.clock,
      log: this.log,
      dbFile: this.dbFile,
      backupsDir: this.backupsDir,
      nativeBinding: opts.nativeBinding,
      version: APP_VERSION,
      recovery: () => ({ problems: this.recoveryProblems, backups: this.backupsWithHealth() }),
      restore: (name) => this.restore(name),
      enterRecovery: (reason) => this.enterRecovery(reason),
    });
    this.system = system;
    this.sessions = new SessionStore(this.clock, () => system.idleLockMinutes());
    this.handlers = recoveryHandlers(system, this.sessions);
    this.dispatch = createDispatcher(
      () => this.handlers,
      this.sessions,
      this.log,
      (channel) => system.guard(channel),
    );
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
    const background = this.opts.maintenance ?? false;
    const services = buildServices(db, {
      clock: this.clock,
      log: this.log,
      dataDir: this.opts.dataDir,
      dbFile: this.dbFile,
      backupsDir: this.backupsDir,
      sessions: this.sessions,
      idleLockMinutes: () => this.system.idleLockMinutes(),
      options: this.opts,
    });
    this.services = services;
    this.handlers = storeHandlers(services, this.system, this.sessions);
    // the idle-lock setting, and the protection check (a finding → read-only attention)
    this.system.attach(services, background);
    startServices(services, background);
  }

  /** An admin takes the counter into recovery after a failed full check (closes the store first). */
  async enterRecovery(reason: string): Promise<void> {
    await this.close();
    this.recoveryProblems = [reason];
  }

  /** Services, or a clear refusal while the store is in recovery. */
  need(): Services {
    if (!this.services) throw recoveryError();
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
    this.system.detach();
    const services = this.services;
    if (services) await stopServices(services);
    this.services = null;
    this.handlers = recoveryHandlers(this.system, this.sessions);
  }

  /** Closes the store and, when the core opened its own log, the log file (the process is about to end). */
  async shutdown(): Promise<void> {
    await this.close();
    await this.closeLog();
  }
}
