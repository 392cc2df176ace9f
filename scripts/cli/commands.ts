/**
 * The subcommands of `jlaga`, in the order `jlaga help` lists them: each with the line
 * that says what it does and a loader, so that a command loads only its own modules
 * (`jlaga check` never loads the browser's).
 */
import type { Command } from './io.js';

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ main: Command }>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'check', summary: 'validate issues and summarise them', load: () => import('./check.js') },
  { name: 'build', summary: 'build the HTML, PDF and EPUB editions', load: () => import('./build.js') },
  { name: 'dev', summary: 'preview an issue, rebuilt on every change', load: () => import('./dev.js') },
  {
    name: 'serve',
    summary: 'preview the series’ site (its search too) on localhost',
    load: () => import('./serve.js'),
  },
  {
    name: 'release',
    summary: 'release an issue: named, checksummed, validated files',
    load: () => import('./release.js'),
  },
  {
    name: 'site',
    summary: 'build the series’ website: every issue, both languages, feeds and metadata',
    load: () => import('./site.js'),
  },
  { name: 'align', summary: 'where translations stand; confirm them', load: () => import('./align.js') },
  {
    name: 'glossary',
    summary: 'the series glossary: where each term is used and departed from',
    load: () => import('./glossary.js'),
  },
  { name: 'tm', summary: 'the translation memory: export to TMX, import a TMX', load: () => import('./tm.js') },
  { name: 'diff', summary: 'what changed between two versions of an issue', load: () => import('./diff.js') },
  { name: 'xliff', summary: 'exchange translations with CAT tools (XLIFF 2.0)', load: () => import('./xliff.js') },
  {
    name: 'import',
    summary: 'make an issue from Word files: the author’s, then its translation',
    load: () => import('./import.js'),
  },
  { name: 'bench', summary: 'measure the stages against their targets', load: () => import('./bench.js') },
];

/** The command called `name`, if there is one. */
export function findCommand(name: string): CommandEntry | undefined {
  return commands.find((command) => command.name === name);
}
