import { domainToASCII } from 'node:url';

/**
 * Internationalised domain names (IDN). A browser on https://农场.中国 sends `Host` and `Origin` in
 * their ASCII (punycode) form, https://xn--..., so settings that name origins are compared in that
 * form. An operator may write them either way.
 */

/** An http(s) origin in its ASCII form (`https://农场.中国` → `https://xn--...`); null when it is not one. */
export function asciiOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) return null;
  // WHATWG URL has already punycoded the host; domainToASCII again makes that explicit (and lower-cases it).
  const host = domainToASCII(url.hostname) || url.hostname;
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}

/** CORS_ORIGINS (comma-separated) as the list of ASCII origins that browsers will send. */
export function corsOrigins(setting: string): string[] {
  return [
    ...new Set(
      setting
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
        .map((o) => asciiOrigin(o) ?? o),
    ),
  ];
}
