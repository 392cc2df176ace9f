/**
 * The site's base URL: `--base-url`, else `site.url` of series.yaml (checked there with
 * the rest of the series). Absolute http(s) addresses only, ending in `/` so that the
 * site's paths resolve below it.
 */

/** `value` as a base URL ending in `/`, or why it cannot be one. */
export function parseBaseUrl(value: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      error: `expected an absolute http or https address such as https://example.org/analyses/, not \`${value}\``,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: `expected an http or https address, not a ${url.protocol.slice(0, -1)} one: \`${value}\`` };
  if (url.username !== '' || url.password !== '')
    return { error: `expected an address without a user name or password: \`${value}\`` };
  if (url.search !== '' || url.hash !== '')
    return { error: `expected an address without a query or fragment: \`${value}\`` };
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { url: href };
}
