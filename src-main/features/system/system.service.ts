import { appendAudit } from '../../db/audit';
import { backupNow, listBackups } from '../../db/backup';
import type { MaintenanceState } from '../../db/maintenance';
import { AppError } from '../../lib/errors';
import { Job } from '../../lib/jobs';
import type { AppStatus, BackupView, Channel, VerifyView } from '@shared/contract';
import type { SessionOperator } from '../operators/sessions';
import { generateDemo } from '../roster/demo';
import { getSetting, setSetting } from './settings.repo';
import type { AppCore } from '../../compose';
import { SCHEMA_VERSION } from '../../db/migrations';
import { DEFAULT_TIME_ZONE } from '@shared/calendar';
import { AuditWatch, verifyView } from './audit-watch';

const DEFAULT_IDLE_LOCK_MINUTES = 5;

/** App-level use cases: status for the shell, first-run setup, settings, audit verification, backups. */
export class SystemService {
  private demoJob: Job<{ residents: number }> | null = null;
  /** The store's protection watch (null while no store is open). */
  audit: AuditWatch | null = null;

  constructor(private readonly core: AppCore) {}

  private now(): string {
    return this.core.clock.now().toISOString();
  }

  private printerState(): AppStatus['devices']['printer'] {
    const st = this.core.services?.print.cachedStatus();
    if (!st || st.state === 'not-configured') return { state: 'not-configured', detail: '未配置打印机' };
    if (st.state === 'checking') return { state: 'checking', detail: `打印机：${st.detail}` };
    const state = st.state === 'ok' || st.state === 'unknown' || st.state === 'offline' || st.state === 'paper-out' || st.state === 'cover-open' ? st.state : 'error';
    return { state, detail: `打印机：${st.detail}${st.paperNearEnd ? '（纸将用完）' : ''}` };
  }

  idleLockMinutes(): number {
    const s = this.core.services;
    const v = s ? Number(getSetting(s.sql, 'idle_lock_minutes')) : NaN;
    return Number.isInteger(v) && v > 0 ? v : DEFAULT_IDLE_LOCK_MINUTES;
  }

  status(clientId: string, version: string): AppStatus {
    const s = this.core.services;
    const base = {
      version,
      schemaVersion: SCHEMA_VERSION,
      devices: {
        printer: this.printerState(),
        cardReader: this.core.services?.cardReader.deviceState() ?? { state: 'not-configured' as const, detail: '未配置读卡器' },
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
        recovery: { problems: this.core.recoveryProblems, backups: this.core.backupsWithHealth() },
        integrity: { lastFullCheckAt: null, ok: false },
        attention: null,
      };
    }
    const m = this.maintenanceState();
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

  /**
   * Start-up protection check of a store just opened: protective triggers and the chain from the checkpoint
   * (a finding puts the counter into the read-only attention state); in production also the full check of
   * every row, off the main thread, now and daily.
   */
  startAudit(background: boolean): void {
    this.audit?.stop();
    const s = this.core.need();
    this.audit = new AuditWatch({ sql: s.sql, clock: this.core.clock, log: this.core.log, dbFile: this.core.dbFile, ...(this.core.opts.nativeBinding ? { nativeBinding: this.core.opts.nativeBinding } : {}) });
    this.audit.startup();
    if (background) this.audit.startBackground();
  }

  stopAudit(): void {
    this.audit?.stop();
    this.audit = null;
  }

  /** The dispatcher's gate: refuses writes while the store needs attention. */
  guard(channel: Channel): void {
    this.audit?.guard(channel);
  }

  /** First run: property, terminal and the first admin, in one transaction; demo data afterwards if asked. */
  async setup(input: { propertyName: string; terminalId: string; admin: { username: string; displayName: string; password: string }; demoData: boolean }): Promise<void> {
    const s = this.core.need();
    if (s.operators.count() > 0) throw new AppError('ALREADY_SET_UP', '本机已完成初始设置：请直接登录。');
    const passwordHash = await s.operators.hash(input.admin.password);
    s.sql.tx(() => {
      if (s.operators.count() > 0) throw new AppError('ALREADY_SET_UP', '本机已完成初始设置：请直接登录。');
      const at = this.now();
      setSetting(s.sql, 'property_name', input.propertyName.trim(), at);
      setSetting(s.sql, 'terminal_id', input.terminalId.trim().toUpperCase(), at);
      setSetting(s.sql, 'idle_lock_minutes', String(DEFAULT_IDLE_LOCK_MINUTES), at);
      const admin = s.operators.createWithHash({ username: input.admin.username, displayName: input.admin.displayName, role: 'admin', passwordHash }, null);
      appendAudit(s.sql, this.core.clock, {
        operatorId: admin.id,
        action: 'system.setup',
        entity: 'system',
        entityId: input.terminalId.trim().toUpperCase(),
        detail: { propertyName: input.propertyName.trim(), demoData: input.demoData },
      });
    });
    if (input.demoData) this.startDemo();
  }

  private startDemo(): void {
    const s = this.core.need();
    const job = new Job<{ residents: number }>();
    job.step(0, 50_000, '正在生成演示数据…');
    this.demoJob = job;
    generateDemo(s.sql, this.core.clock, job)
      .then((n) => job.finish({ residents: n }, `演示数据已生成：${n.toLocaleString('zh-CN')} 位住户`))
      .catch((e: unknown) => {
        this.core.log.error(`demo data failed: ${e instanceof Error ? e.message : String(e)}`);
        job.fail('演示数据生成失败：可在「业主档案」中导入真实名册。');
      });
  }

  settings() {
    const s = this.core.need();
    return {
      propertyName: getSetting(s.sql, 'property_name') ?? '',
      terminalId: getSetting(s.sql, 'terminal_id') ?? '',
      idleLockMinutes: this.idleLockMinutes(),
      timeZone: s.calendar.tz(),
      timeZoneChangeable: !s.upstream.hasBuiltDays(),
    };
  }

  updateSettings(input: { propertyName: string; idleLockMinutes: number; timeZone?: string | undefined }, actor: SessionOperator) {
    const s = this.core.need();
    const zoneChanges = input.timeZone !== undefined && input.timeZone !== s.calendar.tz();
    if (zoneChanges && s.upstream.hasBuiltDays()) {
      throw new AppError(
        'CONFLICT',
        '已经有营业日汇总生成过，不能再改时区（否则会有几个小时被重复或漏报）：如确需修改，请先与总部确认后由技术支持处理。',
      );
    }
    s.sql.tx(() => {
      const at = this.now();
      setSetting(s.sql, 'property_name', input.propertyName.trim(), at);
      setSetting(s.sql, 'idle_lock_minutes', String(input.idleLockMinutes), at);
      if (zoneChanges && input.timeZone) setSetting(s.sql, 'time_zone', input.timeZone, at);
      appendAudit(s.sql, this.core.clock, { operatorId: actor.id, action: 'settings.update', entity: 'settings', entityId: 'general', detail: input });
    });
    this.core.setIdleMinutes(input.idleLockMinutes);
    return this.settings();
  }

  /** The full check: triggers, the whole chain, every money and custody row (and it updates the attention state). */
  async verifyAudit(): Promise<VerifyView> {
    this.core.need();
    return verifyView(await this.watch().verifyNow());
  }

  async auditResolve(reason: string, actor: SessionOperator): Promise<VerifyView> {
    this.core.need();
    return verifyView(await this.watch().resolve(reason, actor));
  }

  private watch(): AuditWatch {
    if (!this.audit) throw new AppError('DB_RECOVERY', '数据库需要恢复：请先在恢复页面选择一个备份恢复。');
    return this.audit;
  }

  listBackups(): BackupView[] {
    return listBackups(this.core.backupsDir).map(({ name, kind, createdAt, bytes }) => ({ name, kind, createdAt, bytes }));
  }

  async backupNow(actor: SessionOperator): Promise<BackupView> {
    const s = this.core.need();
    const b = await backupNow(s.db, this.core.backupsDir, this.core.clock, 'manual');
    s.sql.tx(() => appendAudit(s.sql, this.core.clock, { operatorId: actor.id, action: 'backup.manual', entity: 'backup', entityId: b.name, detail: { bytes: b.bytes } }));
    return { name: b.name, kind: b.kind, createdAt: b.createdAt, bytes: b.bytes };
  }

  maintenanceState(): MaintenanceState {
    const s = this.core.services;
    if (!s) return { lastBackupAt: null, lastFullCheckAt: null, fullCheckOk: null };
    const ok = getSetting(s.sql, 'last_full_check_ok');
    return {
      lastBackupAt: getSetting(s.sql, 'last_backup_at') ?? null,
      lastFullCheckAt: getSetting(s.sql, 'last_full_check_at') ?? null,
      fullCheckOk: ok === undefined ? null : ok === '1',
    };
  }

  setMaintenanceState(m: Partial<MaintenanceState>): void {
    const s = this.core.services;
    if (!s) return;
    const at = this.now();
    s.sql.tx(() => {
      if (m.lastBackupAt !== undefined && m.lastBackupAt !== null) setSetting(s.sql, 'last_backup_at', m.lastBackupAt, at);
      if (m.lastFullCheckAt !== undefined && m.lastFullCheckAt !== null) setSetting(s.sql, 'last_full_check_at', m.lastFullCheckAt, at);
      if (m.fullCheckOk !== undefined && m.fullCheckOk !== null) setSetting(s.sql, 'last_full_check_ok', m.fullCheckOk ? '1' : '0', at);
    });
  }

  recordEnterRecovery(actor: SessionOperator): void {
    const s = this.core.need();
    s.sql.tx(() => appendAudit(s.sql, this.core.clock, { operatorId: actor.id, action: 'db.enter_recovery', entity: 'system', entityId: 'db', detail: {} }));
  }

  recordRestore(backupName: string, keptAs: string): void {
    const s = this.core.need();
    s.sql.tx(() => appendAudit(s.sql, this.core.clock, { operatorId: null, action: 'db.restored', entity: 'backup', entityId: backupName, detail: { keptAs } }));
  }
}
