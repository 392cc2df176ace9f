/**
 * The shape of `scripts/`: no import cycle, type-only imports included, and data that
 * flows one way, manuscript → render → output → release and dev → cli.
 *
 * A test rather than a lint rule: eslint-plugin-import-x's `no-cycle` skips type-only
 * imports, and a cycle through types is still a knot between two stages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../scripts/project.js';

/** Module → the modules it imports, by path relative to the project. */
type ImportGraph = Map<string, string[]>;

// `import … from '…'` (`import type` too), `export … from '…'`, `import '…'`, `import('…')`.
const importPatterns = [
  /^\s*import\s+(?:type\s+)?[^;'"]*?\sfrom\s*'([^']+)'/gm,
  /^\s*export\s+(?:type\s+)?(?:\*|\{)[^;'"]*?\sfrom\s*'([^']+)'/gm,
  /^\s*import\s*'([^']+)'/gm,
  /\bimport\(\s*'([^']+)'\s*\)/g,
];

/** The module specifiers `source` imports or re-exports, type-only ones included, in no order. */
function importSpecifiers(source: string): string[] {
  return importPatterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/** The import graph of the TypeScript files under `folder`, relative imports only (`.js` names the `.ts` file). */
function importGraph(folder: string): ImportGraph {
  const files = readdirSync(path.join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
    .sort();
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const targets = importSpecifiers(readFileSync(path.join(projectRoot, file), 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => path.posix.join(path.posix.dirname(file), specifier.replace(/\.js$/, '.ts')))
        .filter((target) => known.has(target));
      return [file, [...new Set(targets)].sort()];
    }),
  );
}

/**
 * The cycles of `graph`: one per strongly connected component that has one (Tarjan),
 * each as the path `a → b → … → a`.
 */
function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components.map((component) => cycleThrough(graph, new Set(component)));
}

/** A shortest way from the first (sorted) member of `component` back to itself, inside it. */
function cycleThrough(graph: ImportGraph, component: ReadonlySet<string>): string[] {
  const [start = ''] = [...component].sort();
  const previous = new Map<string, string>();
  const queue = [start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next) || previous.has(next)) continue;
      previous.set(next, node);
      if (next === start) {
        const cycle = [start];
        for (let step = node; step !== start; step = previous.get(step) ?? start) cycle.unshift(step);
        return [start, ...cycle];
      }
      queue.push(next);
    }
  }
  return [start, start];
}

/** The stages in the order data flows; a stage imports from its own rank or an earlier one. */
const stageRanks: ReadonlyMap<string, number> = new Map([
  ['manuscript', 0],
  ['render', 1],
  ['output', 2],
  ['release', 3],
  ['dev', 3],
  ['site', 3],
  ['cli', 4],
  ['bin', 5],
]);

/** Every import of `graph` that goes against the flow, as `from → to (stage → later stage)`. */
function backwardImports(graph: ImportGraph): string[] {
  const stage = (file: string) => file.split('/')[1] ?? '';
  const found: string[] = [];
  for (const [file, targets] of graph) {
    const rank = stageRanks.get(stage(file));
    for (const target of targets) {
      const targetRank = stageRanks.get(stage(target));
      if (rank !== undefined && targetRank !== undefined && targetRank > rank) {
        found.push(`${file} → ${target} (${stage(file)} must not import ${stage(target)})`);
      }
    }
  }
  return found;
}

const show = (cycles: string[][]) => cycles.map((cycle) => cycle.join(' → '));

describe('the import checker', () => {
  it('finds every kind of import, type-only and re-exports included', () => {
    const source = [
      "import path from 'node:path';",
      "import type { A } from './a.js';",
      'import {',
      '  b,',
      '  type B,',
      "} from '../b.js';",
      "export type { C } from './c.js';",
      "export * from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
      '// import nothing from here',
      "export const g = 'from';",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual([
      '../b.js',
      './a.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js',
      'node:path',
    ]);
  });

  it('finds a cycle, a type-only one too, and names its path', () => {
    const graph: ImportGraph = new Map([
      ['scripts/a.ts', ['scripts/b.ts']],
      ['scripts/b.ts', ['scripts/c.ts']],
      ['scripts/c.ts', ['scripts/a.ts']],
      ['scripts/d.ts', ['scripts/a.ts', 'scripts/d.ts']],
    ]);
    expect(show(findCycles(graph)).sort()).toEqual([
      'scripts/a.ts → scripts/b.ts → scripts/c.ts → scripts/a.ts',
      'scripts/d.ts → scripts/d.ts',
    ]);
  });

  it('finds an import against the flow', () => {
    const graph: ImportGraph = new Map([
      ['scripts/manuscript/a.ts', ['scripts/render/b.ts']],
      ['scripts/render/b.ts', ['scripts/manuscript/a.ts']],
      ['scripts/dev/c.ts', ['scripts/release/d.ts', 'scripts/translation/e.ts']],
    ]);
    expect(backwardImports(graph)).toEqual([
      'scripts/manuscript/a.ts → scripts/render/b.ts (manuscript must not import render)',
    ]);
  });
});

describe('scripts/', () => {
  const graph = importGraph('scripts');

  it('has no import cycle, type-only imports included', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(show(findCycles(graph))).toEqual([]);
  });

  it('imports only along the flow: manuscript → render → output → release and dev → cli', () => {
    expect(backwardImports(graph)).toEqual([]);
  });

  it('keeps the format writers leaves: only the registry imports them', () => {
    const writers = ['scripts/output/html.ts', 'scripts/output/pdf.ts', 'scripts/output/epub.ts'];
    const importers = [...graph]
      .filter(([, targets]) => targets.some((target) => writers.includes(target)))
      .map(([file]) => file);
    expect(importers).toEqual(['scripts/output/registry.ts']);
  });
});
