/**
 * The dev server on a copy of the fixture issue: it serves the built pages with the
 * live-reload script, rebuilds on a change and says so on its event stream, reports a
 * manuscript error there while the last good page stays, and serves nothing outside
 * the issue's output folder.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBuildLine, startDevServer } from '../../scripts/dev/dev-server.js';
import type { DevBuild, DevServer } from '../../scripts/dev/dev-server.js';
import type { OverlayMessage } from '../../scripts/dev/live-reload.js';
import { contentTypeOf, resolveInside } from '../../scripts/dev/static-files.js';
import { copyFixtureManuscript, locate, tempFolder } from '../helpers.js';
import { readEvents } from './event-stream.js';
import type { EventReader } from './event-stream.js';

let server: DevServer;
let events: EventReader;
let outputRoot: string;
let manuscript: string;
const builds: DevBuild[] = [];

beforeAll(async () => {
  const { issue } = await copyFixtureManuscript();
  manuscript = path.join(issue, 'index.md');
  outputRoot = await tempFolder('jlaga-dev-');
  // A file beside the served folder, which no URL may reach.
  await writeFile(path.join(outputRoot, 'secret.txt'), 'not to be served');
  server = await startDevServer({
    location: locate(issue),
    outputRoot,
    port: 0,
    onBuild: (build) => builds.push(build),
  });
  events = await readEvents(new URL('/__dev/events', server.url).href);
});

afterAll(async () => {
  events?.close();
  await server?.close();
});

const page = 'html/en/index.html';

/** The served page's text with soft hyphens taken out (hyphenation puts them in words). */
async function served(file = page): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(new URL(file, server.url));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: (await response.text()).replaceAll('\u00ad', ''),
  };
}

async function edit(from: string, to: string): Promise<void> {
  const text = await readFile(manuscript, 'utf8');
  expect(text).toContain(from);
  await writeFile(manuscript, text.replace(from, to));
}

/** The next reload after which the page contains `text` (other changes may reload it first). */
async function reloadedWith(text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await events.next((event) => event.event === 'reload', deadline - Date.now());
    if ((await served()).text.includes(text)) return;
  }
}

/** GET with the path exactly as written: fetch would resolve its `..` before sending. */
function rawGet(pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const outgoing = request({ hostname, port, path: pathname }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.setTimeout(5_000, () => outgoing.destroy(new Error(`${pathname}: no answer in 5 s`)));
    outgoing.end();
  });
}

describe('npm run dev', () => {
  it('built the issue once on start and listens on localhost', () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(builds).toHaveLength(1);
    expect(builds[0]?.built).toBe(true);
    expect(formatBuildLine(builds[0]!)).toMatch(/^\d\d:\d\d:\d\d 2099-1: HTML built in \d+\.\d\d s$/);
  });

  it('redirects / to the first language', async () => {
    const response = await fetch(server.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/html/en/index.html');
  });

  it('serves the page with the live-reload script, which the file on disk does not have', async () => {
    const { status, type, text } = await served();
    expect(status).toBe(200);
    expect(type).toBe('text/html; charset=utf-8');
    expect(text).toContain('<script src="/__dev/live-reload.js"></script></body>');
    const onDisk = await readFile(path.join(outputRoot, '2099-1', page), 'utf8');
    expect(onDisk).not.toContain('live-reload');
    expect(onDisk).toContain('</body>');

    const script = await served('/__dev/live-reload.js');
    expect(script.type).toBe('text/javascript; charset=utf-8');
    expect(script.text).toContain("new EventSource('/__dev/events')");
    expect((await served('/__dev/overlay.css')).type).toBe('text/css; charset=utf-8');
  });

  it.each([
    ['html/assets/edition.css', 'text/css; charset=utf-8'],
    ['html/assets/fonts/source-serif-4-latin-ext-400-normal.woff2', 'font/woff2'],
    ['html/media/chart.svg', 'image/svg+xml'],
    // Hyphenopoly's patterns: browsers compile WebAssembly as it streams only with its type.
    ['html/assets/hyphenopoly/patterns/hu.wasm', 'application/wasm'],
  ])('serves %s as %s', async (file, type) => {
    const response = await fetch(new URL(file, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    const onDisk = await readFile(path.join(outputRoot, '2099-1', file));
    expect(Buffer.from(await response.arrayBuffer()).equals(onDisk)).toBe(true);
  });

  it('answers 404 for a file that is not there, with a page that reloads for a missing page', async () => {
    expect((await served('html/assets/missing.css')).status).toBe(404);
    const missing = await served('html/de/index.html');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('/__dev/live-reload.js');
  });

  it('refuses paths that climb out of the issue folder', async () => {
    for (const pathname of [
      '/../secret.txt',
      '/../../package.json',
      '/html/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/html/..%2f..%2fsecret.txt',
    ]) {
      const { status, body } = await rawGet(pathname);
      expect(status, pathname).toBe(403);
      expect(body).not.toContain('not to be served');
    }
    expect((await rawGet('/%E0%A4%A')).status).toBe(400);
    // A client that resolves `..` itself asks for a file inside, which is not there.
    expect((await served('/../secret.txt')).status).toBe(404);
  });

  it('rebuilds on a change and tells the page to reload', async () => {
    expect((await served()).text).toContain('In 1999, 3.5%');
    await edit('In 1999, 3.5%', 'In 1998, 3.5%');
    await reloadedWith('In 1998, 3.5%');
    expect(builds.at(-1)?.changes).toContain(manuscript);
    expect(formatBuildLine(builds.at(-1)!)).toMatch(/2099-1: HTML rebuilt in \d+\.\d\d s.* \(.*index\.md\)$/);
  });

  it('reports a manuscript error on the stream and keeps serving the last good page', async () => {
    await edit(':::en{#lead .lead}', ':::en{#Lead .lead}');
    const event = await events.next((candidate) => candidate.event === 'build-error', 15_000);
    const { slug, messages } = JSON.parse(event.data) as { slug: string; messages: OverlayMessage[] };
    expect(slug).toBe('2099-1');
    expect(messages).toContainEqual(
      expect.objectContaining({
        ruleId: 'invalid-id',
        severity: 'error',
        line: 48,
        column: expect.any(Number) as number,
        file: expect.stringMatching(/index\.md$/) as string,
        reason: expect.any(String) as string,
      }),
    );
    expect(builds.at(-1)?.built).toBe(false);
    expect(formatBuildLine(builds.at(-1)!)).toMatch(/2099-1: not built, \d+ errors?; the last good pages stay/);

    const { status, text } = await served();
    expect(status).toBe(200);
    expect(text).toContain('In 1998, 3.5%');

    // A page opened now learns of the error as it connects.
    const late = await readEvents(new URL('/__dev/events', server.url).href);
    try {
      const told = await late.next((candidate) => candidate.event === 'build-error', 5_000);
      expect(told.data).toBe(event.data);
    } finally {
      late.close();
    }
  });

  it('reloads again once the error is fixed', async () => {
    await edit(':::en{#Lead .lead}', ':::en{#lead .lead}');
    await reloadedWith('In 1998, 3.5%');
    expect(builds.at(-1)?.built).toBe(true);
  });
});

/** GET `pathname` from 127.0.0.1 with this Host header; the body is read for at most a second. */
function getWithHost(host: string, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const outgoing = request({ hostname: '127.0.0.1', port, path: pathname, headers: { Host: host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      // The event stream never ends: what it sent in a second is enough.
      setTimeout(() => {
        response.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      }, 1_000);
    });
    outgoing.on('error', reject);
    outgoing.setTimeout(5_000, () => outgoing.destroy(new Error(`${pathname}: no answer in 5 s`)));
    outgoing.end();
  });
}

describe('the Host header (a page on another site, rebound to 127.0.0.1, must not read the drafts)', () => {
  const paths = ['/__dev/events', '/', '/html/en/index.html', '/html/assets/edition.css', '/__dev/live-reload.js'];

  it.each(['evil.example', 'evil.example:PORT', 'localhost.evil.example:PORT', '127.0.0.2:PORT', 'localhost:1'])(
    'answers 421 to %s, on every path, the event stream included',
    async (host) => {
      const port = new URL(server.url).port;
      for (const pathname of paths) {
        const { status, body } = await getWithHost(host.replace('PORT', port), pathname);
        expect(status, pathname).toBe(421);
        expect(body, pathname).not.toContain('<html');
        expect(body, pathname).not.toContain('event:');
      }
    },
  );

  it('answers 421 to a request without one', async () => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    socket.setEncoding('utf8');
    let answer = '';
    socket.on('data', (chunk: string) => (answer += chunk));
    await new Promise((resolve) => socket.once('connect', resolve));
    // HTTP/1.0 may leave Host out; a browser never does, but it names no local host either.
    socket.write('GET /html/en/index.html HTTP/1.0\r\n\r\n');
    await new Promise((resolve) => socket.once('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it.each(['localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'LOCALHOST:PORT', 'localhost', '127.0.0.1'])(
    'answers %s',
    async (host) => {
      const { status, body } = await getWithHost(host.replace('PORT', new URL(server.url).port), `/${page}`);
      expect(status).toBe(200);
      expect(body).toContain('live-reload.js');
    },
  );
});

describe('served paths', () => {
  it('resolves paths inside the folder only', () => {
    expect(resolveInside('/srv/out', '/html/en/index.html')).toBe(path.resolve('/srv/out/html/en/index.html'));
    expect(resolveInside('/srv/out', '/html/a%20b.svg')).toBe(path.resolve('/srv/out/html/a b.svg'));
    expect(resolveInside('/srv/out', '/html/../../x')).toEqual({ refused: 'outside' });
    expect(resolveInside('/srv/out', '/..%2fout2/x')).toEqual({ refused: 'outside' });
    expect(resolveInside('/srv/out', '/a%00b')).toEqual({ refused: 'malformed' });
  });

  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.jpg', 'image/jpeg'],
    ['a.png', 'image/png'],
    ['jlaga-2099-1-en.pdf', 'application/pdf'],
    ['jlaga-2099-1-en.epub', 'application/epub+zip'],
    ['a.unknown', 'application/octet-stream'],
  ])('sends %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});
