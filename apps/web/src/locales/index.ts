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
