import type { HTMLAttributes, ReactNode } from 'react';
import { ErrorBox } from '../../app/errors';

interface Props<T> {
  /** the heading's id (the section is named by it) and its words */
  id: string;
  title: string;
  /** the filters beside the heading (a day, a search, a status, a switch) */
  filters?: ReactNode;
  /** a line under the bar (what the list shows, how to use it) */
  hint?: ReactNode;
  error?: unknown;
  /** undefined while the first answer is on its way: neither the table nor the empty line yet */
  rows: readonly T[] | undefined;
  /** said when the answer is an empty list */
  empty: string;
  columns: readonly string[];
  testId: string;
  className?: string;
  rowKey: (row: T) => string | number;
  /** the row's own attributes (a class, data-pass) */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  /** the row's cells, one <td> per column */
  cells: (row: T) => ReactNode;
}

/**
 * A list of 访客与放行: its heading with the filters beside it, an optional line under them, the error, "none"
 * for an empty answer, and the table (one header per column, a row per item). Every list tab of the area is
 * built of it, so they read, wrap and scroll alike.
 */
export function ListSection<T>({ id, title, filters, hint, error, rows, empty, columns, testId, className, rowKey, rowProps, cells }: Props<T>) {
  return (
    <section className={className} aria-labelledby={id}>
      <div className="toolbar">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        {filters}
      </div>
      {hint}
      <ErrorBox error={error} />
      {rows && rows.length === 0 ? <p className="hint">{empty}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table vis-table" data-testid={testId}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={rowKey(r)} {...rowProps?.(r)}>
                  {cells(r)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
