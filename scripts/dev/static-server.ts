/**
 * The preview server of `jlaga serve`: a built folder (the series' site) served as it
 * is, static files only, on 127.0.0.1 to requests for this machine's own names. No
 * build, no live reload, no script added to a page: what a reader's browser gets from
 * the site's host, so that what needs a server (the search's `fetch` of its index)
 * can be tried before the site is published.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeOf, isLocalHost, resolveInside } from './static-files.js';

/** Every answer is the file as it is now, never a cached copy, and never sniffed. */
const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** The page sent with a 404 when the folder has one, as a host of the site would. */
export const notFoundPage = '404.html';

export interface StaticServerOptions {
  /** The folder served; nothing outside it is, symbolic links that lead out of it included. */
  root: string;
  /** The port on 127.0.0.1; 0 takes any free port. */
  port: number;
}

/** A running preview server. */
export interface StaticServer {
  /** `http://localhost:<port>/`. */
  url: string;
  port: number;
  /** Stop listening and end every connection; idempotent. */
  close: () => Promise<void>;
}

/**
 * Serve `options.root` on 127.0.0.1.
 *
 * Resolves once the server listens; rejects with the listening error (`EADDRINUSE`
 * when the port is taken), and then nothing is left open.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = await realpath(options.root);
  const server = createServer(createStaticHandler(root));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return { url: `http://localhost:${port}/`, port, close };
}

/**
 * A request listener for `node:http` that serves the files under `root` (a real path):
 * GET and HEAD only (405), any Host but this machine's names refused (421), a path
 * that climbs out of `root` refused (403), a folder answered by its `index.html` (and
 * redirected to its name with a slash first, for the page's relative links), a missing
 * file by the folder's `404.html` or a line, with 404.
 */
export function createStaticHandler(root: string): RequestListener {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!isLocalHost(request.headers.host, request.socket.localPort)) {
      return send(request, response, 421, 'Misdirected request: this server answers only to localhost\n');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(request, response, 405, 'Method not allowed\n');
    }
    // The path as sent, still encoded: resolveInside decodes it once and checks it.
    const pathname = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
    const resolved = resolveInside(root, pathname);
    if (typeof resolved !== 'string') {
      return resolved.refused === 'outside'
        ? send(request, response, 403, 'Forbidden: outside the served folder\n')
        : send(request, response, 400, 'Bad request: malformed path\n');
    }
    let found = await realInside(root, resolved);
    if (found === outsideRoot) return send(request, response, 403, 'Forbidden: outside the served folder\n');
    if (found !== undefined && (await stat(found)).isDirectory()) {
      if (!pathname.endsWith('/')) {
        const query = (request.url ?? '').slice(pathname.length);
        response.writeHead(301, { Location: `${pathname}/${query}`, ...headers });
        return void response.end();
      }
      found = await realInside(root, path.join(found, 'index.html'));
    }
    const file = found === outsideRoot ? undefined : found;
    if (file === undefined || !(await stat(file)).isFile()) return notFound(request, response, root);
    return sendFile(request, response, 200, file);
  };
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else send(request, response, 500, `${String(error)}\n`);
    });
  };
}

/** What `realInside` gives for a file whose symbolic links lead out of the folder. */
const outsideRoot = Symbol('outside the served folder');

/**
 * The real path of `file` when it exists and lies under `root` (a real path), after
 * every symbolic link; `outsideRoot` when a link leads out; undefined when there is none.
 */
async function realInside(root: string, file: string): Promise<string | typeof outsideRoot | undefined> {
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) return undefined;
  return real === root || real.startsWith(root + path.sep) ? real : outsideRoot;
}

/** 404 with the folder's own `404.html` when it has one, or a line. */
async function notFound(request: IncomingMessage, response: ServerResponse, root: string): Promise<void> {
  const page = await realInside(root, path.join(root, notFoundPage));
  if (typeof page === 'string') return sendFile(request, response, 404, page);
  return send(request, response, 404, 'Not found\n');
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  file: string,
): Promise<void> {
  const { size } = await stat(file);
  response.writeHead(status, { 'Content-Type': contentTypeOf(file), 'Content-Length': size, ...headers });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

function send(request: IncomingMessage, response: ServerResponse, status: number, body: string): void {
  const bytes = Buffer.from(body);
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': bytes.length,
    ...headers,
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
