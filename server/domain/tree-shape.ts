/**
 * Pure helpers over a flat tree listing (parents before children, as listSubtree returns it).
 * Linear time and iterative, so 100,000 nodes and 30-level legs are fine.
 */
export interface FlatNode {
  id: string;
  parentId: string | null;
  depth: number;
}

/** Number of descendants (not counting the node) and of direct children, for every node. */
export function countDescendants(nodes: readonly FlatNode[]): Map<string, { descendants: number; children: number }> {
  const counts = new Map<string, { descendants: number; children: number }>();
  for (const node of nodes) counts.set(node.id, { descendants: 0, children: 0 });
  // Children come after parents, so walking backwards sees every node's subtree complete before its parent.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const parent = node.parentId === null ? undefined : counts.get(node.parentId);
    if (!parent) continue;
    const own = counts.get(node.id)!;
    parent.descendants += own.descendants + 1;
    parent.children += 1;
  }
  return counts;
}
