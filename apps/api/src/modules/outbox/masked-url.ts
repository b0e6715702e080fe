/**
 * A webhook URL as the API shows it: WeCom and DingTalk robots carry their credential in the
 * query (`key=`, `access_token=`), so query values are reduced to their last 4 characters.
 */
export function maskedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.search) return url;
  const masked = [...parsed.searchParams.entries()].map(([k, v]) => `${encodeURIComponent(k)}=${v.length > 4 ? `***${v.slice(-4)}` : '***'}`);
  return `${parsed.origin}${parsed.pathname}?${masked.join('&')}`;
}

/** The only thing shown of a secret after creation. */
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`;
}
