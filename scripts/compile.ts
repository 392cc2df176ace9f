/**
 * `npm run compile` (the set-up runs it after installing the packages): compile the
 * program ahead of time into `dist/jlaga.mjs`, so that `jlaga` starts as fast as Node
 * and the modules it needs, not a TypeScript loader; then make `npx jlaga` find it in
 * this clone. Run it again after changing the program's sources (the npm scripts and
 * the tests run the sources themselves).
 *
 * esbuild bundles the program and the packages it imports into a few files, one chunk
 * per command loaded on demand (`jlaga check` never loads the browser's modules), which
 * Node reads far faster than the thousand small files of the unified ecosystem.
 * puppeteer stays a package of its own (it finds its parts at run time). What is read
 * at run time (templates, fonts, Paged.js, the validators) is found from the project's
 * folder, as when the program runs from its sources.
 */
import { chmod, mkdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { sourcesDigest } from './program-build.js';
import { compiledProgram, projectRoot } from './project.js';

let compiles = 0;

/**
 * Compile the program into `dist/` and link it for `npx`. The new program is written
 * beside the old one and takes its place in two renames: a failed compile leaves the
 * old one as it was, and a `jlaga` that is running meanwhile keeps finding its files
 * (a compile of tests run side by side, or an editor's build still going).
 */
export async function compileProgram(): Promise<void> {
  const dist = path.dirname(compiledProgram);
  // Named by process and call: two compiles of one process at once do not share them.
  const run = `${process.pid}-${(compiles += 1)}`;
  const fresh = `${dist}.new-${run}`;
  const old = `${dist}.old-${run}`;
  await rm(fresh, { recursive: true, force: true });
  try {
    await compileInto(fresh);
    // Another compile may put its program in place between the two renames: then again.
    for (let attempt = 1; ; attempt++) {
      await rm(old, { recursive: true, force: true });
      await rename(dist, old).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      try {
        await rename(fresh, dist);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (attempt >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
      }
    }
  } finally {
    await rm(fresh, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
  await linkForNpx(run);
}

async function compileInto(outdir: string): Promise<void> {
  const entry = path.basename(compiledProgram, '.mjs');
  await build({
    absWorkingDir: projectRoot,
    entryPoints: { [entry]: 'scripts/bin/jlaga.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['puppeteer-core'],
    // Packages written as CommonJS call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    // The program knows which sources it was compiled from (program-build.ts).
    define: { JLAGA_PROGRAM_BUILD: JSON.stringify(await sourcesDigest()) },
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  });
  await chmod(path.join(outdir, path.basename(compiledProgram)), 0o755);
}

async function linkForNpx(run: string): Promise<void> {
  // npm links the bin entries of the packages a project installs, not the project's own:
  // link it where `npx` looks first.
  const bin = path.join(projectRoot, 'node_modules', '.bin');
  await mkdir(bin, { recursive: true });
  // A new link under a name of its own, renamed over the old: two compiles at once both succeed.
  const link = path.join(bin, 'jlaga');
  const fresh = `${link}.new-${run}`;
  await rm(fresh, { force: true });
  await symlink(path.relative(bin, compiledProgram), fresh);
  await rename(fresh, link);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await compileProgram();
}
