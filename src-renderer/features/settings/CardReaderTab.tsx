import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CardFormat, CardReaderConfigInput, Output, RecordingView } from '@shared/contract';
import { CARD_FORMATS } from '@shared/contract';
import { useCall, useFetch, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { coreText } from '../../app/i18n/core-text';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { OkNote } from '../../app/ui/Notes';

type Kind = CardReaderConfigInput['kind'];
const KINDS: Kind[] = ['hid', 'keyboard-wedge', 'none'];

/** The output formats by name, in both languages (the contract's labels are the Chinese ones). */
const FORMAT_KEY: Record<CardFormat, MsgKey> = {
  auto: 'reader.fmt.auto',
  dec10: 'reader.fmt.dec10',
  dec8: 'reader.fmt.dec8',
  w26: 'reader.fmt.w26',
  hex8: 'reader.fmt.hex8',
  hex10: 'reader.fmt.hex10',
  'dec10-reversed': 'reader.fmt.dec10r',
  'hex8-reversed': 'reader.fmt.hex8r',
};

/** 设置 → 读卡器 (admin): connection and output format (a site setting), state; diagnostics: HID devices, raw recording. */
export function CardReaderTab() {
  const { t, lang } = useI18n();
  const save = useAction();
  const [kind, setKind] = useState<Kind>('none');
  const [format, setFormat] = useState<CardFormat>('auto');
  const [vid, setVid] = useState('');
  const [pid, setPid] = useState('');
  // the reader's state, read every 2 s (a failed read leaves the last answer)
  const status = useCall('cardReader.status', {}, { refetchInterval: 2000 }).data ?? null;
  const [saved, setSaved] = useState<string | null>(null);
  const [diag, setDiag] = useState<Output<'cardReader.diagnose'> | null>(null);
  const [rec, setRec] = useState<RecordingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = useSend();
  const read = useFetch();
  const savedConfig = useCall('cardReader.settings.get', {});
  // the saved settings fill the form once, when they are first in (later answers would undo a choice made)
  const applied = useRef(false);
  useEffect(() => {
    const c = savedConfig.data;
    if (!c || applied.current) return;
    applied.current = true;
    setKind(c.kind);
    setFormat(c.format);
    if (c.kind === 'hid') {
      setVid(c.vendorId.toString(16).padStart(4, '0'));
      setPid(c.productId.toString(16).padStart(4, '0'));
    }
  }, [savedConfig.data]);

  // while recording: how many reports so far, every second
  const recording = useCall('cardReader.record', { action: 'status' }, { enabled: !!rec?.recording, refetchInterval: 1000 });
  useEffect(() => {
    if (recording.data) setRec(recording.data);
  }, [recording.data]);
  useEffect(() => {
    if (recording.error) setError(recording.error);
  }, [recording.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    return save.start({
      run: async () => {
        const config: CardReaderConfigInput =
          kind === 'hid' ? { kind, format, vendorId: vid.trim() as unknown as number, productId: pid.trim() as unknown as number } : { kind, format };
        await send('cardReader.settings.save', config);
        setSaved(t('reader.saved'));
      },
    });
  };

  return (
    <div className="card-reader-settings">
      <form className="card form" onSubmit={(e) => void submit(e)}>
        <h2 className="section-title">{t('reader.title')}</h2>
        {status ? (
          <p className={`reader-state reader-state-${status.state}`} role="status">
            <strong>{t('common.labelValue', { label: t('reader.state'), value: '' })}</strong>
            {coreText(status.describe, lang)} — {coreText(status.message, lang)}
          </p>
        ) : null}
        <fieldset className="fieldset">
          <legend className="field-label">{t('reader.kind')}</legend>
          <div className="radios vertical">
            {KINDS.map((k) => (
              <label key={k} className="check">
                <input type="radio" name="reader-kind" checked={kind === k} onChange={() => setKind(k)} /> {t(`reader.kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {kind === 'hid' ? (
          <div className="grid-2">
            <label className="field">
              <span className="field-label">{t('reader.vendor')}</span>
              <input name="reader-vid" value={vid} maxLength={6} onChange={(e) => setVid(e.target.value)} autoComplete="off" placeholder="0ffe" />
              <span className="field-hint">{t('reader.idHint')}</span>
            </label>
            <label className="field">
              <span className="field-label">{t('reader.product')}</span>
              <input name="reader-pid" value={pid} maxLength={6} onChange={(e) => setPid(e.target.value)} autoComplete="off" placeholder="0001" />
            </label>
          </div>
        ) : null}
        <label className="field">
          <span className="field-label">{t('reader.format')}</span>
          <select name="reader-format" value={format} onChange={(e) => setFormat(e.target.value as CardFormat)}>
            {CARD_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_KEY[f])}
              </option>
            ))}
          </select>
          <span className="field-hint">{t('reader.formatHint')}</span>
        </label>
        <OkNote text={saved} />
        <ErrorBox error={save.error} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={save.busy}>
            {t('reader.save')}
          </button>
        </div>
      </form>

      <div className="card">
        <h2 className="section-title">{t('reader.diag')}</h2>
        <ErrorBox error={error ?? savedConfig.error} />
        <div className="row-actions">
          <button type="button" className="btn" onClick={() => void read('cardReader.diagnose', {}).then(setDiag, setError)}>
            {t('reader.listDevices')}
          </button>
          {rec?.recording ? (
            <button type="button" className="btn danger" onClick={() => void send('cardReader.record', { action: 'stop' }).then(setRec, setError)}>
              {t('reader.recordStop')}
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => void send('cardReader.record', { action: 'start' }).then(setRec, setError)}>
              {t('reader.record')}
            </button>
          )}
        </div>
        {diag ? (
          <div className="diag-result">
            {diag.ok ? (
              <p className="hint">{t('reader.driver', { driver: diag.driver ?? '', version: diag.version ?? '' })}</p>
            ) : (
              <p className="error-box">{diag.message}</p>
            )}
            {diag.ok && diag.devices.length === 0 ? <p className="hint">{t('reader.noDevices')}</p> : null}
            {diag.devices.length ? (
              <div className="table-wrap">
                <table className="table">
                  <tbody>
                    {diag.devices.map((d) => (
                      <tr key={`${d.id}-${d.interface}`}>
                        <td className="mono-wrap">{d.id}</td>
                        <td>
                          {d.manufacturer} {d.product}
                        </td>
                        <td>#{d.interface}</td>
                        <td>
                          {d.keyboard ? <span className="tag tag-ok">{t('reader.keyboardIf')}</span> : null}
                          {d.configured ? <span className="tag">{t('reader.configured')}</span> : null}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="btn small"
                            onClick={() => {
                              setKind('hid');
                              setVid(d.vendorHex);
                              setPid(d.productHex);
                            }}
                          >
                            {t('reader.useThis')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {diag.udevRule ? (
              <>
                <p className="field-label">{t('reader.udev')}</p>
                <pre className="mono-wrap diag-text">{diag.udevRule}</pre>
              </>
            ) : null}
          </div>
        ) : null}
        {rec ? (
          <div className="diag-result">
            {rec.recording ? <p className="info-box">{t('reader.recording', { n: rec.count })}</p> : null}
            {rec.decoded.length ? <p>{t('reader.decoded', { list: rec.decoded.join('、') })}</p> : null}
            {!rec.recording && rec.text ? (
              <>
                <p className="field-label">{t('reader.recordText')}</p>
                <textarea className="diag-text" readOnly value={rec.text} rows={8} />
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
