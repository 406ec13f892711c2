import type { ImportPreview } from '@shared/contract';
import { formatNumber } from '../../lib/format';
import { useT } from '../../app/i18n/I18n';
import type { Lang } from '../../app/i18n/lang';
import { Stat } from '../../app/ui/Stat';
import { ImportActions, IssuesTable } from './ImportParts';
import { ROW_STATUS, enWord } from './labels';

interface Props {
  preview: ImportPreview;
  lang: Lang;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  onAgain: () => void;
  /** Offered when rows name buildings the roster does not have and "create buildings" was off. */
  onCreateBuildings?: () => void;
}

/** What the import would do: counts, buildings to create, the rows with their changes, every problem. */
export function ImportPreviewView({ preview, lang, busy, onConfirm, onCancel, onAgain, onCreateBuildings }: Props) {
  const t = useT();
  const s = preview.summary;
  const importable = s.total - s.error;
  const n = (x: number) => formatNumber(x, lang);
  return (
    <div className="import-preview">
      <p className="file-chosen">{t('import.previewOf', { name: preview.fileName, encoding: preview.encoding, total: s.total })}</p>
      <div className="stat-row" data-testid="import-summary">
        <Stat className="stat-new" value={n(s.new)} label={t('import.status.new')} />
        <Stat className="stat-update" value={n(s.update)} label={t('import.status.update')} />
        <Stat className="stat-unchanged" value={n(s.unchanged)} label={t('import.status.unchanged')} />
        <Stat className="stat-error" value={n(s.error)} label={t('import.status.error')} />
      </div>
      {s.buildingsToCreate.length > 0 ? (
        <p className="info-box">{t('import.buildingsToCreate', { list: s.buildingsToCreate.join('、'), n: s.buildingsToCreate.length })}</p>
      ) : null}
      {s.error > 0 && importable > 0 ? <p className="warn-box">{t('import.errorsWillSkip', { errors: s.error, rest: importable })}</p> : null}
      {onCreateBuildings ? (
        <div className="warn-box">
          <p>{t('import.unknownBuildings')}</p>
          <button type="button" className="btn primary" onClick={onCreateBuildings} disabled={busy}>
            {t('import.recheckCreating')}
          </button>
        </div>
      ) : null}

      <ImportActions
        confirm={busy ? t('import.committing') : t('import.confirm')}
        onConfirm={onConfirm}
        onCancel={onCancel}
        onAgain={onAgain}
        busy={busy}
        importable={importable}
        nothing={t('import.nothingToImport')}
      />

      <IssuesTable issues={preview.issues} row={(x) => x.row} column={(x) => enWord(x.column, lang) || '—'} problem={(x) => x.message} />

      <h2>{preview.rows.length < s.total ? t('import.rowsFirst', { n: preview.rows.length, total: s.total }) : t('import.rows')}</h2>
      <div className="table-wrap">
        <table className="table import-rows">
          <thead>
            <tr>
              <th className="num">{t('import.rowNo')}</th>
              <th>{t('import.state')}</th>
              <th>{t('import.room')}</th>
              <th>{t('import.name')}</th>
              <th>{t('import.kind')}</th>
              <th>{t('import.phone')}</th>
              <th>{t('import.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row} className={`row-${r.status}`}>
                <td className="num">{r.row}</td>
                <td>
                  <span className={`tag status-${r.status}`}>{t(ROW_STATUS[r.status])}</span>
                </td>
                <td className="room-code">{r.roomCode}</td>
                <td>{r.name}</td>
                <td>{enWord(r.kind, lang)}</td>
                <td className="phone-masked">{r.phoneMasked || '—'}</td>
                <td>{r.changes.length ? r.changes.map((c) => enWord(c, lang)).join(lang === 'en' ? ', ' : '、') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
