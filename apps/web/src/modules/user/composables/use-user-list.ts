import { reactive, ref, shallowRef } from 'vue';
import { request } from '@/api/request';
import { UsersDocument, type Role, type UserFilter, type UserRowFragment } from '@/graphql/generated/graphql';

export interface UserSearchForm {
  keyword: string;
  unitId: string | null;
  includeSubtree: boolean;
  role: Role | null;
  active: 'all' | 'true' | 'false';
}

export const emptySearchForm = (): UserSearchForm => ({
  keyword: '',
  unitId: null,
  includeSubtree: true,
  role: null,
  active: 'all',
});

function toFilter(form: UserSearchForm): UserFilter {
  return {
    keyword: form.keyword.trim() || null,
    unitId: form.unitId,
    includeSubtree: form.includeSubtree,
    role: form.role,
    active: form.active === 'all' ? null : form.active === 'true',
  };
}

/** The user list: server-side filter and paging (offset/limit), total from the API. */
export function useUserList() {
  const search = reactive<UserSearchForm>(emptySearchForm());
  const items = shallowRef<UserRowFragment[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(20);
  const loading = ref(false);
  // The filter applied to the current results (the form may hold unsubmitted edits).
  let applied: UserFilter = toFilter(search);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const data = await request(UsersDocument, {
        filter: applied,
        page: { offset: (page.value - 1) * pageSize.value, limit: pageSize.value },
      });
      items.value = data.users.items;
      total.value = data.users.total;
    } finally {
      loading.value = false;
    }
  }

  function submitSearch(): Promise<void> {
    applied = toFilter(search);
    page.value = 1;
    return load();
  }

  function resetSearch(): Promise<void> {
    Object.assign(search, emptySearchForm());
    return submitSearch();
  }

  /** Replaces one row after a mutation, without reloading the page. */
  function replaceRow(user: UserRowFragment): void {
    items.value = items.value.map((row) => (row.id === user.id ? user : row));
  }

  return { search, items, total, page, pageSize, loading, load, submitSearch, resetSearch, replaceRow };
}
