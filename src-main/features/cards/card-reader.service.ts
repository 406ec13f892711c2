import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/log';
import type { CardReadView, CardReaderStatusView, RecordingView } from '@shared/contract/card-reader';
import {
  cardForms,
  cardReaderConfigSchema,
  createCardReader,
  diagnoseHid,
  HidRecorder,
  loadNodeHid,
  udevRule,
  type CardFormat,
  type CardRead,
  type CardReaderConfig,
  type CardReaderPort,
  type Unsubscribe,
} from '../../devices/card-reader';
import type { SessionOperator } from '../operators/sessions';
import { getSetting, setSetting } from '../system/settings.repo';

export const DEFAULT_CARD_READER: CardReaderConfig = { kind: 'none', format: 'auto' };

export type CardReaderFactory = (config: CardReaderConfig) => CardReaderPort;

/**
 * The counter's card reader: built from the site setting, started with the store, restarted when the setting
 * changes. Reads are kept as "the last read" with a sequence number; the screens poll cardReader.lastRead
 * (the same in Electron and in the browser host). Diagnostics list HID devices and record raw reports.
 */
export class CardReaderService {
  private port: CardReaderPort;
  private config: CardReaderConfig;
  private seq = 0;
  private last: CardReadView | null = null;
  private offs: Unsubscribe[] = [];
  private recorder: HidRecorder | null = null;
  private recording = false;

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly factory: CardReaderFactory = (c) => createCardReader(c, { log: (l) => log.info(`card reader: ${l}`) }),
  ) {
    this.config = this.readConfig();
    this.port = this.build(this.config);
  }

  private readConfig(): CardReaderConfig {
    const raw = getSetting(this.sql, 'card_reader_settings');
    if (!raw) return DEFAULT_CARD_READER;
    try {
      const r = cardReaderConfigSchema.safeParse(JSON.parse(raw));
      return r.success ? r.data : DEFAULT_CARD_READER;
    } catch {
      return DEFAULT_CARD_READER; // a damaged setting means "no reader", never a crash
    }
  }

  private build(config: CardReaderConfig): CardReaderPort {
    let port: CardReaderPort;
    try {
      port = this.factory(config);
    } catch (e) {
      this.log.error(`card reader: cannot build ${config.kind}: ${e instanceof Error ? e.message : String(e)}`);
      port = createCardReader(DEFAULT_CARD_READER);
    }
    this.offs = [
      port.onCard((r) => this.onRead(r)),
      port.onState((s) => this.log.info(`card reader ${port.describe}: ${s.state}${s.code ? ` ${s.code}` : ''}${s.detail ? ` (${s.detail})` : ''}`)),
    ];
    return port;
  }

  private onRead(r: CardRead): void {
    this.seq++;
    this.last = r.ok
      ? { ok: true, raw: r.raw, key: r.card.key, format: r.card.format, forms: cardForms(r.card), message: null, at: r.at.toISOString() }
      : { ok: false, raw: r.raw, key: null, format: null, forms: {}, message: r.message, at: r.at.toISOString() };
  }

  async start(): Promise<void> {
    await this.port.start();
  }

  async stop(): Promise<void> {
    this.stopRecording();
    for (const off of this.offs) off();
    this.offs = [];
    await this.port.stop();
  }

  /** The port (tests present cards on a fake through it). */
  current(): CardReaderPort {
    return this.port;
  }

  format(): CardFormat {
    return this.config.format;
  }

  settings(): CardReaderConfig {
    return this.config;
  }

  async save(config: CardReaderConfig, actor: SessionOperator): Promise<CardReaderConfig> {
    const parsed = cardReaderConfigSchema.parse(config);
    this.sql.tx(() => {
      setSetting(this.sql, 'card_reader_settings', JSON.stringify(parsed), this.clock.now().toISOString());
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'settings.cardReader', entity: 'settings', entityId: 'card_reader', detail: parsed });
    });
    await this.stop();
    this.config = parsed;
    this.port = this.build(parsed);
    await this.port.start();
    return this.config;
  }

  status(): CardReaderStatusView {
    const s = this.port.status();
    return { state: s.state, code: s.code ?? null, message: s.message, describe: this.port.describe, kind: this.config.kind, format: this.config.format };
  }

  /** For system.status: the status bar's device state. */
  deviceState(): { state: 'not-configured' | 'ok' | 'offline' | 'error'; detail: string } {
    const s = this.port.status();
    if (this.config.kind === 'none' || s.state === 'disabled') return { state: 'not-configured', detail: '未配置读卡器：可手工输入卡号' };
    const state = s.state === 'ready' ? 'ok' : s.state === 'error' ? 'error' : 'offline';
    return { state, detail: `读卡器：${s.message}` };
  }

  lastRead(afterSeq: number): { seq: number; read: CardReadView | null } {
    return { seq: this.seq, read: this.seq > afterSeq ? this.last : null };
  }

  diagnose() {
    const configured = this.config.kind === 'hid' ? { vendorId: this.config.vendorId, productId: this.config.productId } : undefined;
    const d = diagnoseHid(() => loadNodeHid(), configured);
    const rule = configured ? udevRule(configured.vendorId, configured.productId) : null;
    if (!d.ok) return { ok: false, driver: null, version: null, devices: [], message: d.message, detail: d.detail, udevRule: rule };
    return {
      ok: true,
      driver: d.driver,
      version: d.version,
      devices: d.devices.map((x) => ({
        id: x.id,
        vendorHex: x.vendorHex,
        productHex: x.productHex,
        manufacturer: x.manufacturer,
        product: x.product,
        interface: x.interface,
        keyboard: x.keyboard,
        configured: x.configured,
      })),
      message: null,
      detail: null,
      udevRule: rule,
    };
  }

  record(action: 'start' | 'stop' | 'status'): RecordingView {
    if (action === 'start') {
      this.stopRecording();
      this.recorder = new HidRecorder();
      this.recorder.attach(this.port);
      this.recording = true;
    } else if (action === 'stop') this.stopRecording();
    const r = this.recorder;
    return {
      recording: this.recording,
      count: r?.count ?? 0,
      truncated: r?.truncated ?? false,
      decoded: r?.decoded() ?? [],
      text: r ? r.toText([`device ${this.port.describe}`, `format ${this.config.format}`, `recorded ${this.clock.now().toISOString()}`]) : '',
    };
  }

  private stopRecording(): void {
    this.recorder?.stop();
    this.recording = false;
  }
}
