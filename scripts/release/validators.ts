/**
 * The validators a release must pass: EPUBCheck on every EPUB, the Nu Html Checker on
 * every HTML page. Both are Java programs: EPUBCheck from Debian's package (or the jar
 * `EPUBCHECK_JAR` names), the Nu Html Checker from the npm package vnu-jar. Their
 * findings are vfile messages like every other problem (rules in `rules.ts`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { VFile } from 'vfile';
import { makeTemporaryFolder, onStop } from '../cleanup.js';
import { report } from '../messages/report.js';
import { familyMember } from '../messages/rules.js';
import { releaseRules, validatorRuleTable } from './rules.js';

const run = promisify(execFile);

/** util-linux's setpriv (essential on Debian): it can make the kernel end Java with this process. */
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => existsSync(candidate));

/**
 * JVM options for a run of seconds: the quick compiler alone (the optimising one costs
 * more than it saves before the run ends) and the simple collector. For EPUBCheck on
 * an issue's EPUB this takes the CPU time from about 12 s to 5 s, and the wall time
 * from 6.6 s to 3.9 s, with the same findings. The quick compiler's frames are larger:
 * the schema validators recurse deeply and overflow the default 1 MiB thread stack
 * (the Nu Html Checker does on the sample issue), so threads get 16 MiB (reserved, not
 * used, until a document needs it).
 */
const shortRun = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss16m'];

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
    return await run(command ?? 'java', [...prefix, ...shortRun, ...args], {
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

/** Where the files a validator checks are named from: their paths relative to `root` (default: as given). */
export interface ValidatorOptions {
  root?: string;
}

/**
 * EPUBCheck on one EPUB: every fatal error, error and warning, as messages
 * `epubcheck:<its id>` on a file named by the EPUB and the entry EPUBCheck gave
 * (`jlaga-2026-3-en.epub/EPUB/text.xhtml`), at its line and column.
 *
 * @returns the files with findings; none when the EPUB passes.
 */
export async function checkEpub(file: string, options: ValidatorOptions = {}): Promise<VFile[]> {
  const files = new FileSet(options.root);
  if (!existsSync(epubcheckJar)) {
    const reason = `EPUBCheck not found at ${epubcheckJar}: run npm run setup or set EPUBCHECK_JAR`;
    report(files.get(file), releaseRules['validator-unavailable'], reason, undefined);
    return files.all();
  }
  const folder = await makeTemporaryFolder('epubcheck');
  try {
    const json = path.join(folder.path, 'report.json');
    // EPUBCheck exits 1 when it reports a problem; the JSON says which.
    await runJava(['-jar', epubcheckJar, file, '--json', json], 1 << 24).catch(() => undefined);
    if (!existsSync(json)) {
      report(files.get(file), releaseRules['validator-unavailable'], 'EPUBCheck did not run', undefined);
      return files.all();
    }
    const result = JSON.parse(await readFile(json, 'utf8')) as {
      messages: Array<{
        ID: string;
        severity: string;
        message: string;
        locations: Array<{ path: string; line: number; column?: number }>;
      }>;
    };
    const family = validatorRuleTable.epubcheck.rules.epubcheck;
    for (const message of result.messages) {
      if (!['FATAL', 'ERROR', 'WARNING'].includes(message.severity)) continue;
      const rule = familyMember(family, message.ID, message.severity === 'WARNING' ? 'warning' : 'error');
      const [first, ...others] = message.locations;
      // EPUBCheck says -1 for a line or column it does not know.
      const place = first && first.line > 0 ? { line: first.line, column: Math.max(first.column ?? 1, 1) } : undefined;
      const also = others.map((other) => `${other.path}${other.line > 0 ? `:${other.line}` : ''}`);
      const reason = also.length > 0 ? `${message.message} (also at ${also.join(', ')})` : message.message;
      report(files.get(first ? `${file}/${first.path}` : file), rule, reason, place);
    }
    return files.all();
  } finally {
    await folder.remove();
  }
}

/**
 * The Nu Html Checker on HTML pages: every error and warning, as messages `nu:error` or
 * `nu:warning` on the page, at the range the checker gave.
 *
 * @returns the files with findings; none when every page passes.
 */
export async function checkHtml(pages: readonly string[], options: ValidatorOptions = {}): Promise<VFile[]> {
  if (pages.length === 0) return [];
  const files = new FileSet(options.root);
  // vnu exits 1 when it reports anything; the JSON on standard error says what.
  const { stderr } = await runJava(['-jar', vnuJar, '--format', 'json', ...pages], 1 << 26).catch(
    (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }),
  );
  let messages: Array<{
    type: string;
    subType?: string;
    url: string;
    firstLine?: number;
    lastLine?: number;
    firstColumn?: number;
    lastColumn?: number;
    message: string;
  }>;
  try {
    messages = (JSON.parse(stderr) as { messages: typeof messages }).messages;
  } catch {
    const reason = `the Nu Html Checker did not run: ${stderr.slice(0, 200)}`;
    report(files.get(pages[0] ?? ''), releaseRules['validator-unavailable'], reason, undefined);
    return files.all();
  }
  const family = validatorRuleTable.nu.rules.nu;
  for (const message of messages) {
    const kind = message.type === 'error' ? 'error' : message.subType === 'warning' ? 'warning' : undefined;
    if (!kind) continue;
    const end = message.lastLine ? { line: message.lastLine, column: message.lastColumn ?? 1 } : undefined;
    const start = end && { line: message.firstLine ?? end.line, column: message.firstColumn ?? end.column };
    const place = start && end ? { start, end } : undefined;
    report(
      files.get(decodeURIComponent(new URL(message.url).pathname)),
      familyMember(family, kind, kind),
      message.message,
      place,
    );
  }
  return files.all();
}

/** One VFile per file a validator speaks of, in the order first spoken of. */
class FileSet {
  readonly #files = new Map<string, VFile>();
  constructor(readonly root: string | undefined) {}

  get(file: string): VFile {
    const name = this.root === undefined ? file : path.relative(this.root, file);
    let vfile = this.#files.get(name);
    if (!vfile) {
      vfile = new VFile({ path: name });
      this.#files.set(name, vfile);
    }
    return vfile;
  }

  all(): VFile[] {
    return [...this.#files.values()];
  }
}
