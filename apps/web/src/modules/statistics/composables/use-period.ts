import { computed, ref } from 'vue';
import { shanghaiDate } from '@/utils/format';

export type PeriodPreset = 'month' | 'lastMonth' | 'quarter' | 'year' | 'custom';

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** The [from, to] of a preset around `today` (YYYY-MM-DD, Shanghai); `to` never beyond today. */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string): [string, string] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const mi = m - 1;
  switch (preset) {
    case 'month':
      return [iso(y, mi, 1), today];
    case 'lastMonth':
      return [iso(y, mi - 1, 1), iso(y, mi, 0)];
    case 'quarter':
      return [iso(y, mi - (mi % 3), 1), today];
    case 'year':
      return [iso(y, 0, 1), today];
  }
}

/** The board's period: a preset, or a custom range; both ends inclusive Shanghai dates. */
export function usePeriod(initial: PeriodPreset = 'year', now = () => Date.now()) {
  const preset = ref<PeriodPreset>(initial);
  const custom = ref<[string, string]>(presetRange('month', shanghaiDate(now())));
  const range = computed<[string, string]>(() =>
    preset.value === 'custom' ? custom.value : presetRange(preset.value, shanghaiDate(now())),
  );
  return { preset, custom, range };
}
