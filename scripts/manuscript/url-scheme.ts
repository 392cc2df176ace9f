/**
 * The link targets an edition can carry: web pages (`http:`, `https:`), e-mail
 * addresses (`mailto:` without a query) and places in the same document (`#id`).
 * Anything else (`javascript:`, `data:`, `file:`, `//host`, a relative path) would run
 * code, reach outside the edition or break in a PDF or EPUB, so readers and the XLIFF
 * import refuse it.
 */


/**
 * Whether a link may point at `url`.
 *
 * @param url the link's destination as the manuscript (or an XLIFF target) gives it,
 *   character references already decoded.
 * @returns true for `http://…`, `https://…`, `mailto:address` (no `?subject=…` query:
 *   such a link can prefill a message the reader did not write) and `#fragment`;
 *   false for every other scheme, a scheme-relative `//host`, a relative path and
 *   any URL with a control character.
 */
export function isAllowedUrl(url: string): boolean {
  if (hasControlCharacter(url)) return false;
  if (url.startsWith('#')) return true;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return isWebUrl(url);
  if (scheme === 'mailto') return url.length > 'mailto:'.length && !url.includes('?');
  return false;
}

/** `scheme://host…` that the WHATWG URL parser accepts with a host. */
function isWebUrl(url: string): boolean {
  if (!/^[A-Za-z]+:\/\/[^/\\]/.test(url)) return false;
  try {
    return new URL(url).host !== '';
  } catch {
    return false;
  }
}

// A browser drops or ignores these inside a URL, so `java\tscript:` would still run;
// refusing them keeps the check on the same text the browser acts on.
function hasControlCharacter(url: string): boolean {
  for (let index = 0; index < url.length; index++) {
    const code = url.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
