import type { ComponentChildren } from 'preact';

/** A table of what happened: its caption, a heading per column, the rows given; it scrolls sideways on a narrow page. */
export function HistoryTable(props: {
  class?: string;
  caption: string;
  columns: readonly string[];
  children: ComponentChildren;
}) {
  return (
    <div class="cg-table-wrap">
      <table class={`cg-history-table${props.class ? ` ${props.class}` : ''}`}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
