import { computed, shallowRef } from 'vue';
import { request } from '@/api/request';
import { ExternalAgenciesDocument, type ExternalAgenciesQuery } from '@/graphql/generated/graphql';

/** External agencies by kind: courts (移送法院) and other departments (联办、移交). */
export function useAgencies() {
  const agencies = shallowRef<ExternalAgenciesQuery['externalAgencies']>([]);
  const courts = computed(() => agencies.value.filter((a) => a.kind === 'COURT'));
  const departments = computed(() => agencies.value.filter((a) => a.kind === 'DEPARTMENT'));

  async function load(): Promise<void> {
    if (agencies.value.length) return;
    agencies.value = (await request(ExternalAgenciesDocument)).externalAgencies;
  }

  return { courts, departments, load };
}
