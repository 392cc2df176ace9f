/**
 * The dev server's answers: an issue's built files from `output/<slug>/`, HTML pages
 * with the live-reload script added, the event stream, and the client's own files.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Lang } from '../manuscript/schema.js';
import { supportedLanguages } from '../project.js';
import { clientFiles, devPaths, injectLiveReload, notBuiltPage } from './live-reload.js';
import type { DevEvent, EventStream } from './live-reload.js';
import { contentTypeOf, isLocalHost, resolveInside } from './static-files.js';

/** Every answer is the file as it is now, never a cached copy, and never sniffed. */
const noCache = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** What the answers depend on that changes with every build. */
export interface ServedState {
  /** The failure of the last build, told to every page that connects; none after a good one. */
  failed: DevEvent | undefined;
  /** The first language, where `/` leads; unknown until a manuscript was read. */
  firstLanguage: Lang | undefined;
}

export interface ServeOptions {
  /** The output folder (`output/<slug>/`); nothing outside it is served. */
  outputDir: string;
  events: EventStream;
  state: () => ServedState;
}

/**
 * A request listener for `node:http`: only requests for this machine's own names
 * (`isLocalHost`; any other Host is answered 421); GET and HEAD only; `/` redirects to
 * the first language's page; paths that climb out of `outputDir` are refused (403);
 * missing files are 404, with a page that reloads once it is built when an HTML page
 * was asked for.
 */
export function createRequestHandler(options: ServeOptions): RequestListener {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Listening on 127.0.0.1 is not enough: a page of another site whose name is made to
    // resolve to 127.0.0.1 (DNS rebinding) would read the drafts with the browser's
    // blessing, as same-origin. It still sends its own name as Host. 421 rather than 403:
    // nothing here is forbidden, this server just is not the one that name is for.
    if (!isLocalHost(request.headers.host, request.socket.localPort)) {
      return send(request, response, 421, 'text/plain; charset=utf-8', misdirected);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(request, response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    }
    // The path as sent, still encoded: resolveInside decodes it once and checks it.
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/') {
      const lang = options.state().firstLanguage ?? supportedLanguages()[0] ?? 'en';
      return redirect(response, `/html/${lang}/index.html`);
    }
    if (pathname === devPaths.events) return options.events.connect(response, options.state().failed);
    const clientFile = clientFiles[pathname];
    if (clientFile) return sendFile(request, response, clientFile);

    const file = resolveInside(options.outputDir, pathname);
    if (typeof file !== 'string') {
      return file.refused === 'outside'
        ? send(request, response, 403, 'text/plain; charset=utf-8', 'Forbidden: outside the served folder\n')
        : send(request, response, 400, 'text/plain; charset=utf-8', 'Bad request: malformed path\n');
    }
    if ((await stat(file).catch(() => undefined))?.isDirectory()) {
      // An index page's relative links need the trailing slash.
      if (!pathname.endsWith('/')) return redirect(response, `${pathname}/`);
      return sendFile(request, response, path.join(file, 'index.html'));
    }
    return sendFile(request, response, file);
  };
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else send(request, response, 500, 'text/plain; charset=utf-8', `${String(error)}\n`);
    });
  };
}

const misdirected = 'Misdirected request: this server answers only to localhost, 127.0.0.1 and [::1]\n';

/** Send `file`: an HTML page with the live-reload script, anything else as its bytes. */
async function sendFile(request: IncomingMessage, response: ServerResponse, file: string): Promise<void> {
  const type = contentTypeOf(file);
  const stats = await stat(file).catch(() => undefined);
  const isPage = type.startsWith('text/html');
  if (!stats?.isFile()) {
    // A page that is not built yet still connects: it shows the errors and reloads when fixed.
    if (isPage || path.extname(file) === '') {
      const page = injectLiveReload(await readFile(notBuiltPage, 'utf8'));
      return send(request, response, 404, 'text/html; charset=utf-8', page);
    }
    return send(request, response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  }
  if (isPage) return send(request, response, 200, type, injectLiveReload(await readFile(file, 'utf8')));
  response.writeHead(200, { 'Content-Type': type, 'Content-Length': stats.size, ...noCache });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

function send(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: string): void {
  const bytes = Buffer.from(body);
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length, ...noCache });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, ...noCache });
  response.end();
}
