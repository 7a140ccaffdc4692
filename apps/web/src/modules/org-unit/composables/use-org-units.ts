import { computed, shallowRef } from 'vue';
import { request } from '@/api/request';
import { OrgUnitsDocument, type OrgUnitNodeFragment } from '@/graphql/generated/graphql';
import { buildOrgTree } from '../utils/build-org-tree';

/** The org units the signed-in user may see (server-scoped), flat and as a tree. */
export function useOrgUnits() {
  const units = shallowRef<OrgUnitNodeFragment[]>([]);
  const tree = computed(() => buildOrgTree(units.value));

  async function load(): Promise<void> {
    const data = await request(OrgUnitsDocument);
    units.value = data.orgUnits;
  }

  return { units, tree, load };
}
