import type { E2eHarness } from './e2e-harness';

/**
 * The harness with every request sent in `language` (Accept-Language) unless the request names
 * its own: for suites that check the wording of errors in one language (issue 11: the API answers
 * in Chinese by default).
 */
export function speaking(h: E2eHarness, language: 'en' | 'zh-CN'): E2eHarness {
  return {
    ...h,
    http: (method, path, opts = {}) => h.http(method, path, { ...opts, headers: { 'accept-language': language, ...opts.headers } }),
  };
}
