import type { ReactNode } from 'react';
import { useT } from '../../app/i18n/I18n';

/**
 * The foot of an import's preview (roster or opening balances): import, cancel, pick another file, and why there
 * is nothing to import; it stays in view while the rows scroll.
 */
export function ImportActions(props: {
  confirm: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  onAgain: () => void;
  busy: boolean;
  importable: number;
  nothing: string;
}) {
  const t = useT();
  return (
    <div className="form-actions sticky-actions">
      <button type="button" className="btn primary big" onClick={props.onConfirm} disabled={props.busy || props.importable === 0}>
        {props.confirm}
      </button>
      <button type="button" className="btn big" onClick={props.onCancel} disabled={props.busy}>
        {t('common.cancel')}
      </button>
      <button type="button" className="btn big" onClick={props.onAgain} disabled={props.busy}>
        {t('import.pickAnother')}
      </button>
      {props.importable === 0 ? <span className="warn-text">{props.nothing}</span> : null}
    </div>
  );
}

/** Every problem the check found in the file: its row, the column when it names one, and what is wrong. */
export function IssuesTable<T>(props: { issues: readonly T[]; testId?: string; column?: (x: T) => string; row: (x: T) => number; problem: (x: T) => string }) {
  const t = useT();
  if (props.issues.length === 0) return null;
  return (
    <>
      <h2>{t('import.issues', { n: props.issues.length })}</h2>
      <div className="table-scroll issues-scroll">
        <table className="table issues" data-testid={props.testId}>
          <thead>
            <tr>
              <th className="num">{t('import.rowNo')}</th>
              {props.column ? <th>{t('import.column')}</th> : null}
              <th>{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {props.issues.map((x, i) => (
              <tr key={i}>
                <td className="num">{props.row(x)}</td>
                {props.column ? <td>{props.column(x)}</td> : null}
                <td>{props.problem(x)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
