/**
 * Pure helpers over the flat node list that `member.tree` returns: an index (children sorted by name),
 * ancestor / subtree queries, name search, and the flattening of the expanded part of the tree into
 * rows. Everything is iterative and linear, so a few thousand members stay instant.
 */
export interface TreeNodeLike {
  id: string;
  parentId: string | null;
  name: string;
  childCount: number;
  descendantCount: number;
}

export interface TreeIndex<N extends TreeNodeLike = TreeNodeLike> {
  rootId: string;
  byId: Map<string, N>;
  /** Child ids of each node, sorted by name. Only nodes with children have an entry. */
  children: Map<string, string[]>;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function buildTreeIndex<N extends TreeNodeLike>(rootId: string, nodes: readonly N[]): TreeIndex<N> {
  const byId = new Map<string, N>();
  for (const node of nodes) byId.set(node.id, node);
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.id === rootId || node.parentId === null || !byId.has(node.parentId)) continue;
    const list = children.get(node.parentId);
    if (list) list.push(node.id);
    else children.set(node.parentId, [node.id]);
  }
  for (const list of children.values()) {
    list.sort((a, b) => collator.compare(byId.get(a)!.name, byId.get(b)!.name) || (a < b ? -1 : 1));
  }
  return { rootId, byId, children };
}

/** Ancestors of `id` inside the index, nearest first (not including `id`). */
export function ancestorsOf(index: TreeIndex, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let current = index.byId.get(id)?.parentId ?? null;
  while (current !== null && index.byId.has(current) && !seen.has(current)) {
    out.push(current);
    seen.add(current);
    if (current === index.rootId) break;
    current = index.byId.get(current)?.parentId ?? null;
  }
  return out;
}

/** `id` and everyone below it. */
export function subtreeIds(index: TreeIndex, id: string): Set<string> {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    for (const child of index.children.get(next) ?? []) stack.push(child);
  }
  return out;
}

/** Is `id` strictly below `ancestorId`? */
export function isStrictlyBelow(index: TreeIndex, ancestorId: string, id: string): boolean {
  return id !== ancestorId && ancestorsOf(index, id).includes(ancestorId);
}

/** Nodes whose name contains the query (case- and accent-insensitive), and those plus their ancestors. */
export function searchTree(index: TreeIndex, query: string): { matches: Set<string>; visible: Set<string> } {
  const q = normalise(query);
  const matches = new Set<string>();
  const visible = new Set<string>();
  if (!q) return { matches, visible };
  for (const node of index.byId.values()) {
    if (!normalise(node.name).includes(q)) continue;
    matches.add(node.id);
    visible.add(node.id);
    // Walk up until we reach a node already revealed: every node is added at most once.
    let current = node.id === index.rootId ? null : node.parentId;
    while (current !== null && index.byId.has(current) && !visible.has(current)) {
      visible.add(current);
      current = current === index.rootId ? null : (index.byId.get(current)?.parentId ?? null);
    }
  }
  return { matches, visible };
}

export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase()
    .trim();
}

export interface VisibleRow {
  id: string;
  /** 1 = the root. */
  level: number;
  posInSet: number;
  setSize: number;
  /** Has children in the current view (all children, or only the search's visible ones). */
  hasChildren: boolean;
  expanded: boolean;
}

/**
 * The rows on screen, in order: the root, then depth-first the children of every expanded row.
 * `include` restricts the tree (search); `isExpanded` says which rows are open.
 */
export function flattenVisible(
  index: TreeIndex,
  isExpanded: (id: string) => boolean,
  include?: (id: string) => boolean,
): VisibleRow[] {
  const rows: VisibleRow[] = [];
  if (!index.byId.has(index.rootId)) return rows;
  if (include && !include(index.rootId)) return rows;
  const kids = (id: string) => {
    const all = index.children.get(id) ?? [];
    return include ? all.filter(include) : all;
  };
  // Stack of [id, level, posInSet, setSize], pushed in reverse so the first child pops first.
  const stack: Array<[string, number, number, number]> = [[index.rootId, 1, 1, 1]];
  while (stack.length > 0) {
    const [id, level, posInSet, setSize] = stack.pop()!;
    const children = kids(id);
    const expanded = children.length > 0 && isExpanded(id);
    rows.push({ id, level, posInSet, setSize, hasChildren: children.length > 0, expanded });
    if (!expanded) continue;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, level + 1, i + 1, children.length]);
  }
  return rows;
}

/** The default view: the root and its direct children expanded. */
export function defaultExpanded(index: TreeIndex): Set<string> {
  return new Set([index.rootId, ...(index.children.get(index.rootId) ?? [])]);
}

/** Every node with children (for "Expand all"). */
export function allExpandable(index: TreeIndex): Set<string> {
  return new Set(index.children.keys());
}
