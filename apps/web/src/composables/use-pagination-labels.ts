import { nextTick, onMounted, type Ref } from 'vue';

/**
 * Element Plus renders the pagination's page-size select and 前往 box without an accessible name
 * (axe-core: label, critical). Names them once the pagination is in the page.
 */
export function usePaginationLabels(
  root: Ref<HTMLElement | undefined>,
  labels: { sizes: string; jumper: string },
): void {
  onMounted(async () => {
    await nextTick();
    root.value?.querySelector('.el-pagination__sizes input')?.setAttribute('aria-label', labels.sizes);
    root.value?.querySelector('.el-pagination__jump input')?.setAttribute('aria-label', labels.jumper);
  });
}
