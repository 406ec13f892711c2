import { appendAudit } from '../../db/audit';
import { backupNow, listBackups } from '../../db/backup';
import type { MaintenanceState } from '../../db/maintenance';
import type { Db } from '../../db/open';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { Job } from '../../lib/jobs';
import type { Logger } from '../../lib/log';
import type { AppStatus, BackupView, Channel, VerifyView } from '@shared/contract';
import type { CashService } from '../cash/cash.service';
import type { CardReaderService } from '../cards/card-reader.service';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import type { PrintQueue } from '../printing/print-queue';
import type { UpstreamService } from '../../sync/upstream.service';
import { generateDemo } from '../roster/demo';
import { getSetting, setSetting } from './settings.repo';
import { readMaintenanceState, writeMaintenanceState } from './maintenance-state';
import { SCHEMA_VERSION } from '../../db/migrations';
import { DEFAULT_TIME_ZONE, type PropertyCalendar } from '@shared/calendar';
import { AuditWatch, verifyView } from './audit-watch';

/** What the system use cases need from the app around them: its paths and tools, and the store's lifecycle. */
export interface SystemEnv {
  clock: Clock;
  log: Logger;
  dbFile: string;
  backupsDir: string;
  nativeBinding?: string | undefined;
  /** the app's version, for the status */
  version: string;
  /** while no store is open: why, and the backups offered (none for a store from a newer version) */
  recovery(): NonNullable<AppStatus['recovery']>;
  /** recovery: keeps the damaged file aside, puts the chosen backup in place and opens it */
  restore(backupName: string): void;
  /** closes the store and enters recovery with this reason */
  enterRecovery(reason: string): Promise<void>;
}

/** The parts of an open store that the system use cases read. */
export interface SystemStore {
  db: Db;
  sql: Sql;
  calendar: PropertyCalendar;
  operators: Pick<OperatorsService, 'count' | 'sessionView' | 'hash' | 'createWithHash'>;
  cash: Pick<CashService, 'shift'>;
  upstream: Pick<UpstreamService, 'status' | 'hasBuiltDays'>;
  print: Pick<PrintQueue, 'cachedStatus'>;
  cardReader: Pick<CardReaderService, 'deviceState'>;
}

const DEFAULT_IDLE_LOCK_MINUTES = 5;
/** The refusal of anything that needs the store while it is in recovery. */
export const recoveryError = (): AppError => new AppError('DB_RECOVERY', '数据库需要恢复：请先在恢复页面选择一个备份恢复。');

/**
 * App-level use cases: status for the shell, first-run setup, settings, audit verification, backups, recovery.
 * It lives as long as the app; a store is attached when it opens and detached when it closes (in recovery
 * there is none, and what needs one refuses with DB_RECOVERY).
 */
export class SystemService {
  private demoJob: Job<{ residents: number }> | null = null;
  private store: SystemStore | null = null;
  private idleMinutes = DEFAULT_IDLE_LOCK_MINUTES;
  /** The store's protection watch (null while no store is open). */
  audit: AuditWatch | null = null;

  constructor(private readonly env: SystemEnv) {}

  private now(): string {
    return this.env.clock.now().toISOString();
  }

  private need(): SystemStore {
    if (!this.store) throw recoveryError();
    return this.store;
  }

  /**
   * A store just opened: reads its idle-lock setting and runs the start-up protection check (protective triggers
   * and the chain from the checkpoint; a finding puts the counter into the read-only attention state); with
   * `background` (production) also the full check of every row, off the main thread, now and daily.
   */
  attach(store: SystemStore, background: boolean): void {
    this.detach();
    this.store = store;
    this.idleMinutes = this.storedIdleMinutes(store);
    this.audit = new AuditWatch({
      sql: store.sql,
      clock: this.env.clock,
      log: this.env.log,
      dbFile: this.env.dbFile,
      ...(this.env.nativeBinding ? { nativeBinding: this.env.nativeBinding } : {}),
    });
    this.audit.startup();
    if (background) this.audit.startBackground();
  }

  /** The store is closing: stops its protection watch. */
  detach(): void {
    this.audit?.stop();
    this.audit = null;
    this.store = null;
  }

  private storedIdleMinutes(s: SystemStore): number {
    const v = Number(getSetting(s.sql, 'idle_lock_minutes'));
    return Number.isInteger(v) && v > 0 ? v : DEFAULT_IDLE_LOCK_MINUTES;
  }

  /** After this many idle minutes a session locks (the last store's setting; the default before any opened). */
  idleLockMinutes(): number {
    return this.idleMinutes;
  }

  private printerState(): AppStatus['devices']['printer'] {
    const st = this.store?.print.cachedStatus();
    if (!st || st.state === 'not-configured') return { state: 'not-configured', detail: '未配置打印机' };
    if (st.state === 'checking') return { state: 'checking', detail: `打印机：${st.detail}` };
    const state =
      st.state === 'ok' || st.state === 'unknown' || st.state === 'offline' || st.state === 'paper-out' || st.state === 'cover-open' ? st.state : 'error';
    return { state, detail: `打印机：${st.detail}${st.paperNearEnd ? '（纸将用完）' : ''}` };
  }

  status(clientId: string): AppStatus {
    const s = this.store;
    const base = {
      version: this.env.version,
      schemaVersion: SCHEMA_VERSION,
      devices: {
        printer: this.printerState(),
        cardReader: s?.cardReader.deviceState() ?? { state: 'not-configured' as const, detail: '未配置读卡器' },
        scanner: { state: 'not-configured' as const, detail: '扫码枪：键盘模式' },
      },
      upstream: { lastSuccessAt: null, backlog: 0, alert: null as string | null },
      shift: { open: false, label: '未开班', holder: null as string | null },
      demo: this.demoJob ? this.demoJob.progress : null,
    };
    if (!s) {
      return {
        ...base,
        mode: 'recovery',
        propertyName: '',
        terminalId: '',
        timeZone: DEFAULT_TIME_ZONE,
        session: null,
        recovery: this.env.recovery(),
        integrity: { lastFullCheckAt: null, ok: false },
        attention: null,
      };
    }
    const m = readMaintenanceState(s.sql);
    const attention = this.audit?.statusView() ?? null;
    return {
      ...base,
      mode: s.operators.count() === 0 ? 'setup' : attention ? 'attention' : 'ready',
      propertyName: getSetting(s.sql, 'property_name') ?? '',
      terminalId: getSetting(s.sql, 'terminal_id') ?? '',
      timeZone: s.calendar.tz(),
      session: s.operators.sessionView(clientId),
      shift: s.cash.shift(),
      upstream: s.upstream.status(),
      recovery: null,
      integrity: { lastFullCheckAt: m.lastFullCheckAt, ok: m.fullCheckOk },
      attention,
    };
  }

  /** The dispatcher's gate: refuses writes while the store needs attention. */
  guard(channel: Channel): void {
    this.audit?.guard(channel);
  }

  /** First run: property, terminal and the first admin, in one transaction; demo data afterwards if asked. */
  async setup(input: {
    propertyName: string;
    terminalId: string;
    admin: { username: string; displayName: string; password: string };
    demoData: boolean;
  }): Promise<void> {
    const s = this.need();
    if (s.operators.count() > 0) throw new AppError('ALREADY_SET_UP', '本机已完成初始设置：请直接登录。');
    const passwordHash = await s.operators.hash(input.admin.password);
    s.sql.tx(() => {
      if (s.operators.count() > 0) throw new AppError('ALREADY_SET_UP', '本机已完成初始设置：请直接登录。');
      const at = this.now();
      setSetting(s.sql, 'property_name', input.propertyName.trim(), at);
      setSetting(s.sql, 'terminal_id', input.terminalId.trim().toUpperCase(), at);
      setSetting(s.sql, 'idle_lock_minutes', String(DEFAULT_IDLE_LOCK_MINUTES), at);
      const admin = s.operators.createWithHash({ username: input.admin.username, displayName: input.admin.displayName, role: 'admin', passwordHash }, null);
      appendAudit(s.sql, this.env.clock, {
        operatorId: admin.id,
        action: 'system.setup',
        entity: 'system',
        entityId: input.terminalId.trim().toUpperCase(),
        detail: { propertyName: input.propertyName.trim(), demoData: input.demoData },
      });
    });
    if (input.demoData) this.startDemo(s);
  }

  private startDemo(s: SystemStore): void {
    const job = new Job<{ residents: number }>();
    job.step(0, 50_000, '正在生成演示数据…');
    this.demoJob = job;
    generateDemo(s.sql, this.env.clock, job)
      .then((n) => job.finish({ residents: n }, `演示数据已生成：${n.toLocaleString('zh-CN')} 位住户`))
      .catch((e: unknown) => {
        this.env.log.error(`demo data failed: ${e instanceof Error ? e.message : String(e)}`);
        job.fail('演示数据生成失败：可在「业主档案」中导入真实名册。');
      });
  }

  settings() {
    const s = this.need();
    return {
      propertyName: getSetting(s.sql, 'property_name') ?? '',
      terminalId: getSetting(s.sql, 'terminal_id') ?? '',
      idleLockMinutes: this.storedIdleMinutes(s),
      timeZone: s.calendar.tz(),
      timeZoneChangeable: !s.upstream.hasBuiltDays(),
    };
  }

  updateSettings(input: { propertyName: string; idleLockMinutes: number; timeZone?: string | undefined }, actor: SessionOperator) {
    const s = this.need();
    const zoneChanges = input.timeZone !== undefined && input.timeZone !== s.calendar.tz();
    if (zoneChanges && s.upstream.hasBuiltDays()) {
      throw new AppError('CONFLICT', '已经有营业日汇总生成过，不能再改时区（否则会有几个小时被重复或漏报）：如确需修改，请先与总部确认后由技术支持处理。');
    }
    s.sql.tx(() => {
      const at = this.now();
      setSetting(s.sql, 'property_name', input.propertyName.trim(), at);
      setSetting(s.sql, 'idle_lock_minutes', String(input.idleLockMinutes), at);
      if (zoneChanges && input.timeZone) setSetting(s.sql, 'time_zone', input.timeZone, at);
      appendAudit(s.sql, this.env.clock, { operatorId: actor.id, action: 'settings.update', entity: 'settings', entityId: 'general', detail: input });
    });
    this.idleMinutes = input.idleLockMinutes;
    return this.settings();
  }

  /** The full check: triggers, the whole chain, every money and custody row (and it updates the attention state). */
  async verifyAudit(): Promise<VerifyView> {
    this.need();
    return verifyView(await this.watch().verifyNow());
  }

  async auditResolve(reason: string, actor: SessionOperator): Promise<VerifyView> {
    this.need();
    return verifyView(await this.watch().resolve(reason, actor));
  }

  private watch(): AuditWatch {
    if (!this.audit) throw recoveryError();
    return this.audit;
  }

  listBackups(): BackupView[] {
    return listBackups(this.env.backupsDir).map(({ name, kind, createdAt, bytes }) => ({ name, kind, createdAt, bytes }));
  }

  async backupNow(actor: SessionOperator): Promise<BackupView> {
    const s = this.need();
    const b = await backupNow(s.db, this.env.backupsDir, this.env.clock, 'manual');
    s.sql.tx(() =>
      appendAudit(s.sql, this.env.clock, { operatorId: actor.id, action: 'backup.manual', entity: 'backup', entityId: b.name, detail: { bytes: b.bytes } }),
    );
    return { name: b.name, kind: b.kind, createdAt: b.createdAt, bytes: b.bytes };
  }

  maintenanceState(): MaintenanceState {
    return this.store ? readMaintenanceState(this.store.sql) : { lastBackupAt: null, lastFullCheckAt: null, fullCheckOk: null };
  }

  setMaintenanceState(m: Partial<MaintenanceState>): void {
    if (this.store) writeMaintenanceState(this.store.sql, this.env.clock, m);
  }

  /** Recovery: the chosen backup replaces the damaged store (refused while the store is healthy). */
  restoreBackup(name: string): void {
    this.env.restore(name);
  }

  /** An admin takes the counter into recovery after a failed full check: recorded, then the store closes. */
  async enterRecovery(actor: SessionOperator): Promise<void> {
    const s = this.need();
    s.sql.tx(() => appendAudit(s.sql, this.env.clock, { operatorId: actor.id, action: 'db.enter_recovery', entity: 'system', entityId: 'db', detail: {} }));
    await this.env.enterRecovery('管理员在完整检查未通过后进入了恢复：请选择一个完整检查通过之前的备份恢复。');
  }

  recordRestore(backupName: string, keptAs: string): void {
    const s = this.need();
    s.sql.tx(() => appendAudit(s.sql, this.env.clock, { operatorId: null, action: 'db.restored', entity: 'backup', entityId: backupName, detail: { keptAs } }));
  }
}
