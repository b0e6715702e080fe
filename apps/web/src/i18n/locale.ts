/** The console's two languages; zh-CN is the default and the fallback for anything else. */
export type Locale = 'zh-CN' | 'en';

export const LOCALE_STORAGE_KEY = 'zs.locale';

export function parseLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'zh-CN';
}
