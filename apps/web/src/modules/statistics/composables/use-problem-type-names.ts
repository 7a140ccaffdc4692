import { shallowRef } from 'vue';
import { request } from '@/api/request';
import { ProblemTypesDocument } from '@/graphql/generated/graphql';

// 投诉问题类别 names by code, disabled ones included (a drill-down of last year may name one). Cases
// and statistics keep the code; the name is read here, so a rename shows at once.
const names = shallowRef<ReadonlyMap<string, string>>(new Map());
let pending: Promise<void> | null = null;

export function useProblemTypeNames() {
  function load(): Promise<void> {
    pending ??= request(ProblemTypesDocument, { includeInactive: true })
      .then((d) => {
        names.value = new Map(d.problemTypes.map((p) => [p.code, p.name]));
      })
      .catch((e: unknown) => {
        pending = null;
        throw e;
      });
    return pending;
  }
  return { names, load };
}
