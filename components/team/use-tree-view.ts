"use client";
/**
 * The state both trees share (the Team page's member tree and the dashboard's roll-up): which rows are open, the
 * name search (deferred, so typing stays responsive), the rows on screen, and expand / collapse (one row or all).
 * By default the root and its first level are open. While searching, every row the search reveals is open unless the
 * person closes it; a new search starts open again. `viewVersion` changes on "Expand all" / "Collapse all" and on
 * a new search, so a list that pages or virtualises its rows can start again from the top.
 */
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import {
  allExpandable,
  defaultExpanded,
  flattenVisible,
  searchTree,
  type TreeIndex,
  type VisibleRow,
} from "./tree-model";

export interface TreeView {
  /** What is typed in the search box, and the deferred query the rows follow. */
  query: string;
  setQuery: (query: string) => void;
  deferredQuery: string;
  searching: boolean;
  search: { matches: Set<string>; visible: Set<string> };
  rows: VisibleRow[];
  isOpen: (id: string) => boolean;
  setRowExpanded: (id: string, open: boolean) => void;
  /** Opens or closes a row with children (a leaf is left alone). */
  toggle: (id: string) => void;
  expandAll: () => void;
  collapseAll: () => void;
  viewVersion: number;
}

export function useTreeView(index: TreeIndex): TreeView {
  // Expansion: null until the person changes it, meaning "root and first level".
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const openSet = useMemo(() => expanded ?? defaultExpanded(index), [expanded, index]);

  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const searching = deferredQuery.trim().length > 0;
  const search = useMemo(() => searchTree(index, deferredQuery), [index, deferredQuery]);
  // Rows the person closed during this search (reset on each new query).
  const [searchClosed, setSearchClosed] = useState<{ query: string; ids: Set<string> }>({ query: "", ids: new Set() });
  const closedNow = useMemo(
    () => (searchClosed.query === deferredQuery ? searchClosed.ids : new Set<string>()),
    [searchClosed, deferredQuery],
  );

  const rows = useMemo(
    () =>
      searching
        ? flattenVisible(
            index,
            (id) => !closedNow.has(id),
            (id) => search.visible.has(id),
          )
        : flattenVisible(index, (id) => openSet.has(id)),
    [index, searching, search, closedNow, openSet],
  );

  const isOpen = useCallback(
    (id: string) => (searching ? !closedNow.has(id) : openSet.has(id)),
    [searching, closedNow, openSet],
  );
  const setRowExpanded = useCallback(
    (id: string, open: boolean) => {
      if (searching) {
        setSearchClosed((prev) => {
          const ids = new Set(prev.query === deferredQuery ? prev.ids : []);
          if (open) ids.delete(id);
          else ids.add(id);
          return { query: deferredQuery, ids };
        });
      } else {
        setExpanded((prev) => {
          const next = new Set(prev ?? defaultExpanded(index));
          if (open) next.add(id);
          else next.delete(id);
          return next;
        });
      }
    },
    [searching, deferredQuery, index],
  );
  const toggle = useCallback(
    (id: string) => {
      if (!index.children.get(id)?.length) return;
      setRowExpanded(id, !isOpen(id));
    },
    [index, isOpen, setRowExpanded],
  );

  // These read the typed query (not the deferred one), so a click right after clearing the box acts on the full tree.
  const [viewVersion, setViewVersion] = useState(0);
  const expandAll = useCallback(() => {
    setViewVersion((v) => v + 1);
    if (query.trim()) setSearchClosed({ query, ids: new Set() });
    else setExpanded(allExpandable(index));
  }, [query, index]);
  const collapseAll = useCallback(() => {
    setViewVersion((v) => v + 1);
    if (query.trim()) setSearchClosed({ query, ids: new Set(searchTree(index, query).visible) });
    else setExpanded(new Set([index.rootId]));
  }, [query, index]);

  return {
    query,
    setQuery,
    deferredQuery,
    searching,
    search,
    rows,
    isOpen,
    setRowExpanded,
    toggle,
    expandAll,
    collapseAll,
    viewVersion,
  };
}
