/**
 * The languages the API answers in (issue 11): Chinese by default, English on request. The
 * console negotiates the same way, so both read `Accept-Language` with this one function.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/**
 * The caller's language from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language with the highest q, ties in the order listed; zh-* and en-* match by their primary
 * tag. Missing, malformed, `*` or only unsupported languages give the default, Chinese.
 */
export function negotiateLanguage(acceptLanguage: string | readonly string[] | undefined | null): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  let best: { language: Language; q: number } | null = null;
  for (const range of String(header).split(',')) {
    const [tag, ...params] = range.trim().split(';');
    const language = supported(tag.trim());
    if (!language) continue;
    const q = quality(params);
    if (q > 0 && (best === null || q > best.q)) best = { language, q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}

function supported(tag: string): Language | null {
  const primary = tag.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

function quality(params: string[]): number {
  for (const p of params) {
    const m = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(p);
    if (m) return Number(m[1]);
  }
  return 1;
}
