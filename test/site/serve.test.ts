/**
 * `jlaga serve`: a built folder served as it is on 127.0.0.1: folders by their
 * `index.html`, the search index's files with their content types, nothing outside the
 * folder (climbing paths, encoded or not, and links that lead out), 404 with the folder's
 * page; a port in use or a missing folder is one line and exit 2; a signal stops it and
 * leaves no process.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/jlaga.js';
import { startStaticServer } from '../../scripts/dev/static-server.js';
import type { StaticServer } from '../../scripts/dev/static-server.js';
import { runCommand, tempFolder } from '../helpers.js';
import { markedProcesses, runMarked, waitFor } from '../processes.js';

interface Answer {
  status: number;
  type: string | undefined;
  location: string | undefined;
  body: string;
}

/** GET `rawPath` as written, unnormalised (fetch would resolve `..` before sending it). */
function get(port: number, rawPath: string, host = `localhost:${port}`): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path: rawPath, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('latin1').on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'],
          location: response.headers.location,
          body,
        }),
      );
    });
    sent.on('error', reject).end();
  });
}

let root: string;
let outside: string;
let server: StaticServer;

beforeAll(async () => {
  const base = await tempFolder('jlaga-serve-');
  root = path.join(base, 'site');
  outside = path.join(base, 'secret.txt');
  await writeFile(outside, 'not to be served\n');
  await mkdir(path.join(root, 'hu', 'search'), { recursive: true });
  await mkdir(path.join(root, 'pagefind', 'index'), { recursive: true });
  await mkdir(path.join(root, 'pagefind', 'fragment'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>home</title>\n');
  await writeFile(path.join(root, 'hu', 'search', 'index.html'), '<!doctype html><title>keresés</title>\n');
  await writeFile(path.join(root, 'pagefind', 'pagefind.js'), 'export {};\n');
  await writeFile(path.join(root, 'pagefind', 'pagefind.hu_0123456789.pf_meta'), Buffer.from([0x1f, 0x8b, 0]));
  await writeFile(path.join(root, 'pagefind', 'index', 'hu_0123456.pf_index'), Buffer.from([0x1f, 0x8b, 1]));
  await writeFile(path.join(root, 'pagefind', 'fragment', 'hu_0123456.pf_fragment'), Buffer.from([0x1f, 0x8b, 2]));
  await writeFile(path.join(root, 'pagefind', 'wasm.hu.pagefind'), Buffer.from([0x1f, 0x8b, 3]));
  await writeFile(path.join(root, 'pagefind', 'engine.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  await symlink(outside, path.join(root, 'leak.txt'));
  server = await startStaticServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
});

describe('the static server', () => {
  it('serves a folder by its index.html, after a redirect to its name with a slash', async () => {
    expect(await get(server.port, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get(server.port, '/hu/search')).toMatchObject({ status: 301, location: '/hu/search/' });
    expect(await get(server.port, '/hu/search?q=sz%C3%B6vets%C3%A9g')).toMatchObject({
      status: 301,
      location: '/hu/search/?q=sz%C3%B6vets%C3%A9g',
    });
    const page = await get(server.port, '/hu/search/?q=x');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(Buffer.from(page.body, 'latin1').toString('utf8')).toContain('keresés');
  });

  it.each([
    ['/pagefind/pagefind.js', 'text/javascript; charset=utf-8'],
    ['/pagefind/pagefind.hu_0123456789.pf_meta', 'application/octet-stream'],
    ['/pagefind/index/hu_0123456.pf_index', 'application/octet-stream'],
    ['/pagefind/fragment/hu_0123456.pf_fragment', 'application/octet-stream'],
    ['/pagefind/wasm.hu.pagefind', 'application/octet-stream'],
    ['/pagefind/engine.wasm', 'application/wasm'],
  ])('sends %s as %s, byte for byte', async (file, type) => {
    const answer = await get(server.port, file);
    expect(answer).toMatchObject({ status: 200, type });
    expect(answer.body.length).toBeGreaterThan(0);
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/hu/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/leak.txt'])(
    'refuses %s, which leads outside the folder',
    async (file) => {
      const answer = await get(server.port, file);
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('not to be served');
    },
  );

  it('answers a missing file with 404, and with the folder’s 404.html once it has one', async () => {
    expect(await get(server.port, '/en/nothing/')).toMatchObject({ status: 404, body: 'Not found\n' });
    await writeFile(path.join(root, '404.html'), '<!doctype html><title>not here</title>\n');
    expect(await get(server.port, '/en/nothing/')).toMatchObject({
      status: 404,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>not here</title>\n',
    });
  });

  it('answers only to this machine’s names', async () => {
    expect((await get(server.port, '/', `127.0.0.1:${server.port}`)).status).toBe(200);
    expect((await get(server.port, '/', `attacker.example:${server.port}`)).status).toBe(421);
  });
});

describe('jlaga serve', () => {
  it('says in one line, exit 2, that the port is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      expect(await runCommand(main, ['serve', '--dir', root, '--port', String(port)])).toEqual({
        code: 2,
        stdout: '',
        stderr: `Port ${port} is in use: stop what runs there, or pick another with --port.\n`,
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it.each([
    [['serve', '--port', 'http'], /^Invalid port http: expected a number from 0 to 65535\.\n$/],
    [['serve', 'output/site'], /^Unexpected output\/site: jlaga serve takes only --dir and --port\.\n$/],
    [['serve', '--dir', ''], /^--dir needs a folder\.\n$/],
    [
      ['serve', '--prot', 'x'],
      /^Unknown option --prot; did you mean --port\? jlaga serve takes --dir, --port, --help\.\n$/,
    ],
  ])('jlaga %j is bad usage, said in one line', async (argv, pattern) => {
    const result = await runCommand(main, argv);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(pattern);
  });

  it('says that a folder to serve is missing, exit 2', async () => {
    const result = await runCommand(main, ['serve', '--dir', path.join(root, 'nothing')]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^No folder \S+nothing to serve\.\n$/);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('says where it serves; %s stops it, leaving no process', async (signal) => {
    const run = runMarked('dist/jlaga.mjs', ['serve', '--dir', root, '--port', '0']);
    const url = await waitFor(() => /on (http:\/\/localhost:\d+\/) \(Ctrl-C to stop\)/.exec(run.output())?.[1], 20_000);
    expect(url, run.output()).toBeDefined();
    const port = Number(new URL(url ?? '').port);
    expect((await get(port, '/')).status).toBe(200);
    run.child.kill(signal);
    expect(await run.exited, run.output()).toEqual({ code: 0, signal: null });
    expect(run.output()).toMatch(/Stopping\.\n$/);
    expect(markedProcesses(run.marker)).toEqual([]);
    await expect(get(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
