import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Output } from '@shared/contract';
import { useSend } from '../../lib/query';
import { toBase64 } from '../../lib/base64';
import { formatBytes, formatMonth, formatNumber } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { ImportActions, IssuesTable } from './ImportParts';
import type { MsgKey } from '../../app/i18n/dict';
import { coreText } from '../../app/i18n/core-text';
import { useI18n } from '../../app/i18n/I18n';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ErrorNote } from '../../app/ui/Notes';
import { Stat } from '../../app/ui/Stat';
import { FilePicker } from './FilePicker';
import { MAX_FILE_BYTES } from './labels';

type Preview = Output<'receivables.opening.preview'>;
type Counts = Output<'receivables.opening.confirm'>;

const CHANGE: Record<Preview['rows'][number]['change'], MsgKey> = { new: 'opening.change.new', changed: 'opening.change.changed', same: 'opening.change.same' };
const CHANGE_CLASS = { new: 'new', changed: 'update', same: 'unchanged' } as const;
const COLUMNS: MsgKey[] = ['opening.col.room', 'opening.col.item', 'opening.col.paidThrough', 'opening.col.arrears'];

/**
 * 导入期初欠费 (supervisor+, from 业主档案): each room's paid-through month per periodic item and any old arrears, from
 * the previous system. The file is checked in main and previewed (counts, row errors, the rows with what they change);
 * nothing is written until 确认导入. Importing a room and item again corrects it.
 */
export function OpeningImportScreen({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const send = useSend();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Counts | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const n = (x: number) => formatNumber(x, lang);

  useEffect(() => headingRef.current?.focus(), []);

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocalError(null);
    if (!file) return setLocalError(t('opening.pickFirst'));
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setLocalError(t('import.badType'));
    if (file.size > MAX_FILE_BYTES) return setLocalError(t('import.tooBig', { size: formatBytes(file.size) }));
    setBusy(true);
    try {
      const data = await toBase64(await file.arrayBuffer(), () => undefined);
      setPreview(await send('receivables.opening.preview', { fileName: file.name, data }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      setDone(await send('receivables.opening.confirm', { previewId: preview.previewId, skipErrors: preview.counts.errors > 0 }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setPreview(null);
    setDone(null);
    setFile(null);
    setError(null);
  };

  const c = preview?.counts;
  const importable = c ? c.total - c.errors : 0;
  return (
    <section className="screen import" aria-labelledby="opening-title">
      <div className="screen-head">
        <h1 id="opening-title" tabIndex={-1} ref={headingRef}>
          {t('opening.title')}
        </h1>
        {!done ? (
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('import.cancelImport')}
          </button>
        ) : null}
      </div>
      {!done ? <p className="info-box strong">{t('opening.nothingWritten')}</p> : null}

      {!preview ? (
        <form className="form card" onSubmit={(e) => void check(e)}>
          <p>{t('opening.intro')}</p>
          <p>{t('opening.columns')}</p>
          <p className="hint">{t('import.formats')}</p>
          <FilePicker label={t('opening.file')} button={t('import.chooseFile')} accept=".csv,.xlsx" disabled={busy} file={file} onFile={setFile} />
          <ErrorNote text={localError} />
          <ErrorBox error={error} />
          <div className="form-actions">
            <button type="submit" className="btn primary big" disabled={busy || !file}>
              {busy ? t('opening.checking') : t('import.check')}
            </button>
          </div>
        </form>
      ) : null}

      {done ? (
        <div className="card import-result" role="status" aria-live="polite">
          <h2 className="ok-text">{t('opening.doneTitle')}</h2>
          <p>{t('opening.done', { new: n(done.new), changed: n(done.changed), same: n(done.same), errors: n(done.errors) })}</p>
          <div className="form-actions">
            <button type="button" className="btn primary big" onClick={onClose} autoFocus>
              {t('import.back')}
            </button>
            <button type="button" className="btn big" onClick={again}>
              {t('opening.again')}
            </button>
          </div>
        </div>
      ) : preview && c ? (
        <div className="import-preview">
          <p className="file-chosen">{t('opening.previewOf', { name: preview.fileName })}</p>
          <div className="stat-row" data-testid="opening-summary">
            <Stat className="stat-new" value={n(c.new)} label={t('opening.change.new')} />
            <Stat className="stat-update" value={n(c.changed)} label={t('opening.change.changed')} />
            <Stat className="stat-unchanged" value={n(c.same)} label={t('opening.change.same')} />
            <Stat className="stat-error" value={n(c.errors)} label={t('import.status.error')} />
          </div>
          <p className="hint">{t('opening.counts', { total: n(c.total), new: n(c.new), changed: n(c.changed), same: n(c.same), errors: n(c.errors) })}</p>
          {c.errors > 0 && importable > 0 ? <p className="warn-box">{t('opening.errorsWillSkip', { errors: c.errors, rest: importable })}</p> : null}
          <ErrorBox error={error} />
          <ImportActions
            confirm={t('opening.confirm')}
            onConfirm={() => (c.errors > 0 ? setConfirming(true) : void commit())}
            onCancel={onClose}
            onAgain={again}
            busy={busy}
            importable={importable}
            nothing={t('opening.nothingToImport')}
          />
          <IssuesTable issues={preview.errors} testId="opening-errors" row={(x) => x.row} problem={(x) => coreText(x.message, lang)} />
          <h2>{t('opening.rows')}</h2>
          <div className="table-wrap">
            <table className="table import-rows" data-testid="opening-rows">
              <thead>
                <tr>
                  <th className="num">{t('import.rowNo')}</th>
                  <th>{t('opening.col.change')}</th>
                  {COLUMNS.map((k) => (
                    <th key={k} className={k === 'opening.col.arrears' ? 'num' : undefined}>
                      {t(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row} className={`row-${CHANGE_CLASS[r.change]}`}>
                    <td className="num">{r.row}</td>
                    <td>
                      <span className={`tag status-${CHANGE_CLASS[r.change]}`}>{t(CHANGE[r.change])}</span>
                    </td>
                    <td className="room-code">{r.roomCode}</td>
                    <td data-data>{r.itemCode}</td>
                    <td>{formatMonth(r.paidThrough, lang)}</td>
                    <td className="num">{r.arrearsFen ? moneyText(r.arrearsFen) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      {confirming && c ? (
        <ConfirmDialog
          title={t('import.confirmTitle')}
          message={t('opening.confirmSkip', { errors: c.errors, rest: importable })}
          confirmLabel={t('opening.confirm')}
          onConfirm={() => void commit()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
