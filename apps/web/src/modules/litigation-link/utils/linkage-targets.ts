import type { LinkageMessageKind, OrgUnitNodeFragment } from '@/graphql/generated/graphql';

// Who a linkage message may go to, as the API checks it: the sender is the user's center (a
// workroom's parent center); 指示 goes to a unit below it (not a workroom), 上报 to a center above.

export interface LinkageTarget {
  id: string;
  /** null: an upper unit the user's scope does not show by name. */
  name: string | null;
}

function senderOf(units: readonly OrgUnitNodeFragment[], myUnitId: string): OrgUnitNodeFragment | null {
  const mine = units.find((u) => u.id === myUnitId);
  if (!mine) return null;
  if (mine.type !== 'WORKROOM') return mine;
  return (
    units.find((u) => u.id === mine.parentId) ?? {
      ...mine,
      id: mine.parentId ?? mine.id,
      path: mine.path.replace(/\d+\/$/, ''),
    }
  );
}

/** Units a message of `kind` may be sent to, nearest first for reports, by path for instructions. */
export function linkageTargets(
  kind: LinkageMessageKind,
  units: readonly OrgUnitNodeFragment[],
  myUnitId: string,
): LinkageTarget[] {
  const sender = senderOf(units, myUnitId);
  if (!sender) return [];
  if (kind === 'INSTRUCTION') {
    return units
      .filter((u) => u.active && u.type !== 'WORKROOM' && u.id !== sender.id && u.path.startsWith(sender.path))
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((u) => ({ id: u.id, name: u.name }));
  }
  const ancestorIds = sender.path
    .split('/')
    .filter(Boolean)
    .filter((id) => id !== sender.id);
  return ancestorIds.reverse().map((id) => ({ id, name: units.find((u) => u.id === id)?.name ?? null }));
}
