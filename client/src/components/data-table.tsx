export interface Column {
  key: string;
  label: string;
  /** Numbers align right. */
  numeric?: boolean;
  /** On phones: shown as the card's title line, without its label. */
  primary?: boolean;
  /** On phones: left out (details that the row's own page shows). */
  secondary?: boolean;
}

export interface Row {
  key: string;
  cells: Record<string, React.ReactNode>;
  className?: string;
}

/**
 * A table with a caption; on phones each row becomes a stacked card with the column names as
 * labels (no sideways scrolling at 360 px).
 */
export function DataTable({
  caption,
  captionHidden,
  columns,
  rows,
  footer,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column[];
  rows: Row[];
  footer?: Row;
}) {
  const cell = (row: Row, column: Column) => (
    <td
      key={column.key}
      data-label={column.label}
      className={
        [
          column.numeric ? 'numeric' : '',
          column.primary ? 'primary' : '',
          column.secondary ? 'secondary' : '',
        ]
          .join(' ')
          .trim() || undefined
      }
    >
      {row.cells[column.key] ?? '—'}
    </td>
  );
  return (
    <table className="data-table">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.className}>
            {columns.map((column) => cell(row, column))}
          </tr>
        ))}
      </tbody>
      {footer ? (
        <tfoot>
          <tr>{columns.map((column) => cell(footer, column))}</tr>
        </tfoot>
      ) : null}
    </table>
  );
}
