import type { OrgUnitNodeFragment } from '@/graphql/generated/graphql';

export interface OrgTreeNode extends OrgUnitNodeFragment {
  children: OrgTreeNode[];
}

/**
 * Builds a forest from the flat list the API returns (linked by parentId).
 * A unit whose parent is not visible to the user (e.g. a county seen by its own staff)
 * becomes a root. Siblings are ordered by code.
 */
export function buildOrgTree(units: readonly OrgUnitNodeFragment[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>();
  for (const unit of units) nodes.set(unit.id, { ...unit, children: [] });

  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId != null ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }

  const byCode = (a: OrgTreeNode, b: OrgTreeNode) => a.code.localeCompare(b.code);
  const sortDeep = (list: OrgTreeNode[]): OrgTreeNode[] => {
    list.sort(byCode);
    for (const node of list) sortDeep(node.children);
    return list;
  };
  return sortDeep(roots);
}

/** Ids of the roots and their children: what the tree shows opened at first. */
export function initiallyExpandedIds(roots: readonly OrgTreeNode[]): string[] {
  return roots.flatMap((root) => [root.id, ...root.children.filter((c) => c.children.length > 0).map((c) => c.id)]);
}
