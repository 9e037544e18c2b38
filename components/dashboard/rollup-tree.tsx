"use client";
/**
 * The team (or my downline) as a table tree: at every node own and team actuals vs targets for the period, pace by
 * word + icon + colour, the forecast at the deadline and the catch-up per week. Expand / collapse, search a member,
 * drill into a subtree (the breadcrumb goes back up). Rows are virtualised (@tanstack/react-virtual): only the rows
 * in view are in the DOM, so thousands of members scroll without freezing.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useRef } from "react";
import { ExpandCollapseAll } from "@/components/team/tree-controls";
import { SearchField } from "@/components/ui/search-field";
import type { TreeIndex } from "@/components/team/tree-model";
import { useTreeView } from "@/components/team/use-tree-view";
import { formatAmount, type MetricUnit } from "@/server/domain/money";
import { DASHBOARD_AMOUNTS } from "./format";
import type { RollupNode } from "./rollup-model";
import { RollupRowView } from "./rollup-row";

const ROW_HEIGHT = 64;

export function RollupTree({
  index,
  unit,
  currency,
  meId,
  onDrill,
  caption,
  searchable = true,
}: {
  index: TreeIndex<RollupNode>;
  unit: MetricUnit;
  currency: string;
  meId: string;
  onDrill: (id: string) => void;
  caption: string;
  /** False for a big branch's first view: the server searches it (BranchSearch), not this partial index. */
  searchable?: boolean;
}) {
  const fmt = useCallback(
    (n: number) => formatAmount(n, unit, currency, undefined, DASHBOARD_AMOUNTS),
    [unit, currency],
  );
  const {
    query,
    setQuery,
    deferredQuery: deferred,
    searching,
    search,
    rows,
    toggle,
    expandAll,
    collapseAll,
  } = useTreeView(index);

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer drives this component's re-renders itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        {searchable && (
          <SearchField
            id="dashboard-search"
            label="Search a member"
            value={query}
            onChange={setQuery}
            className="min-w-56 flex-1"
          />
        )}
        {searchable && <ExpandCollapseAll onExpand={expandAll} onCollapse={collapseAll} disabled={searching} />}
      </div>
      {searchable && (
        <p aria-live="polite" className="text-sm text-slate-700">
          {searching
            ? search.matches.size === 0
              ? `No member matches “${deferred.trim()}”.`
              : `${search.matches.size} member${search.matches.size === 1 ? "" : "s"} match “${deferred.trim()}”.`
            : `${index.byId.size} member${index.byId.size === 1 ? "" : "s"} in this view.`}
        </p>
      )}
      <div
        ref={scrollRef}
        className="relative max-h-[70vh] overflow-auto rounded-xl border border-slate-200 bg-white"
        tabIndex={0}
        role="region"
        aria-label={`${caption} (scrollable)`}
      >
        <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 z-10 bg-slate-100 text-slate-800">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                Member
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Own: actual / target
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Team: actual / target
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Forecast at deadline
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Needed per week to finish on target
              </th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden>
                <td colSpan={5} style={{ height: padTop, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              const node = index.byId.get(row.id)!;
              return (
                <RollupRowView
                  key={row.id}
                  row={row}
                  node={node}
                  isMe={node.id === meId}
                  isRoot={node.id === index.rootId}
                  match={searching && search.matches.has(node.id) ? deferred : ""}
                  fmt={fmt}
                  onToggle={toggle}
                  onDrill={onDrill}
                  searching={searching}
                  measure={virtualizer.measureElement}
                  dataIndex={item.index}
                />
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={5} style={{ height: padBottom, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
