import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ImportStatus, ImportUnfinished } from '@shared/contract';
import { call } from '../../lib/api';
import { useSend } from '../../lib/query';
import { toBase64 } from '../../lib/base64';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ErrorNote } from '../../app/ui/Notes';
import { ProgressBar } from '../../app/ui/Progress';
import { FilePicker } from './FilePicker';
import { ImportPreviewView } from './ImportPreview';
import { ImportResultView } from './ImportResult';
import { MAX_FILE_BYTES } from './labels';
import { useImportJob } from './useImportJob';
import './import.css';

// the opening-balance import shares this chunk and its style sheet
export { OpeningImportScreen } from './OpeningImportScreen';

type Phase = 'pick' | 'reading' | 'uploading' | 'checking' | 'committing' | 'stopped' | 'done';

const COLUMNS = ['楼栋', '单元', '房号', '姓名', '类型', '电话', '入住日期', '迁出日期', '面积', '备注'];

/**
 * 导入名册: pick a CSV/XLSX file → checked in main with progress → preview → confirm (or cancel) → written with
 * progress (the counter keeps working meanwhile). Warns when the last import did not finish (the app stopped
 * while writing it): importing the same file again completes it.
 */
export function ImportScreen({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [createBuildings, setCreateBuildings] = useState(false);
  const [phase, setPhase] = useState<Phase>('pick');
  const [readFraction, setReadFraction] = useState(0);
  const [jobId, setJobId] = useState<string | null>(null);
  const [final, setFinal] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [unfinished, setUnfinished] = useState<ImportUnfinished | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const send = useSend();
  const job = useImportJob(phase === 'checking' || phase === 'committing' ? jobId : null, phase === 'committing' ? 1 : 0);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    let live = true;
    call('roster.import.unfinished', {})
      .then((u) => live && setUnfinished(u))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [final]);

  const live = job.status && job.status.jobId === jobId ? job.status : null;
  const status = final ?? job.status;
  const checked = live && live.progress.state !== 'running' ? live : null;
  // while the rows are written the status is running again: the preview stays on screen under the progress
  const preview = phase === 'committing' ? (live?.preview ?? null) : checked?.progress.state === 'done' ? checked.preview : null;
  const failedMessage = phase !== 'committing' && checked?.progress.state === 'failed' ? checked.progress.message : null;
  const written = phase === 'committing' && live?.progress.state === 'running' ? live.progress : null;
  const n = (x: number) => formatNumber(x, lang);

  const start = (e: FormEvent) => {
    e.preventDefault();
    void check(createBuildings);
  };

  /** Re-checks the same file with "create missing buildings" on (offered when buildings were unknown). */
  const recheckCreating = async () => {
    if (jobId) await send('roster.import.cancel', { jobId }).catch(() => undefined);
    setCreateBuildings(true);
    setJobId(null);
    await check(true);
  };

  const check = async (create: boolean) => {
    setError(null);
    setLocalError(null);
    if (!file) return setLocalError(t('import.pickFirst'));
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setLocalError(t('import.badType'));
    if (file.size > MAX_FILE_BYTES) return setLocalError(t('import.tooBig', { size: formatBytes(file.size) }));
    try {
      setPhase('reading');
      setReadFraction(0);
      const data = await toBase64(await file.arrayBuffer(), setReadFraction);
      setPhase('uploading');
      const r = await send('roster.import.start', { fileName: file.name, data, createBuildings: create });
      setJobId(r.jobId);
      setPhase('checking');
    } catch (err) {
      setError(err);
      setPhase('pick');
    }
  };

  const cancel = async () => {
    if (jobId && phase !== 'done') await send('roster.import.cancel', { jobId }).catch(() => undefined);
    onClose();
  };

  const again = async () => {
    if (jobId && phase !== 'done') await send('roster.import.cancel', { jobId }).catch(() => undefined);
    setJobId(null);
    setFinal(null);
    setFile(null);
    setError(null);
    setPhase('pick');
  };

  const commit = async () => {
    if (!jobId || !preview) return;
    setConfirming(false);
    setPhase('committing');
    setError(null);
    try {
      const s = await send('roster.import.commit', { jobId, skipErrors: preview.summary.error > 0 });
      setFinal(s);
      setPhase('done');
    } catch (err) {
      // stopped part way (some rows written): the job says so, and the file is picked again to complete it
      const now = await call('roster.import.status', { jobId }).catch(() => null);
      if (now?.progress.state === 'failed') {
        setFinal(now);
        setPhase('stopped');
      } else {
        setError(err);
        setPhase('checking');
      }
    }
  };

  const busy = phase === 'reading' || phase === 'uploading' || phase === 'committing';
  return (
    <section className="screen import" aria-labelledby="import-title">
      <div className="screen-head">
        <h1 id="import-title" tabIndex={-1} ref={headingRef}>
          {t('import.title')}
        </h1>
        {phase !== 'done' ? (
          <button type="button" className="btn" onClick={() => void cancel()} disabled={phase === 'committing'}>
            {t('import.cancelImport')}
          </button>
        ) : null}
      </div>
      {phase !== 'done' && phase !== 'stopped' ? <p className="info-box strong">{t('import.nothingWritten')}</p> : null}
      {unfinished && (phase === 'pick' || phase === 'checking') ? (
        <p className="warn-box" role="status" data-testid="import-unfinished">
          {t('import.unfinished', {
            name: unfinished.fileName,
            time: formatDateTime(unfinished.startedAt, lang),
            operator: unfinished.operatorName ?? '—',
            done: n(unfinished.doneRows),
            total: n(unfinished.totalRows),
          })}
        </p>
      ) : null}

      {phase === 'pick' || phase === 'reading' || phase === 'uploading' ? (
        <form className="form card" onSubmit={start}>
          <p>{t('import.columns')}</p>
          <p className="columns-list">
            {COLUMNS.map((c) => (
              <code key={c} className="col-chip">
                {c}
              </code>
            ))}
          </p>
          <p className="hint">{t('import.formats')}</p>
          <FilePicker label={t('import.file')} button={t('import.chooseFile')} accept=".csv,.xlsx" disabled={busy} file={file} onFile={setFile} />
          <label className="check">
            <input type="checkbox" name="create-buildings" checked={createBuildings} disabled={busy} onChange={(e) => setCreateBuildings(e.target.checked)} />
            <span>{t('import.createBuildings')}</span>
          </label>
          <ErrorNote text={localError} />
          <ErrorBox error={error} />
          {phase === 'reading' ? <ProgressBar done={Math.round(readFraction * 100)} total={100} message={t('import.reading')} /> : null}
          {phase === 'uploading' ? <ProgressBar done={0} total={0} message={t('import.uploading')} /> : null}
          <div className="form-actions">
            <button type="submit" className="btn primary big" disabled={busy || !file}>
              {t('import.check')}
            </button>
          </div>
        </form>
      ) : null}

      {phase === 'checking' && !checked ? (
        <div className="card">
          <ProgressBar
            done={status?.progress.done ?? 0}
            total={status?.progress.total ?? 0}
            message={status?.progress.message || t('import.checking')}
            label={t('import.checking')}
          />
          <ErrorBox error={job.error} />
        </div>
      ) : null}

      {failedMessage ? (
        <div className="card">
          <ErrorNote text={failedMessage} />
          <button type="button" className="btn primary" onClick={() => void again()}>
            {t('import.pickAnother')}
          </button>
        </div>
      ) : null}

      {phase === 'committing' ? (
        <div className="card">
          <ProgressBar
            done={written?.done ?? 0}
            total={written?.total ?? preview?.summary.total ?? 0}
            message={
              lang === 'en' || !written?.message
                ? t('import.writingProgress', { done: n(written?.done ?? 0), total: n(written?.total ?? preview?.summary.total ?? 0) })
                : written.message
            }
            label={t('import.writing')}
          />
        </div>
      ) : null}

      {phase === 'stopped' && final ? (
        <div className="card">
          <h2 className="warn-text">{t('import.stoppedTitle')}</h2>
          <ErrorNote text={final.progress.message} />
          <button type="button" className="btn primary" onClick={() => void again()} autoFocus>
            {t('import.pickAnother')}
          </button>
        </div>
      ) : null}

      {(phase === 'checking' || phase === 'committing') && preview ? (
        <>
          <ErrorBox error={error} />
          <ImportPreviewView
            preview={preview}
            lang={lang}
            busy={phase === 'committing'}
            onConfirm={() => (preview.summary.error > 0 ? setConfirming(true) : void commit())}
            onCancel={() => void cancel()}
            onAgain={() => void again()}
            onCreateBuildings={!createBuildings && preview.issues.some((x) => x.column === '楼栋') ? () => void recheckCreating() : undefined}
          />
        </>
      ) : null}

      {phase === 'done' && final?.result ? (
        <ImportResultView result={final.result} message={final.progress.message} onBack={onClose} onAgain={() => void again()} />
      ) : null}

      {confirming && preview ? (
        <ConfirmDialog
          title={t('import.confirmTitle')}
          message={t('import.confirmSkip', { errors: preview.summary.error, rest: preview.summary.total - preview.summary.error })}
          confirmLabel={t('import.confirmSkipButton')}
          onConfirm={() => void commit()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
