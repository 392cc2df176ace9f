/**
 * Which file a URL path names under a served folder, and the content type it is sent
 * with. Only files below the folder can be named.
 */
import path from 'node:path';

/** Content types of the files a build writes; anything else is sent as bytes. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  // The search index's files (Pagefind): compressed, read by its script as bytes.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The content type of `file`, by its extension. */
export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Whether a Host header names this machine as a preview server's own address does:
 * `localhost`, `127.0.0.1` or `[::1]` (in any case), with `port` or no port.
 *
 * Listening on 127.0.0.1 is not enough: a page of another site whose name is made to
 * resolve to 127.0.0.1 (DNS rebinding) would read what is served as same-origin; it
 * still sends its own name as Host.
 *
 * @returns false for any other name, another port, or no Host at all.
 */
export function isLocalHost(host: string | undefined, port: number | undefined): boolean {
  const match = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::(\d+))?$/i.exec(host ?? '');
  return match !== null && (match[1] === undefined || Number(match[1]) === port);
}

/** Why a URL path names no file under the folder. */
export type Refusal = 'malformed' | 'outside';

/**
 * The file that the URL path `pathname` (still percent-encoded, as in the request line)
 * names under `root`, or why it names none: `malformed` when it cannot be decoded,
 * `outside` when, decoded, it climbs out of `root` (`/..%2f..%2fpackage.json`).
 */
export function resolveInside(root: string, pathname: string): string | { refused: Refusal } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { refused: 'malformed' };
  }
  if (decoded.includes('\0')) return { refused: 'malformed' };
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.sep}${decoded}`);
  if (file !== base && !file.startsWith(base + path.sep)) return { refused: 'outside' };
  return file;
}
