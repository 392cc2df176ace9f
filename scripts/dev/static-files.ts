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
  '.wasm': 'application/wasm',
};

/** The content type of `file`, by its extension. */
export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
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
