import type { ReactNode } from 'react';

export interface FigureRow {
  key: string;
  label: ReactNode;
  value: ReactNode;
  /** draw a bar under the label: this row's share of `max` */
  bar?: { value: number; max: number };
}

/** A two-column table of figures (what | how much), with an optional bar per row and a line for "none". */
export function FigureTable({ title, valueHeader, rows, empty }: { title: string; valueHeader: string; rows: FigureRow[]; empty?: string }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{title}</th>
          <th className="num">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={2} className="hint">
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((r) => (
          <tr key={r.key}>
            <td>
              {r.label}
              {r.bar ? <progress className="svc-bar" value={r.bar.value} max={r.bar.max} aria-hidden="true" /> : null}
            </td>
            <td className="num">{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
