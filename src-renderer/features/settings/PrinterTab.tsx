import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Output, PrinterConfigInput, PrinterSettings } from '@shared/contract';
import { useCall, useRefresh, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { coreText } from '../../app/i18n/core-text';
import { useI18n } from '../../app/i18n/I18n';
import { useStatus } from '../../app/status';
import { useAction } from '../../app/useAction';
import { Field } from '../../app/ui/Field';
import { ErrorNote, OkNote } from '../../app/ui/Notes';

type Kind = PrinterConfigInput['kind'];
type Status = Output<'printer.status'>;
type Baud = Extract<PrinterConfigInput, { kind: 'serial' }>['baudRate'];

const KINDS: { id: Kind; label: MsgKey }[] = [
  { id: 'none', label: 'printer.kind.none' },
  { id: 'tcp', label: 'printer.kind.tcp' },
  { id: 'file', label: 'printer.kind.file' },
  { id: 'serial', label: 'printer.kind.serial' },
];
const BAUDS: Baud[] = [2400, 4800, 9600, 19200, 38400, 57600, 115200];
const STATE: Record<Status['state'], { key: MsgKey; tag: string }> = {
  ok: { key: 'printer.state.ok', tag: 'tag-ok' },
  offline: { key: 'printer.state.offline', tag: 'tag-bad' },
  'cover-open': { key: 'printer.state.coverOpen', tag: 'tag-bad' },
  'paper-out': { key: 'printer.state.paperOut', tag: 'tag-bad' },
  error: { key: 'printer.state.error', tag: 'tag-bad' },
  unknown: { key: 'printer.state.unknown', tag: 'tag-warn' },
  'not-configured': { key: 'printer.state.notConfigured', tag: 'tag-muted' },
};
const STATUS_POLL_MS = 5_000;

/** 打印机 (admin): how the receipt printer is connected, paper width, cash drawer, test page, live status. */
export function PrinterTab() {
  const { t, lang } = useI18n();
  const { refresh } = useStatus();
  const [kind, setKind] = useState<Kind>('none');
  const [host, setHost] = useState('');
  const [port, setPort] = useState('9100');
  const [statusCheck, setStatusCheck] = useState(true);
  const [filePath, setFilePath] = useState('/dev/usb/lp0');
  const [serialPath, setSerialPath] = useState('');
  const [baud, setBaud] = useState<Baud>(9600);
  const [width, setWidth] = useState<58 | 80>(80);
  const [kick, setKick] = useState(true);
  // the live status (a failed read leaves the last answer on the line)
  const status: Status | null = useCall('printer.status', {}, { refetchInterval: STATUS_POLL_MS }).data ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  // the form stays closed until the saved settings are in: a choice made before would be overwritten by them
  const [loaded, setLoaded] = useState(false);
  const save = useAction();
  const test = useAction();
  const send = useSend();
  const refreshReads = useRefresh();
  const readStatus = () => refreshReads('printer.status');
  const saved = useCall('printer.settings.get', {});
  // the saved settings fill the form once, when they are first in (later answers would undo a choice made)
  const applied = useRef(false);

  const apply = (s: PrinterSettings) => {
    setKind(s.config.kind);
    if (s.config.kind === 'tcp') {
      setHost(s.config.host);
      setPort(String(s.config.port));
      setStatusCheck(s.config.statusCheck);
    } else if (s.config.kind === 'file') setFilePath(s.config.path);
    else if (s.config.kind === 'serial') {
      setSerialPath(s.config.path);
      setBaud(s.config.baudRate);
    }
    setWidth(s.width);
    setKick(s.kickDrawer);
  };

  useEffect(() => {
    if (!saved.data || applied.current) return;
    applied.current = true;
    apply(saved.data);
    setLoaded(true);
  }, [saved.data]);

  const config = (): PrinterConfigInput | string => {
    if (kind === 'none') return { kind };
    if (kind === 'tcp') {
      const p = Number(port);
      if (!host.trim()) return t('printer.needHost');
      if (!Number.isInteger(p) || p < 1 || p > 65535) return t('printer.badPort');
      return { kind, host: host.trim(), port: p, statusCheck };
    }
    if (kind === 'file') return filePath.trim() ? { kind, path: filePath.trim() } : t('printer.needPath');
    return serialPath.trim() ? { kind, path: serialPath.trim(), baudRate: baud } : t('printer.needPath');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const c = config();
    return save.start({
      check: () => (typeof c === 'string' ? c : null),
      run: async () => {
        if (typeof c === 'string') return;
        apply(await send('printer.settings.save', { config: c, width, kickDrawer: kick }));
        setNotice(t('common.saved'));
        await refresh();
      },
    });
  };

  const testPage = () => {
    setNotice(null);
    return test.start({
      run: async () => {
        await send('printer.testPage', {});
        setNotice(t('printer.testSent'));
        window.setTimeout(() => void readStatus(), 1500);
      },
    });
  };

  const st = status ? STATE[status.state] : null;
  return (
    <div className="printer-tab">
      <div className="card printer-status" aria-live="polite">
        <span className="field-label">{t('printer.status')}</span>
        {st && status ? (
          <>
            <span className={`tag tag-big ${st.tag}`} data-testid="printer-state">
              {t(st.key)}
            </span>
            <span>{coreText(status.detail, lang)}</span>
            {status.paperNearEnd ? <strong className="warn-text">{t('printer.paperNearEnd')}</strong> : null}
          </>
        ) : (
          <span className="hint">{t('common.loading')}</span>
        )}
        <span className="row-actions push-right">
          <button type="button" className="btn small" onClick={() => void readStatus()}>
            {t('printer.refresh')}
          </button>
          <button type="button" className="btn" onClick={() => void testPage()} disabled={test.busy}>
            {t('printer.testPage')}
          </button>
        </span>
      </div>
      <ErrorBox error={test.error} />
      <form className="form card" onSubmit={(e) => void submit(e)} aria-busy={!loaded}>
        <fieldset className="fieldset-plain" disabled={!loaded}>
          <fieldset className="fieldset seg-group wrap">
            <legend>{t('printer.connection')}</legend>
            {KINDS.map((k) => (
              <label key={k.id} className="seg">
                <input type="radio" name="printer-kind" value={k.id} checked={kind === k.id} onChange={() => setKind(k.id)} />
                <span>{t(k.label)}</span>
              </label>
            ))}
          </fieldset>
          {kind === 'tcp' ? (
            <div className="grid-3">
              <Field label={t('printer.host')} hint={t('printer.hostHint')}>
                <input name="printer-host" autoComplete="off" spellCheck={false} value={host} onChange={(e) => setHost(e.target.value)} />
              </Field>
              <Field label={t('printer.port')} hint={t('printer.portHint')}>
                <input name="printer-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
              </Field>
              <label className="check check-field">
                <input type="checkbox" checked={statusCheck} onChange={(e) => setStatusCheck(e.target.checked)} />
                <span>{t('printer.statusCheck')}</span>
              </label>
            </div>
          ) : null}
          {kind === 'file' ? (
            <Field label={t('printer.path')} hint={t('printer.pathHint')}>
              <input name="printer-path" autoComplete="off" spellCheck={false} value={filePath} onChange={(e) => setFilePath(e.target.value)} />
            </Field>
          ) : null}
          {kind === 'serial' ? (
            <div className="grid-2">
              <Field label={t('printer.serialPath')} hint={t('printer.serialHint')}>
                <input name="printer-serial" autoComplete="off" spellCheck={false} value={serialPath} onChange={(e) => setSerialPath(e.target.value)} />
              </Field>
              <label className="field">
                <span className="field-label">{t('printer.baud')}</span>
                <select name="printer-baud" value={baud} onChange={(e) => setBaud(Number(e.target.value) as Baud)}>
                  {BAUDS.map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : null}
          {kind === 'none' ? <p className="info-box">{t('printer.noneExplain')}</p> : null}
          <fieldset className="fieldset seg-group">
            <legend>{t('printer.width')}</legend>
            {([58, 80] as const).map((w) => (
              <label key={w} className="seg">
                <input type="radio" name="printer-width" checked={width === w} onChange={() => setWidth(w)} />
                <span>{t('printer.widthMm', { mm: w })}</span>
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" name="kick-drawer" checked={kick} onChange={(e) => setKick(e.target.checked)} />
            <span>{t('printer.kick')}</span>
          </label>
          <ErrorNote text={save.checkError} />
          <ErrorBox error={save.error ?? saved.error} />
          <OkNote text={notice} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn primary big" disabled={save.busy || !loaded}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
