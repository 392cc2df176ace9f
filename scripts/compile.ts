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
import { chmod, mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compiledProgram, projectRoot } from './project.js';

/** Compile the program into `dist/` (replacing what was there) and link it for `npx`. */
export async function compileProgram(): Promise<void> {
  const outdir = path.dirname(compiledProgram);

  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: projectRoot,
    entryPoints: { [path.basename(compiledProgram, '.mjs')]: 'scripts/bin/jlaga.ts' },
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
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  });
  await chmod(compiledProgram, 0o755);

  // npm links the bin entries of the packages a project installs, not the project's own:
  // link it where `npx` looks first.
  const bin = path.join(projectRoot, 'node_modules', '.bin');
  await mkdir(bin, { recursive: true });
  const link = path.join(bin, 'jlaga');
  await rm(link, { force: true });
  await symlink(path.relative(bin, compiledProgram), link);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await compileProgram();
}
