/**
 * The translation memory: the series' confirmed pairs out as TMX (read back in full by
 * the Translate Toolkit), a CAT tool's TMX in (refused with line:column when it is
 * not one, nothing written), and fuzzy suggestions for what is missing or stale.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { main as align } from '../../scripts/cli/align.js';
import { importMemory, main as tm } from '../../scripts/cli/tm.js';
import { main as xliff } from '../../scripts/cli/xliff.js';
import { Memory } from '../../scripts/memory/fuzzy.js';
import type { MemoryPair } from '../../scripts/memory/pairs.js';
import { seriesMemory } from '../../scripts/memory/series-memory.js';
import { readTmx } from '../../scripts/memory/tmx-read.js';
import { tmxDocument } from '../../scripts/memory/tmx-write.js';
import { projectRoot } from '../../scripts/project.js';
import { hashTree, runCommand, tempFolder } from '../helpers.js';

const run = promisify(execFile);

const pair = (source: string, target: string, origin = 'memory.tmx'): MemoryPair => ({
  origin,
  segment: undefined,
  source: { lang: 'en', text: source },
  target: { lang: 'hu', text: target },
});

describe('the translation memory', () => {
  it('exports every confirmed pair of the series as TMX that the Translate Toolkit reads in full', async () => {
    const folder = await tempFolder();
    const out = path.join(folder, 'series.tmx');
    const { code, stderr } = await runCommand(tm, ['export', '--out', out]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: `63 pairs → ${out}\n` });
    const memory = await seriesMemory({ imported: false });
    expect(memory.own).toHaveLength(63);
    // The Translate Toolkit's own TMX reader (Debian's translate-toolkit).
    const script = [
      'import json, sys',
      'from translate.storage import tmx',
      'store = tmx.tmxfile.parsefile(sys.argv[1])',
      'print(json.dumps([[u.getid(), u.source, u.target] for u in store.units]))',
    ].join('\n');
    // Debian's Python, whose packages the toolkit is one of.
    const { stdout } = await run('/usr/bin/python3', ['-c', script, out]);
    const units = JSON.parse(stdout) as Array<[string, string, string]>;
    expect(units).toHaveLength(63);
    expect(units.map(([, source, target]) => [source, target])).toEqual(
      memory.own.map((entry) => [entry.source.text, entry.target.text]),
    );
    expect(units[0]?.[0]).toBe('2026-3#exec-summary');
    // Each pair dated by the oldest commit that has it confirmed, as TMX writes dates.
    const tmx = await readFile(out, 'utf8');
    expect(tmx.match(/<tu [^>]*creationdate="\d{8}T\d{6}Z"/g)).toHaveLength(63);
  });

  it('adds with --history the pairs confirmed in earlier versions of the manuscripts', async () => {
    const folder = await tempFolder();
    const out = path.join(folder, 'history.tmx');
    const { code, stderr } = await runCommand(tm, ['export', '--history', '--out', out]);
    expect(code).toBe(0);
    const count = Number(/^(\d+) pairs/.exec(stderr)?.[1]);
    expect(count).toBeGreaterThanOrEqual(63);
    const file = new VFile({ path: out });
    const pairs = await readTmx(file, [await readFile(out)], 'history.tmx');
    expect(pairs).toHaveLength(count);
    // No pair twice.
    expect(new Set(pairs?.map((entry) => `${entry.source.text}\u0000${entry.target.text}`)).size).toBe(count);
  });

  it('reads back what it writes, pair for pair', async () => {
    const pairs = [
      pair('The alliance is stable.', 'A szövetség stabil.'),
      pair('Trade & <power>', 'Kereskedelem & <hatalom>'),
    ];
    const file = new VFile({ path: 'memory.tmx' });
    const read = await readTmx(file, [Buffer.from(tmxDocument(pairs, 'en'))], 'memory.tmx');
    expect(file.messages).toEqual([]);
    expect(read).toEqual(pairs);
  });

  it('refuses a file that is not TMX with its line and column, and writes nothing', async () => {
    const folder = await tempFolder();
    const series = path.join(folder, 'manuscript');
    await mkdir(series);
    const cases: Array<[string, string, RegExp]> = [
      ['broken.tmx', '<tmx version="1.4"><header srclang="en"/>\n<body><tu></body></tmx>', /2:11 +error .*tmx-not-tmx/],
      ['xliff.tmx', '<xliff version="2.0"/>', /1:1 +error +Unexpected root `<xliff>`/],
      [
        'no-language.tmx',
        '<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en"><seg>A</seg></tuv><tuv><seg>B</seg></tuv></tu></body></tmx>',
        /2:42 +error +Missing `xml:lang`/,
      ],
      [
        'entities.tmx',
        '<!DOCTYPE tmx [<!ENTITY a "b">]><tmx version="1.4"/>',
        /1:1 +error .*document type declaration with declarations of its own/,
      ],
    ];
    for (const [name, text, message] of cases) {
      const file = path.join(folder, name);
      await writeFile(file, text);
      const run = { stdout: '', stderr: '' };
      const io = {
        stdout: { write: (chunk: string) => (run.stdout += chunk) },
        stderr: { write: (chunk: string) => (run.stderr += chunk) },
        noColor: false,
      };
      expect(await importMemory(file, io, series), name).toBe(1);
      expect(run.stderr, name).toMatch(message);
      expect(run.stderr, name).toMatch(/not imported; nothing was written\.\n$/);
    }
    expect(await readdir(series)).toEqual([]);
  });

  it('imports a CAT tool’s TMX (with its DOCTYPE) beside the series, and suggests from it', async () => {
    const folder = await tempFolder();
    await cp(path.join(projectRoot, 'manuscript'), path.join(folder, 'manuscript'), { recursive: true });
    const file = path.join(folder, 'omegat.tmx');
    await writeFile(
      file,
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"><header creationtool="OmegaT" srclang="EN-US" adminlang="EN-US" datatype="plaintext" segtype="sentence" o-tmf="OmegaT TMX" creationtoolversion="6"/><body>' +
        '<tu><tuv xml:lang="EN-US"><seg>The alliance is stable.</seg></tuv><tuv xml:lang="HU"><seg>A szövetség <bpt i="1">&lt;b&gt;</bpt>stabil<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>' +
        '</body></tmx>\n',
    );
    const before = await hashTree(path.join(folder, 'manuscript'));
    const run = { stdout: '', stderr: '' };
    const io = {
      stdout: { write: (chunk: string) => (run.stdout += chunk) },
      stderr: { write: (chunk: string) => (run.stderr += chunk) },
      noColor: false,
    };
    expect(await importMemory(file, io, path.join(folder, 'manuscript')), run.stderr).toBe(0);
    expect(run.stdout).toBe(`1 pair of ${file} → ${path.join(folder, 'manuscript', 'memory', 'omegat.tmx')}\n`);
    const after = await hashTree(path.join(folder, 'manuscript'));
    expect(Object.keys(after).filter((name) => !(name in before))).toEqual(['memory/omegat.tmx']);
    expect(await readFile(path.join(folder, 'manuscript', 'memory', 'omegat.tmx'), 'utf8')).toBe(
      await readFile(file, 'utf8'),
    );
    const memory = await seriesMemory({ root: folder });
    expect(memory.pairs.find((entry) => entry.origin === 'omegat.tmx')).toEqual({
      origin: 'omegat.tmx',
      segment: undefined,
      source: { lang: 'EN-US', text: 'The alliance is stable.' },
      target: { lang: 'hu', text: 'A szövetség stabil.' },
    });
  });

  it('finds an edited sentence with a plausible score, numbers as placeables, and nothing unrelated', () => {
    const memory = new Memory([
      pair(
        'South Korea is increasingly seen as a model ally of the United States.',
        'Dél-Koreát egyre inkább az Egyesült Államok mintaszövetségesének tekintik.',
      ),
      pair(
        'In 2025 the package included about $350 billion in investments.',
        'A csomag 2025-ben mintegy 350 milliárd dollárnyi beruházást tartalmazott.',
      ),
      pair('The weather was fine.', 'Szép idő volt.'),
    ]);
    const edited = memory.match(
      'South Korea is now increasingly seen as a model ally of the United States.',
      'en',
      'hu',
    );
    expect(edited).toHaveLength(1);
    expect(edited[0]?.score).toBeGreaterThan(0.9);
    expect(edited[0]?.score).toBeLessThan(1);
    const numbers = memory.match('In 2026 the package included about $420 billion in investments.', 'en', 'hu');
    expect(numbers[0]?.score).toBe(1);
    expect(memory.match('An entirely different statement about trade policy.', 'en', 'hu')).toEqual([]);
  });

  it('suggests the memory’s translation for a stale segment in align status --suggest', async () => {
    const folder = await tempFolder();
    await cp(path.join(projectRoot, 'manuscript', 'series.yaml'), path.join(folder, 'series.yaml'));
    await cp(path.join(projectRoot, 'manuscript', '2026-3'), path.join(folder, '2027-1'), { recursive: true });
    const manuscript = path.join(folder, '2027-1', 'index.md');
    const text = await readFile(manuscript, 'utf8');
    const opening = text.indexOf(':::en{#s3-p1}\n') + ':::en{#s3-p1}\n'.length;
    await writeFile(manuscript, `${text.slice(0, opening)}Then ${text.slice(opening)}`);
    const { stdout } = await runCommand(align, ['status', path.join(folder, '2027-1'), '--suggest']);
    expect(stdout).toMatch(
      /suggestions from the memory \(\d+ pairs; matches of 70% and over\):\n {2}hu #s3-p1 \(stale\):\n +9\d% {2}2026-3 #s3-p1: A társadalmi legitimitás/,
    );
    const json = await runCommand(align, ['status', path.join(folder, '2027-1'), '--suggest', '--json']);
    const status = JSON.parse(json.stdout) as {
      suggestions: Array<{ segment: string; matches: Array<{ origin: string }> }>;
    };
    expect(status.suggestions.map((entry) => [entry.segment, entry.matches[0]?.origin])).toEqual([['s3-p1', '2026-3']]);
  });

  it('carries the candidates into a schema-valid XLIFF export, which imports back unchanged', async () => {
    const folder = await tempFolder();
    await cp(path.join(projectRoot, 'manuscript', 'series.yaml'), path.join(folder, 'series.yaml'));
    await cp(path.join(projectRoot, 'manuscript', '2026-3'), path.join(folder, '2027-1'), { recursive: true });
    const manuscript = path.join(folder, '2027-1', 'index.md');
    const text = await readFile(manuscript, 'utf8');
    const opening = text.indexOf(':::en{#s3-p1}\n') + ':::en{#s3-p1}\n'.length;
    await writeFile(manuscript, `${text.slice(0, opening)}Then ${text.slice(opening)}`);
    const out = path.join(folder, 'hu.xlf');
    const exported = await runCommand(xliff, [
      'export',
      path.join(folder, '2027-1'),
      '--only',
      'stale',
      '--suggest',
      '--out',
      out,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const xml = await readFile(out, 'utf8');
    expect(xml).toMatch(
      /<unit id="s3-p1"[^>]*>\s*<mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2\.0">\s*<mtc:match id="m1" ref="#s1" similarity="99\.\d" origin="2026-3#s3-p1" type="tm">\s*<source>Social legitimacy/,
    );
    expect(xml).toMatch(/<segment id="s1" state="translated">/);
    // The OASIS schemas of XLIFF 2.0 with its modules, beside the repository.
    await run('xmllint', [
      '--noout',
      '--nonet',
      '--schema',
      path.join(projectRoot, '..', 'shared', 'schemas', 'xliff-2', 'all.xsd'),
      out,
    ]);
    const before = await readFile(manuscript);
    const imported = await runCommand(xliff, ['import', path.join(folder, '2027-1'), out]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(await readFile(manuscript)).toEqual(before);
  });
});
