import { createI18n } from 'vue-i18n';
import { zhCN, type MessageSchema } from './zh-CN';

export type AppLocale = 'zh-CN';

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
});

declare module 'vue-i18n' {
  // Typed keys for t() across the app.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

/**
 * The dictionary label of `value` under `prefix` (`valueLabel('dataScope', row.dataScope)`), and nothing when there is
 * no value: el-table renders every column's slot once with an empty row, and a record may leave a field blank.
 */
export function valueLabel(prefix: string, value: string | null | undefined): string {
  return value == null || value === '' ? '' : i18n.global.t(`${prefix}.${value}`);
}
