import type { Sql } from '../db/sql';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/log';
import { getSetting, setSetting } from '../features/system/settings.repo';
import { protectionOf, SecretUnreadable, type SecretProtection, type SecretStore } from '../lib/sealed-secret';

export type SecretRead = { secret: string; problem: null } | { secret: ''; problem: string | null };

/** The upstream secret in the settings table, sealed by `store`; the only code that reads or writes that row. */
export class StoredSecret {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly store: SecretStore,
  ) {}

  /**
   * The stored (sealed) value. One written plain by an earlier version is sealed here, on first read, wherever
   * the store has a key; its bytes are wiped from the database file (secure_delete, then a checkpoint).
   */
  sealed(): string | null {
    const sealed = getSetting(this.sql, 'upstream_secret');
    if (!sealed || !sealed.startsWith('plain:') || this.store.protection === 'none') return sealed ?? null;
    try {
      const resealed = this.store.seal(this.store.open(sealed));
      this.write(resealed, this.clock.now().toISOString());
      this.sql.db.pragma('wal_checkpoint(TRUNCATE)');
      this.log.warn(`upstream: the stored secret was plain; sealed it (${this.store.protection})`);
      return resealed;
    } catch (e) {
      this.log.error(`upstream: could not seal the plain stored secret: ${e instanceof Error ? e.message : String(e)}`);
      return sealed;
    }
  }

  /** How the stored secret is protected; with none stored, how the next one will be. */
  protection(): SecretProtection {
    const sealed = this.sealed();
    return sealed ? protectionOf(sealed) : this.store.protection;
  }

  /** The secret, or why it cannot be read (a missing key file, another PC's keychain …) and what to do. */
  read(): SecretRead {
    const sealed = this.sealed();
    if (!sealed) return { secret: '', problem: null };
    try {
      return { secret: this.store.open(sealed), problem: null };
    } catch (e) {
      return {
        secret: '',
        problem: e instanceof SecretUnreadable ? e.message : '上报密钥无法读取。上报已暂停：请管理员在「上报设置」中重新填写总部提供的密钥。',
      };
    }
  }

  /** Seals and stores a new secret (inside the caller's transaction). */
  save(plain: string, at: string): void {
    this.write(this.store.seal(plain), at);
  }

  /** The previous value's bytes are overwritten in the file, not just unlinked. */
  private write(sealed: string, at: string): void {
    const before = this.sql.db.pragma('secure_delete', { simple: true }) as number;
    this.sql.db.pragma('secure_delete = ON');
    try {
      setSetting(this.sql, 'upstream_secret', sealed, at);
    } finally {
      this.sql.db.pragma(`secure_delete = ${['OFF', 'ON', 'FAST'][before] ?? 'OFF'}`);
    }
  }
}
