/**
 * The validators a release must pass: EPUBCheck on every EPUB, the Nu Html Checker on
 * every HTML page. Both are Java programs: EPUBCheck from Debian's package (or the jar
 * `EPUBCHECK_JAR` names), the Nu Html Checker from the npm package vnu-jar.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeTemporaryFolder, onStop } from '../cleanup.js';

const run = promisify(execFile);

/** util-linux's setpriv (essential on Debian): it can make the kernel end Java with this process. */
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => existsSync(candidate));

/**
 * Run `java` with `args`, as a child that ends with this process: killed on a stop
 * signal (cleanup.ts), and, where setpriv exists, killed by the kernel when this
 * process dies, even by SIGKILL (a JVM reads no standard input that could tell it).
 *
 * @returns its standard output and error; rejects as execFile does (a non-zero exit
 *   included, with `stdout` and `stderr` on the error).
 */
async function runJava(args: readonly string[], maxBuffer: number): Promise<{ stdout: string; stderr: string }> {
  const controller = new AbortController();
  const unregister = onStop(() => controller.abort());
  const [command, ...prefix] = setpriv ? [setpriv, '--pdeathsig', 'KILL', '--', 'java'] : ['java'];
  try {
    return await run(command ?? 'java', [...prefix, ...args], {
      maxBuffer,
      signal: controller.signal,
      killSignal: 'SIGKILL',
    });
  } finally {
    unregister();
  }
}

/** Where EPUBCheck is: `EPUBCHECK_JAR`, or Debian's package. */
export const epubcheckJar = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

const vnuJar = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');

/** One problem a validator reported. */
export interface ValidationProblem {
  validator: 'EPUBCheck' | 'Nu Html Checker';
  file: string;
  message: string;
}

/** EPUBCheck on one EPUB: every fatal error, error and warning. */
export async function checkEpub(file: string): Promise<ValidationProblem[]> {
  if (!existsSync(epubcheckJar)) {
    return [
      {
        validator: 'EPUBCheck',
        file,
        message: `EPUBCheck not found at ${epubcheckJar}: run npm run setup or set EPUBCHECK_JAR`,
      },
    ];
  }
  const folder = await makeTemporaryFolder('epubcheck');
  try {
    const json = path.join(folder.path, 'report.json');
    // EPUBCheck exits 1 when it reports a problem; the JSON says which.
    await runJava(['-jar', epubcheckJar, file, '--json', json], 1 << 24).catch(() => undefined);
    if (!existsSync(json)) return [{ validator: 'EPUBCheck', file, message: 'EPUBCheck did not run' }];
    const report = JSON.parse(await readFile(json, 'utf8')) as {
      messages: Array<{
        ID: string;
        severity: string;
        message: string;
        locations: Array<{ path: string; line: number }>;
      }>;
    };
    return report.messages
      .filter((message) => ['FATAL', 'ERROR', 'WARNING'].includes(message.severity))
      .map((message) => ({
        validator: 'EPUBCheck',
        file,
        message: `${message.severity} ${message.ID} ${message.locations.map((place) => `${place.path}:${place.line}`).join(', ')}: ${message.message}`,
      }));
  } finally {
    await folder.remove();
  }
}

/** The Nu Html Checker on HTML pages: every error and warning. */
export async function checkHtml(files: readonly string[]): Promise<ValidationProblem[]> {
  if (files.length === 0) return [];
  // vnu exits 1 when it reports anything; the JSON on standard error says what.
  const { stderr } = await runJava(['-jar', vnuJar, '--format', 'json', ...files], 1 << 26).catch(
    (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }),
  );
  let messages: Array<{ type: string; subType?: string; url: string; lastLine?: number; message: string }>;
  try {
    messages = (JSON.parse(stderr) as { messages: typeof messages }).messages;
  } catch {
    return [
      {
        validator: 'Nu Html Checker',
        file: files[0] ?? '',
        message: `the checker did not run: ${stderr.slice(0, 200)}`,
      },
    ];
  }
  return messages
    .filter((message) => message.type === 'error' || message.subType === 'warning')
    .map((message) => ({
      validator: 'Nu Html Checker',
      file: decodeURIComponent(new URL(message.url).pathname),
      message: `${message.type === 'error' ? 'error' : 'warning'} line ${message.lastLine ?? 0}: ${message.message}`,
    }));
}
