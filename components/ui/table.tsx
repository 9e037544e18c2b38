/**
 * The one table of the app: a real <table> with a caption for screen readers, column headers, a row header per row,
 * and a keyboard-focusable scroll region so a wide table scrolls inside itself, never the page (no sideways scroll at
 * 360 px). Describe the columns once; each row renders through them.
 */
import type { CSSProperties, HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export interface Column<T> {
  /** What the column header says (kept for screen readers even when `hideHeader` hides it on screen). */
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  align?: "left" | "right";
  /** Visually hide the header (an actions column). */
  hideHeader?: boolean;
  /** Extra classes for this column's cells (body only), e.g. `whitespace-nowrap` or `break-all`. */
  className?: string;
}

type Variant = "plain" | "boxed";
type Density = "compact" | "comfortable";

const pad: Record<Variant, Record<Density, string>> = {
  // Columns are spaced on their right; the last one needs none (a narrow phone has no pixel to spare).
  plain: { compact: "py-1 pr-2 last:pr-0", comfortable: "py-2 pr-2 last:pr-0" },
  boxed: { compact: "px-2 py-1", comfortable: "px-3 py-2" },
};

export interface TableProps<T> {
  /** The table's caption (read by screen readers, hidden on screen). */
  caption: string;
  /** The accessible name of the scroll region; the caption when not given. */
  label?: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The first column is each row's header (`<th scope="row">`); `strong` sets it in medium weight. */
  rowHeader?: "normal" | "strong" | false;
  /** Inline style of the row header cell (a tree's indentation). */
  rowHeaderStyle?: (row: T) => CSSProperties | undefined;
  /** Extra attributes of a body row (`data-*`). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  variant?: Variant;
  density?: Density;
  /** A minimum width (a Tailwind class such as `min-w-[36rem]`): below it the region scrolls sideways. */
  minWidth?: string;
  /** Cap the height (the region scrolls down, the header stays in view). */
  maxHeight?: boolean;
  /** Cells align to the top (rows with lists). */
  alignTop?: boolean;
  className?: string;
  /** Shown under the table, inside its scroll region (a "…and 20 more" line). */
  footer?: ReactNode;
  /** Sit in a focusable scroll region (default); `false` for a narrow table that never scrolls. */
  region?: boolean;
  /** On the scroll region (or the table when there is none). */
  "data-testid"?: string;
}

/** A focusable, labelled scroll region around a table (also for hand-laid tables: grids, virtualised trees). */
export function TableRegion({
  label,
  className,
  children,
  ...props
}: { label: string; className?: string; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
    <div className={cn("relative overflow-x-auto", className)} tabIndex={0} role="region" aria-label={label} {...props}>
      {children}
    </div>
  );
}

export function Table<T>({
  caption,
  label,
  columns,
  rows,
  rowKey,
  rowHeader = "normal",
  rowHeaderStyle,
  rowProps,
  variant = "plain",
  density = "comfortable",
  minWidth,
  maxHeight = false,
  alignTop = false,
  className,
  region = true,
  footer,
  "data-testid": testId,
}: TableProps<T>) {
  const cell = pad[variant][density];
  const boxed = variant === "boxed";
  const table = (
    <table className={cn("w-full text-sm", minWidth)} data-testid={region ? undefined : testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className={cn(boxed && "bg-slate-50", maxHeight && "sticky top-0 bg-slate-50")}>
        <tr className={cn("text-left", !boxed && "text-slate-700")}>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={cn(cell, "font-medium", c.align === "right" && "text-right")}>
              {c.hideHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr
            key={rowKey(row)}
            className={cn("border-t border-slate-200", alignTop && "align-top")}
            {...rowProps?.(row)}
          >
            {columns.map((c, i) => {
              const classes = cn(cell, c.align === "right" ? "text-right tabular-nums" : "text-left", c.className);
              return i === 0 && rowHeader ? (
                <th
                  key={i}
                  scope="row"
                  className={cn(classes, rowHeader === "strong" ? "font-medium" : "font-normal")}
                  style={rowHeaderStyle?.(row)}
                >
                  {c.cell(row, r)}
                </th>
              ) : (
                <td key={i} className={classes}>
                  {c.cell(row, r)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!region)
    return footer ? (
      <>
        {table}
        {footer}
      </>
    ) : (
      table
    );
  return (
    <TableRegion
      label={label ?? caption}
      className={cn(maxHeight && "max-h-80 overflow-y-auto", boxed && "rounded-lg border border-slate-200", className)}
      data-testid={testId}
    >
      {table}
      {footer}
    </TableRegion>
  );
}
