import { shallowRef } from 'vue';
import { request } from '@/api/request';
import { KpiDefinitionsDocument } from '@/graphql/generated/graphql';
import type { KpiDef } from './kpi-format';

// The KPI dictionary changes only with a release: asked once per session.
let cached: Promise<KpiDef[]> | null = null;

export function useKpiDefs() {
  const defs = shallowRef<KpiDef[]>([]);
  async function load(): Promise<KpiDef[]> {
    cached ??= request(KpiDefinitionsDocument).then((d) => d.kpiDefinitions);
    try {
      defs.value = await cached;
    } catch (e) {
      cached = null;
      throw e;
    }
    return defs.value;
  }
  return { defs, load };
}
