import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { download } from '../../lib/download';

export interface Column {
  label: string;
  /** figures: right-aligned */
  num?: boolean;
}

/**
 * A table of rooms in 欠费催缴 (the arrears list, and the two follow-up lists): a header per column and a last
 * column of actions named for screen readers only; each row carries its room (data-room) for the tests and the eye.
 */
export function RoomTable<T>(props: {
  testId: string;
  className?: string;
  wrapClassName?: string;
  columns: readonly Column[];
  rows: readonly T[];
  rowKey: (row: T) => number;
  roomCode: (row: T) => string;
  /** the row's cells, one <td> per column, then its actions' <td> */
  cells: (row: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={`table-wrap${props.wrapClassName ? ` ${props.wrapClassName}` : ''}`}>
      <table className={`table${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.label} className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
            <th>
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={props.rowKey(r)} data-room={props.roomCode(r)}>
              {props.cells(r)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 导出 Excel beside the filters: the file the core builds for what they show, downloaded; its error under the bar. */
export function useExport() {
  const action = useAction();
  const button = (label: string, build: () => Promise<{ fileName: string; data: string }>) => (
    <div className="field field-button">
      <button
        type="button"
        className="btn"
        disabled={action.busy}
        onClick={() =>
          void action.start({
            run: async () => {
              const x = await build();
              download(x.fileName, x.data);
            },
          })
        }
      >
        {label}
      </button>
    </div>
  );
  return { button, error: action.error };
}
