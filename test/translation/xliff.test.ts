/// <reference lib="dom" />
/** `xliff export` and `xliff import`: XLIFF 2.0 for CAT tools, and back into the manuscript byte for byte. */
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { main as xliffMain } from '../../scripts/cli/xliff.js';
import { readIssue } from '../../scripts/manuscript/read-issue.js';
import type { ValidatedIssue } from '../../scripts/manuscript/read-issue.js';
import { projectRoot } from '../../scripts/project.js';
import { exportXliff } from '../../scripts/translation/xliff-export.js';
import type { ExportOptions } from '../../scripts/translation/xliff-export.js';
import { importXliff, maxXliffBytes } from '../../scripts/translation/xliff-import.js';
import type { ImportResult } from '../../scripts/translation/xliff-import.js';
import { markdownRuns, readBlock, sameContent, toMarkdown } from '../../scripts/translation/xliff-inline.js';
import { copyFixtureManuscript, fixtures, locate, messageLines, read, runCommand, tempFolder } from '../helpers.js';
import type { CommandRun } from '../helpers.js';
import type { JsonFile } from '../../scripts/messages/report.js';

const run = promisify(execFile);
const subsetSchema = path.join(fixtures, 'xliff', 'xliff-core-subset.xsd');
/**
 * The OASIS XLIFF 2.0 schemas, kept beside the repository rather than in it: the core
 * schema, and `all.xsd`, which takes the core and the modules a CAT tool may meet.
 */
const oasisSchemas = path.join(projectRoot, '..', 'shared', 'schemas', 'xliff-2');
const oasisCore = path.join(oasisSchemas, 'xliff_core_2.0.xsd');
const oasisAll = path.join(oasisSchemas, 'all.xsd');
const xliffNs = 'urn:oasis:names:tc:xliff:document:2.0';
const jlagaNs = 'urn:jlaga-pipeline:xliff';

/** Make `root` a git repository with everything in it committed once. */
async function gitRepository(root: string): Promise<void> {
  for (const args of [
    ['init', '-q'],
    ['config', 'user.name', 'Test'],
    ['config', 'user.email', 'test@example.org'],
    ['config', 'commit.gpgsign', 'false'],
    ['add', '.'],
    ['commit', '-qm', 'first'],
  ]) {
    await run('git', args, { cwd: root });
  }
}

async function validIssue(folder: string): Promise<ValidatedIssue> {
  const result = await read(folder);
  if (!result.issue) throw new Error(`${folder} has errors`);
  return result.issue;
}

async function exportOf(folder: string, options: Partial<ExportOptions> = {}): Promise<string> {
  return exportXliff(await validIssue(folder), { lang: 'hu', ...options }).xml;
}

/** Import `xml` (written to a file beside the issue) into the issue in `folder`. */
async function importOf(folder: string, xml: string): Promise<ImportResult> {
  const file = path.join(path.dirname(folder), 'translated.xlf');
  await writeFile(file, xml);
  return importXliff(locate(folder), file);
}

/** The sample issue and its series file, copied into a temporary folder. */
async function sampleCopy(): Promise<string> {
  const root = await tempFolder('jlaga-test-');
  await cp(path.join(projectRoot, 'manuscript', '2026-3'), path.join(root, '2026-3'), { recursive: true });
  await cp(path.join(projectRoot, 'manuscript', 'series.yaml'), path.join(root, 'series.yaml'));
  return path.join(root, '2026-3');
}

/**
 * The fixture with a translation in every state: `s1-heading` missing, `lead`
 * unconfirmed, `s1-p1` stale (its source changed), the others confirmed.
 */
async function variedCopy(
  options: { crlf?: boolean } = {},
): Promise<{ issue: string; file: string; original: string }> {
  const { issue } = await copyFixtureManuscript();
  const file = path.join(issue, 'index.md');
  let text = replaceOnce(await readFile(file, 'utf8'), '\n:::hu{#s1-heading src=e569d07d}\n## 1. Bevezetés\n:::\n', '');
  text = replaceOnce(text, ':::hu{#lead .lead src=5b2b1200}', ':::hu{#lead .lead}');
  text = replaceOnce(text, 'The first paragraph cites', 'The first paragraph quotes');
  if (options.crlf) text = '\uFEFF' + text.replace(/\n/g, '\r\n');
  await writeFile(file, text);
  return { issue, file, original: text };
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected one ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Line and column (1-based) of the `nth` occurrence of `needle` in `text`. */
function pointOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let count = 0; count < nth; count++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`no ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

function parse(xml: string): Document {
  return create({ skipWhitespaceOnlyText: false }, xml).node as unknown as Document;
}

function unitsOf(xml: string): Map<string, Element> {
  const units = Array.from(parse(xml).getElementsByTagNameNS(xliffNs, 'unit'));
  return new Map(units.map((unit) => [unit.getAttribute('id') ?? '', unit]));
}

function first(element: Element, name: string): Element | undefined {
  return Array.from(element.getElementsByTagNameNS(xliffNs, name))[0];
}

/**
 * A `<source>` or `<target>` in a compact notation with each code's Markdown:
 * `<1:## >` for a ph, `<3:*>tests</3:*>` for a pc, ⏎ for a line break.
 */
function compact(unit: Element, which: 'source' | 'target'): string | undefined {
  const data = new Map(
    Array.from(unit.getElementsByTagNameNS(xliffNs, 'data')).map((entry) => [
      entry.getAttribute('id') ?? '',
      (entry.textContent ?? '').replace(/\n/g, '⏎'),
    ]),
  );
  const walk = (element: Element): string =>
    Array.from(element.childNodes)
      .map((node) => {
        if (node.nodeType === 3) return node.nodeValue ?? '';
        const code = node as Element;
        const id = code.getAttribute('id') ?? '';
        if (code.localName === 'ph') return `<${id}:${data.get(code.getAttribute('dataRef') ?? '') ?? '?'}>`;
        const start = data.get(code.getAttribute('dataRefStart') ?? '') ?? '?';
        const end = data.get(code.getAttribute('dataRefEnd') ?? '') ?? '?';
        return `<${id}:${start}>${walk(code)}</${id}:${end}>`;
      })
      .join('');
  const element = first(unit, which);
  return element ? walk(element) : undefined;
}

async function xmllint(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('xmllint', args);
    return { code: 0, stderr };
  } catch (error) {
    const { code, stderr } = error as { code: number | string; stderr: string };
    if (code === 'ENOENT') throw new Error("xmllint is missing: install Debian's libxml2-utils", { cause: error });
    return { code: Number(code), stderr };
  }
}

const cli = (...args: string[]): Promise<CommandRun> => runCommand(xliffMain, args);

/** The `<target>…</target>` of unit `id` as exported. */
function targetOf(xml: string, id: string): string {
  const found = new RegExp(`<unit id="${id}"[^>]*>[\\s\\S]*?(<target>[\\s\\S]*?</target>)`).exec(xml)?.[1];
  if (found === undefined) throw new Error(`no target in ${id}`);
  return found;
}

describe('xliff export', () => {
  it('writes one XLIFF 2.0 file for one target language, one unit per segment, in manuscript order', async () => {
    const issue = await validIssue(path.join(fixtures, 'manuscript', '2099-1'));
    const xml = exportXliff(issue, { lang: 'hu' }).xml;
    expect(exportXliff(issue, { lang: 'hu' }).xml).toBe(xml);
    const document = parse(xml);
    const root = document.documentElement;
    expect([root.namespaceURI, root.localName]).toEqual([xliffNs, 'xliff']);
    expect(['version', 'srcLang', 'trgLang'].map((name) => root.getAttribute(name))).toEqual(['2.0', 'en', 'hu']);
    const files = Array.from(root.getElementsByTagNameNS(xliffNs, 'file'));
    expect(files).toHaveLength(1);
    const file = files[0];
    expect([file?.getAttribute('id'), file?.getAttribute('original'), file?.getAttribute('canResegment')]).toEqual([
      '2099-1',
      '2099-1/index.md',
      'no',
    ]);
    expect(file?.getAttributeNS(jlagaNs, 'issue')).toBe('2099/1');

    const units = unitsOf(xml);
    expect([...units.keys()]).toEqual(issue.segments.map((segment) => segment.id));
    expect([...units.keys()]).toContain('fn-second');
    for (const [id, unit] of units) {
      const segment = issue.segments.find((candidate) => candidate.id === id);
      expect(first(unit, 'segment')?.getAttribute('state')).toBe('final');
      expect(unit.getAttributeNS(jlagaNs, 'state')).toBe('confirmed');
      expect(unit.getAttributeNS(jlagaNs, 'src')).toBe(segment?.blocks.hu?.src);
      expect(unit.getAttributeNS(jlagaNs, 'source-hash')).toBe(segment?.sourceHash);
      expect(unit.getElementsByTagNameNS(xliffNs, 'notes')).toHaveLength(0);
    }
    expect(units.get('exec-summary')?.getAttributeNS(jlagaNs, 'classes')).toBe('summary');
    expect(units.get('lead')?.getAttributeNS(jlagaNs, 'classes')).toBe('lead');
    expect(units.get('s1-p1')?.hasAttributeNS(jlagaNs, 'classes')).toBe(false);
  });

  it('writes Markdown markup as inline codes with the Markdown in originalData', async () => {
    const xml = await exportOf(path.join(fixtures, 'manuscript', '2099-1'));
    // One unit in full: the attributes of the codes.
    expect(xml).toContain(
      [
        '    <unit id="lead" jlaga:state="confirmed" jlaga:classes="lead" jlaga:src="5b2b1200" jlaga:source-hash="5b2b1200">',
        '      <originalData>',
        '        <data id="d1">[^budget]</data>',
        '      </originalData>',
        '      <segment state="final">',
        '        <source>In 1999, 3.5% of the alliance’s budget went to testing; by 2099 it was 25%.<ph id="1" dataRef="d1" type="other" subType="jlaga:footnote" canCopy="no" canDelete="no"/></source>',
        '        <target>1999-ben a szövetség költségvetésének 3,5%-át fordították tesztelésre, 2099-re már 25%-át.<ph id="1" dataRef="d1" type="other" subType="jlaga:footnote" canCopy="no" canDelete="no"/></target>',
        '      </segment>',
        '    </unit>',
      ].join('\n'),
    );
    expect(xml).toContain(
      '<pc id="3" dataRefStart="d3" dataRefEnd="d3" type="fmt" subType="xlf:i" canCopy="no" canDelete="no">tests</pc>',
    );

    const units = unitsOf(xml);
    const both = (id: string) => {
      const unit = units.get(id);
      if (!unit) throw new Error(`no unit ${id}`);
      return [compact(unit, 'source'), compact(unit, 'target')];
    };
    // Block structure: heading, list items; emphasis, strong, footnote reference.
    expect(both('exec-summary')).toEqual([
      '<1:## >Executive Summary<2:⏎⏎- >Alliances change; <3:*>tests</3:*> keep them honest.<4:⏎- >A <5:**>second</5:**> point, with a footnote.<6:[^second]>',
      '<1:## >Vezetői összefoglaló<2:⏎⏎- >A szövetségek változnak; a <3:*>tesztek</3:*> becsületesen tartják őket.<4:⏎- >Egy <5:**>második</5:**> pont, lábjegyzettel.<6:[^second]>',
    ]);
    // A footnote definition and a link.
    expect(both('fn-budget')).toEqual([
      '<1:[^budget]: >The figures are illustrative; see the <2:[>Test Institute</2:](https://example.org/institute)>.',
      '<1:[^budget]: >Az adatok szemléltető jellegűek; lásd a <2:[>Teszt Intézet</2:](https://example.org/institute)> oldalát.',
    ]);
    // Two footnote references side by side.
    expect(both('s1-p1')[0]).toBe(
      'The first paragraph cites two sources,<1:[^budget]><2:[^first]> and the budget note again.',
    );
    expect(both('s1-quote')[1]).toBe('<1:> >„Egy kiemelt idézet” – mondta a szerkesztő.');
    // An image: its alt text is text to translate.
    expect(both('s2-1-figure')).toEqual([
      '<1:![>A line rising from left to right</1:](assets/chart.svg)>',
      '<1:![>Balról jobbra emelkedő vonal</1:](assets/chart.svg)>',
    ]);
    // A table: the cells are text; the pipes, as padded in each language, are codes.
    expect(both('s2-1-table')).toEqual([
      '<1:| >Country<2:                     | >Support (% of GDP)<3: | >Jobs promised<4: | >Permitting (months)<5: | >Investment (USD billion)<6: |⏎| --------------------------- | -----------------: | ------------: | ------------------: | -----------------------: |⏎| >Republic of Korea<7:           |                >2.8<8: |        >12,400<9: |                  >18<10: |                    >350.0<11: |⏎| >Japan<12:                       |                >1.9<13: |         >8,150<14: |                  >24<15: |                    >550.0<16: |⏎| >Federal Republic of Germany<17: |                >0.7<18: |         >3,020<19: |                  >30<20: |                     >12.5<21: |>',
      '<1:| >Ország<2:                              | >Támogatás (a GDP %-a)<3: | >Ígért munkahely<4: | >Engedélyezés (hónap)<5: | >Beruházás (milliárd USD)<6: |⏎| ----------------------------------- | --------------------: | --------------: | -------------------: | -----------------------: |⏎| >Koreai Köztársaság<7:                  |                   >2,8<8: |          >12 400<9: |                   >18<10: |                    >350,0<11: |⏎| >Japán<12:                               |                   >1,9<13: |           >8 150<14: |                   >24<15: |                    >550,0<16: |⏎| >Németországi Szövetségi Köztársaság<17: |                   >0,7<18: |           >3 020<19: |                   >30<20: |                     >12,5<21: |>',
    ]);
    // An ordered list and inline code, whose code differs in the translation.
    expect(both('s2-2-list')).toEqual([
      '<1:1. >First, with <2:`code`>.<3:⏎2. >Second, the last.<4:[^last]>',
      '<1:1. >Az első, <2:`kóddal`>.<3:⏎2. >A második, az utolsó.<4:[^last]>',
    ]);
    // A footnote of two paragraphs.
    expect(both('fn-last')[0]).toBe('<1:[^last]: >The last note has two paragraphs.<2:⏎⏎    >Its second paragraph.');
    // Identical Markdown shares one <data>.
    const list = units.get('s2-2-list');
    expect(Array.from(list?.getElementsByTagNameNS(xliffNs, 'data') ?? []).map((data) => data.textContent)).toEqual([
      '1. ',
      '`code`',
      '\n2. ',
      '[^last]',
      '`kóddal`',
    ]);
  });

  it('maps translation states to segment states, keeps stale in a note, and --only filters', async () => {
    const { issue } = await variedCopy();
    const xml = await exportOf(issue);
    const units = unitsOf(xml);
    const state = (id: string) => {
      const unit = units.get(id);
      return {
        state: first(unit as Element, 'segment')?.getAttribute('state'),
        jlaga: unit?.getAttributeNS(jlagaNs, 'state'),
        target: first(unit as Element, 'target') !== undefined,
        notes: Array.from(unit?.getElementsByTagNameNS(xliffNs, 'note') ?? []).map((note) => [
          note.getAttribute('category'),
          note.textContent,
        ]),
      };
    };
    expect(state('s1-heading')).toEqual({ state: 'initial', jlaga: 'missing', target: false, notes: [] });
    expect(state('lead')).toEqual({ state: 'translated', jlaga: 'unconfirmed', target: true, notes: [] });
    expect(state('s1-p1')).toEqual({
      state: 'translated',
      jlaga: 'stale',
      target: true,
      notes: [['jlaga-state', 'stale']],
    });
    expect(state('fn-first')).toEqual({ state: 'final', jlaga: 'confirmed', target: true, notes: [] });
    expect(units.get('lead')?.hasAttributeNS(jlagaNs, 'src')).toBe(false);
    expect(units.get('s1-p1')?.getAttributeNS(jlagaNs, 'src')).toBe('e6bca213');

    expect([...unitsOf(await exportOf(issue, { only: ['stale', 'missing'] })).keys()]).toEqual(['s1-heading', 's1-p1']);
    expect([...unitsOf(await exportOf(issue, { only: ['unconfirmed'] })).keys()]).toEqual(['lead']);
    expect(unitsOf(await exportOf(issue, { only: ['confirmed'] })).size).toBe(12);
  });

  it('is well-formed and valid against the subset of the XLIFF 2.0 core schema and the OASIS schemas (xmllint)', async () => {
    const folder = await tempFolder('jlaga-xliff-');
    const documents = {
      fixture: await exportOf(path.join(fixtures, 'manuscript', '2099-1')),
      varied: await exportOf((await variedCopy()).issue),
      sample: await exportOf(path.join(projectRoot, 'manuscript', '2026-3')),
    };
    for (const [name, xml] of Object.entries(documents)) {
      const file = path.join(folder, `${name}.xlf`);
      await writeFile(file, xml);
      expect(await xmllint('--noout', file), name).toEqual({ code: 0, stderr: '' });
      for (const schema of [subsetSchema, oasisCore, oasisAll]) {
        expect(await xmllint('--noout', '--nonet', '--schema', schema, file), `${name} ${schema}`).toEqual({
          code: 0,
          stderr: `${file} validates\n`,
        });
      }
    }
    // The schema is no formality: it refuses a reference to missing data and an unknown state.
    const broken = path.join(folder, 'broken.xlf');
    await writeFile(
      broken,
      replaceOnce(
        documents.fixture,
        '<segment state="final">\n        <source>In 1999',
        '<segment state="done">\n        <source>In 1999',
      ).replace('dataRefEnd="d3"', 'dataRefEnd="d9"'),
    );
    const refused = await xmllint('--noout', '--schema', subsetSchema, broken);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/'done' is not an element of the set/);
    expect(refused.stderr).toMatch(/No match found for key-sequence \['d9'\]/);
  });
  it('gives a stale unit the source its translation was confirmed against, from the git history, and validates', async () => {
    const { root, issue } = await copyFixtureManuscript();
    await gitRepository(root);
    const file = path.join(issue, 'index.md');
    let text = await readFile(file, 'utf8');
    // s1-p1 goes stale: the text it was confirmed against is in the history.
    text = replaceOnce(text, 'The first paragraph cites', 'The first paragraph quotes');
    // lead goes stale against a hash that no version of the manuscript had.
    text = replaceOnce(text, ':::hu{#lead .lead src=5b2b1200}', ':::hu{#lead .lead src=0badc0de}');
    await writeFile(file, text);
    const out = path.join(root, 'stale.xlf');
    expect(await cli('export', issue, '--out', out)).toMatchObject({ code: 0, stderr: '' });
    const xml = await readFile(out, 'utf8');

    const notes = (id: string) =>
      Array.from(unitsOf(xml).get(id)?.getElementsByTagNameNS(xliffNs, 'note') ?? []).map((note) => [
        note.getAttribute('appliesTo'),
        note.getAttribute('category'),
        note.getAttributeNS(jlagaNs, 'in-history'),
        note.textContent,
      ]);
    expect(notes('s1-p1')).toEqual([
      [null, 'jlaga-state', null, 'stale'],
      [
        'source',
        'jlaga-previous-source',
        null,
        'The first paragraph cites two sources,[^budget][^first] and the budget note again.',
      ],
    ]);
    expect(xml).toContain(
      [
        '      <notes>',
        '        <note category="jlaga-state">stale</note>',
        '        <note appliesTo="source" category="jlaga-previous-source">The first paragraph cites two sources,[^budget][^first] and the budget note again.</note>',
        '      </notes>',
      ].join('\n'),
    );
    expect(notes('lead')).toEqual([
      [null, 'jlaga-state', null, 'stale'],
      [
        'source',
        'jlaga-previous-source',
        'no',
        'Not in the manuscript’s git history: the source text this translation was confirmed against (src=0badc0de).',
      ],
    ]);
    // Only stale units have one.
    expect(notes('exec-summary')).toEqual([]);

    // Valid against the OASIS schemas: the core, and the core with its modules.
    for (const schema of [oasisCore, oasisAll]) {
      expect(await xmllint('--noout', '--nonet', '--schema', schema, out), schema).toEqual({
        code: 0,
        stderr: `${out} validates\n`,
      });
    }

    // The import reads past the notes: without edits, not a byte changes.
    const before = await readFile(file);
    expect(await cli('import', issue, out)).toMatchObject({ code: 0 });
    expect(await readFile(file)).toEqual(before);
  });

  it('writes a character XML cannot carry in a previous source as U+FFFD: a note holds no <cp>', async () => {
    const { issue } = await variedCopy();
    const xml = await exportOf(issue, { previousSources: new Map([['e6bca213', 'Old\u0001 text\uFFFE.']]) });
    const note = Array.from(unitsOf(xml).get('s1-p1')?.getElementsByTagNameNS(xliffNs, 'note') ?? [])[1];
    expect(note?.textContent).toBe('Old\uFFFD text\uFFFD.');
    expect(note?.getElementsByTagNameNS(xliffNs, 'cp')).toHaveLength(0);
  });
});

describe('xliff import', () => {
  it('leaves the fixture byte-identical after export and import, in LF and in CRLF with a BOM', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const before = await readFile(file);
    const result = await importOf(issue, await exportOf(issue));
    expect(result.files.flatMap((each) => each.messages)).toEqual([]);
    expect(result).toMatchObject({ written: false, changes: [], lang: 'hu' });
    expect(await readFile(file)).toEqual(before);

    const varied = await variedCopy({ crlf: true });
    const again = await importOf(varied.issue, await exportOf(varied.issue));
    expect(again).toMatchObject({ written: false, changes: [] });
    expect(await readFile(varied.file, 'utf8')).toBe(varied.original);
  });

  it('reads a character that XML holds only as <cp>, and text given as character references', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const xml = await exportOf(issue);
    // `<cp>` of a character a manuscript may hold, and references to allowed characters.
    const changed = await importOf(issue, replaceOnce(xml, 'fordították', 'sz&#xE1;nt&#225;k<cp hex="00A0"/>'));
    expect(changed.files.flatMap((each) => each.messages.map(String))).toEqual([]);
    expect(changed.changes).toEqual([{ id: 'lead', lang: 'hu', action: 'updated', src: '5b2b1200' }]);
    expect(await readFile(file, 'utf8')).toContain('szánták\u00A0 tesztelésre, 2099-re már 25%-át.[^budget]');
  });

  it('refuses a file larger than maxXliffBytes before reading it', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const before = await readFile(file);
    const xml = replaceOnce(await exportOf(issue), '2099-re már', '2099-re pedig');
    // White space after the root element is well-formed: only the size is wrong.
    const padding = Buffer.alloc(maxXliffBytes + 1 - Buffer.byteLength(xml), ' ');
    const large = path.join(path.dirname(issue), 'large.xlf');
    await writeFile(large, Buffer.concat([Buffer.from(xml), padding]));
    const result = await importXliff(locate(issue), large);
    const messages = result.files.flatMap((each) => each.messages);
    expect(messages.map((message) => [message.ruleId, message.line, message.column, message.fatal])).toEqual([
      ['xliff-too-large', 1, 1, true],
    ]);
    expect(messages[0]?.reason).toBe(
      'Unexpected file of 32 MiB (33554433 bytes), expected an XLIFF file of at most 32 MiB (33554432 bytes): one issue exports far less, is it the right file?',
    );
    expect(result.written).toBe(false);
    expect(await readFile(file)).toEqual(before);
  });

  it('leaves the sample issue byte-identical after export and import', async () => {
    const issue = await sampleCopy();
    const file = path.join(issue, 'index.md');
    const before = await readFile(file);
    const result = await importOf(issue, await exportOf(issue));
    expect(result).toMatchObject({ written: false, changes: [] });
    expect(await readFile(file)).toEqual(before);
  });

  it('puts back the bytes of every block from its codes and text, and escapes new text so that it reads back the same', async () => {
    for (const folder of [(await copyFixtureManuscript()).issue, await sampleCopy()]) {
      const issue = await validIssue(folder);
      const location = locate(folder);
      const lines = (await readFile(location.manuscript, 'utf8')).split('\n');
      const blocks = issue.segments.flatMap((segment) => Object.values(segment.blocks).flatMap((block) => block ?? []));
      for (const block of blocks) {
        const pieces = readBlock(block);
        expect(toMarkdown(pieces, markdownRuns(pieces)), block.id).toBe(block.text);
      }
      // Every block written afresh from its pieces, without the runs as written.
      for (const block of [...blocks].reverse()) {
        const start = block.node.position?.start.line ?? 0;
        const end = block.node.position?.end.line ?? 0;
        lines.splice(start, end - start - 1, ...toMarkdown(readBlock(block)).split('\n'));
      }
      const fresh = path.join(location.folder, 'fresh.md');
      await writeFile(fresh, lines.join('\n'));
      const reread = await readIssue({ ...location, manuscript: fresh });
      expect(reread.files.flatMap((file) => file.messages).filter((message) => message.fatal)).toEqual([]);
      for (const block of blocks) {
        const again = reread.issue?.segments.find((segment) => segment.id === block.id)?.blocks[block.lang];
        expect(again && sameContent(readBlock(again), readBlock(block)), `${block.lang} #${block.id}`).toBe(true);
      }
    }
  });

  it.each([
    ['LF', false],
    ['CRLF with a BOM', true],
  ])('imports what a CAT tool changed into the right blocks, with src for final units only (%s)', async (_, crlf) => {
    const { issue, file, original } = await variedCopy({ crlf });
    // Expectations are written with LF; the file keeps its own line endings.
    const lf = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const asWritten = (text: string) => (crlf ? '\uFEFF' + text.replace(/\n/g, '\r\n') : text);
    const issueBefore = await validIssue(issue);
    const hashOf = (id: string) => issueBefore.segments.find((segment) => segment.id === id)?.sourceHash;
    let xml = await exportOf(issue);

    // The missing heading: translated with the source's code copied (no dataRef, as tools write it), final.
    xml = replaceOnce(
      xml,
      '<segment state="initial">\n        <source><ph id="1" dataRef="d1" type="fmt" subType="jlaga:block" canCopy="no" canDelete="no"/>1. Introduction</source>',
      '<segment state="final">\n        <source><ph id="1" dataRef="d1" type="fmt" subType="jlaga:block" canCopy="no" canDelete="no"/>1. Introduction</source>\n        <target><ph id="1"/>1. Bevezetés és célok</target>',
    );
    // The stale paragraph: updated to the new source, its two references in the other order, final.
    const staleTarget = targetOf(xml, 's1-p1');
    xml = replaceOnce(
      xml,
      staleTarget,
      '<target>Az első bekezdés két forrást hoz,<ph id="2"/><ph id="1"/> és ismét a költségvetési jegyzetet.</target>',
    );
    xml = replaceOnce(
      xml,
      '<segment state="translated">\n        <source>The first paragraph quotes',
      '<segment state="final">\n        <source>The first paragraph quotes',
    );
    // The unconfirmed lead: checked and left as it is, final.
    xml = replaceOnce(
      xml,
      '<segment state="translated">\n        <source>In 1999',
      '<segment state="reviewed">\n        <source>In 1999',
    );
    // A confirmed list: one word changed, still final.
    xml = replaceOnce(xml, ' becsületesen tartják', ' őszintén tartják');
    // A confirmed footnote: reworded, and marked translated in the tool.
    const budgetTarget = targetOf(xml, 'fn-budget');
    xml = replaceOnce(xml, budgetTarget, budgetTarget.replace('szemléltető jellegűek', 'csak szemléltetők'));
    xml = replaceOnce(
      xml,
      '<segment state="final">\n        <source><ph id="1" dataRef="d1" type="fmt" subType="jlaga:block" canCopy="no" canDelete="no"/>The figures',
      '<segment state="translated">\n        <source><ph id="1" dataRef="d1" type="fmt" subType="jlaga:block" canCopy="no" canDelete="no"/>The figures',
    );
    // A footnote of two paragraphs: the blank line between them is a code of white space only.
    xml = replaceOnce(xml, 'A második bekezdése.</target>', 'A második bekezdés szövege.</target>');
    // The tool writes the file its own way.
    xml = create({ skipWhitespaceOnlyText: false }, xml).end({ prettyPrint: false });

    const result = await importOf(issue, xml);
    expect(result.files.flatMap((each) => each.messages.map(String))).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.changes).toEqual([
      { id: 'exec-summary', lang: 'hu', action: 'updated', src: hashOf('exec-summary') },
      { id: 'lead', lang: 'hu', action: 'confirmed', src: hashOf('lead') },
      { id: 'fn-budget', lang: 'hu', action: 'updated', src: undefined },
      { id: 's1-heading', lang: 'hu', action: 'added', src: hashOf('s1-heading') },
      { id: 's1-p1', lang: 'hu', action: 'updated', src: hashOf('s1-p1') },
      { id: 'fn-last', lang: 'hu', action: 'updated', src: hashOf('fn-last') },
    ]);

    const after = await readFile(file, 'utf8');
    const expected = replaceOnce(
      lf(original)
        .replace(
          '- A szövetségek változnak; a *tesztek* becsületesen tartják őket.',
          '- A szövetségek változnak; a *tesztek* őszintén tartják őket.',
        )
        .replace(':::hu{#lead .lead}', `:::hu{#lead .lead src=${hashOf('lead') ?? ''}}`)
        .replace(':::hu{#fn-budget src=6f489271}', ':::hu{#fn-budget}')
        .replace('szemléltető jellegűek', 'csak szemléltetők')
        .replace('\n    A második bekezdése.\n', '\n    A második bekezdés szövege.\n')
        .replace(':::hu{#s1-p1 src=e6bca213}', `:::hu{#s1-p1 src=${hashOf('s1-p1') ?? ''}}`)
        .replace(
          'Az első bekezdés két forrást idéz,[^budget][^first] és',
          'Az első bekezdés két forrást hoz,[^first][^budget] és',
        ),
      ':::en{#s1-heading}\n## 1. Introduction\n:::\n',
      `:::en{#s1-heading}\n## 1. Introduction\n:::\n\n:::hu{#s1-heading src=${hashOf('s1-heading') ?? ''}}\n## 1. Bevezetés és célok\n:::\n`,
    );
    expect(after).toBe(asWritten(expected));

    const reread = await read(issue);
    const states = reread.issue?.segments.map((segment) => [segment.id, segment.states.hu]);
    expect(states?.filter(([, state]) => state !== 'confirmed')).toEqual([['fn-budget', 'unconfirmed']]);
    // No temporary file is left beside the manuscript.
    expect((await readdir(issue)).sort()).toEqual(['assets', 'index.md']);
  });

  it('confirms against the exported source when the source changed since, and warns', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const xml = replaceOnce(await exportOf(issue), 'és ismét a költségvetési', 'és újra a költségvetési');
    await writeFile(
      file,
      replaceOnce(await readFile(file, 'utf8'), 'The first paragraph cites', 'The first paragraph quotes'),
    );
    const result = await importOf(issue, xml);
    expect(result.changes).toEqual([{ id: 's1-p1', lang: 'hu', action: 'updated', src: 'e6bca213' }]);
    const messages = result.files.flatMap((each) => each.messages);
    expect(messages.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([
      ['xliff-source-changed', false, pointOf(xml, '<unit id="s1-p1"').line, pointOf(xml, '<unit id="s1-p1"').column],
    ]);
    const reread = await read(issue);
    expect(reread.issue?.segments.find((segment) => segment.id === 's1-p1')?.states.hu).toBe('stale');
    expect(await readFile(file, 'utf8')).toContain('és újra a költségvetési jegyzetet.');
  });

  it('carries phrases in another language as paired codes a translation may keep, drop or add', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    // A German title in the source, kept inside the Hungarian note's English phrase.
    let text = await readFile(file, 'utf8');
    text = replaceOnce(
      text,
      ': *A Book on Points*, Proceedings',
      ': *A Book on Points*, :de[Festschrift], Proceedings',
    );
    text = replaceOnce(
      text,
      ':en[*A Book on Points*, Proceedings',
      ':en[*A Book on Points*, :de[Festschrift], Proceedings',
    );
    await writeFile(file, text);
    const xml = await exportOf(issue);
    // The source's German phrase may be dropped (no canDelete="no"); the target's English one is its own.
    expect(xml).toContain(
      ', <pc id="3" dataRefStart="d3" dataRefEnd="d4" type="fmt" subType="jlaga:lang">Festschrift</pc>, Proceedings of the conference on engagement, Test Press',
    );
    expect(xml).toContain(
      '<data id="d3">:de[</data>\n        <data id="d4">]</data>\n        <data id="d5">:en[</data>',
    );
    expect(targetOf(xml, 'fn-second')).toContain(
      ' <pc id="4" dataRefStart="d5" dataRefEnd="d4" type="fmt" subType="jlaga:lang"><pc id="2" dataRefStart="d2" dataRefEnd="d2" type="fmt" subType="xlf:i" canCopy="no" canDelete="no">A Book on Points</pc>, <pc id="3" dataRefStart="d3" dataRefEnd="d4" type="fmt" subType="jlaga:lang">Festschrift</pc>, Proceedings of the conference on engagement</pc>, ',
    );

    // The translator drops both phrases: the import takes it, and the check warns of the German one only.
    const target =
      '<target><ph id="1"/>SMITH, Jane: <pc id="2">A Book on Points</pc>, Festschrift, Proceedings of the conference on engagement, Test Press, 2098.01.02. [Online, 2099.01.01.]</target>';
    const result = await importOf(issue, replaceOnce(xml, targetOf(xml, 'fn-second'), target));
    expect(result.files.flatMap((each) => each.messages.map(String))).toEqual([]);
    expect(result.written).toBe(true);
    const after = await readFile(file, 'utf8');
    expect(after).toContain(
      '[^second]: SMITH, Jane: *A Book on Points*, Festschrift, Proceedings of the conference on engagement, Test Press',
    );
    const reread = await read(issue);
    expect(messageLines(reread).filter((line) => line.endsWith('qa-markup'))).toHaveLength(1);
    expect(reread.files.flatMap((each) => each.messages.map((message) => message.reason))).toContain(
      'Unexpected markup in `hu`: 0 `:de[…]` phrases; expected as in `en`: 1 `:de[…]` phrase',
    );
  });

  it('takes a target that copies the source in state initial for no translation', async () => {
    const { issue, file, original } = await variedCopy();
    const xml = replaceOnce(
      await exportOf(issue),
      '1. Introduction</source>\n      </segment>',
      '1. Introduction</source>\n        <target><ph id="1" dataRef="d1"/>1. Introduction</target>\n      </segment>',
    );
    expect(await importOf(issue, xml)).toMatchObject({ written: false, changes: [] });
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('joins the segments of a unit a tool split, and takes the least advanced state', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    let xml = await exportOf(issue);
    xml = replaceOnce(
      xml,
      [
        '      <segment state="final">',
        '        <source>In 1999, 3.5% of the alliance’s budget went to testing; by 2099 it was 25%.<ph id="1" dataRef="d1" type="other" subType="jlaga:footnote" canCopy="no" canDelete="no"/></source>',
        '        <target>1999-ben a szövetség költségvetésének 3,5%-át fordították tesztelésre, 2099-re már 25%-át.<ph id="1" dataRef="d1" type="other" subType="jlaga:footnote" canCopy="no" canDelete="no"/></target>',
        '      </segment>',
      ].join('\n'),
      [
        '<segment state="final"><source>In 1999, 3.5% of the alliance’s budget went to testing; </source><target>1999-ben a szövetség költségvetésének 3,5%-át fordították tesztelésre, </target></segment>',
        '<segment state="translated"><source>by 2099 it was 25%.<ph id="1" dataRef="d1"/></source><target>2099-re pedig 25%-át.<ph id="1" dataRef="d1"/></target></segment>',
      ].join(''),
    );
    const result = await importOf(issue, xml);
    expect(result.changes).toEqual([{ id: 'lead', lang: 'hu', action: 'updated', src: undefined }]);
    expect(await readFile(file, 'utf8')).toContain(
      ':::hu{#lead .lead}\n1999-ben a szövetség költségvetésének 3,5%-át fordították tesztelésre, 2099-re pedig 25%-át.[^budget]\n:::',
    );
  });

  it('escapes text that Markdown would read as syntax', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const xml = replaceOnce(
      await exportOf(issue),
      '<target><ph id="1" dataRef="d1" type="fmt" subType="jlaga:block" canCopy="no" canDelete="no"/>1. Bevezetés</target>',
      '<target><ph id="1" dataRef="d1"/>1. *Nem* [kiemelés] &lt;b&gt; a_b _c_ `d` \\ | ~e~ &amp;amp; :x #</target>',
    );
    const result = await importOf(issue, xml);
    expect(result.files.flatMap((each) => each.messages.map(String))).toEqual([]);
    expect(await readFile(file, 'utf8')).toContain(
      ':::hu{#s1-heading src=e569d07d}\n## 1. \\*Nem\\* \\[kiemelés\\] \\<b> a_b \\_c\\_ \\`d\\` \\\\ \\| \\~e\\~ \\&amp; :x \\#\n:::',
    );
    // A paragraph that starts like a list item stays a paragraph.
    const list = replaceOnce(await exportOf(issue), '<target>1999-ben a szövetség', '<target>1999. A szövetség');
    await importOf(issue, list);
    expect(await readFile(file, 'utf8')).toContain(':::hu{#lead .lead src=5b2b1200}\n1999\\. A szövetség');
  });

  describe('refuses a file with any problem, writes nothing, and says where', () => {
    const cases: Array<{
      name: string;
      rule: string;
      edit: (xml: string) => string;
      at: (xml: string) => { line: number; column: number };
    }> = [
      {
        name: 'a unit that is no segment',
        rule: 'xliff-unknown-unit',
        edit: (xml) => replaceOnce(xml, '<unit id="lead"', '<unit id="no-such-segment"'),
        at: (xml) => pointOf(xml, '<unit id="no-such-segment"'),
      },
      {
        name: 'a unit twice',
        rule: 'xliff-duplicate-unit',
        edit: (xml) => {
          const unit = /\n {4}<unit id="lead"[\s\S]*?<\/unit>/.exec(xml)?.[0] ?? '';
          return replaceOnce(xml, unit, unit + unit);
        },
        at: (xml) => pointOf(xml, '<unit id="lead"', 2),
      },
      {
        name: 'a code missing from a target',
        rule: 'xliff-code-mismatch',
        edit: (xml) =>
          replaceOnce(
            xml,
            '25%-át.<ph id="1" dataRef="d1" type="other" subType="jlaga:footnote" canCopy="no" canDelete="no"/></target>',
            '25%-át.</target>',
          ),
        at: (xml) => pointOf(xml, '<target>1999-ben'),
      },
      {
        name: 'a code twice in a target',
        rule: 'xliff-code-mismatch',
        edit: (xml) =>
          replaceOnce(
            xml,
            'költségvetési jegyzetet.</target>',
            'költségvetési jegyzetet.<ph id="2" dataRef="d2"/></target>',
          ),
        at: (xml) => pointOf(xml, '<ph id="2" dataRef="d2"/></target>'),
      },
      {
        name: 'a code the source does not have',
        rule: 'xliff-code-mismatch',
        edit: (xml) => replaceOnce(xml, 'Vezetői összefoglaló', 'Vezetői <ph id="9" dataRef="d1"/>összefoglaló'),
        at: (xml) => pointOf(xml, '<ph id="9"'),
      },
      {
        name: 'a code that refers to no data',
        rule: 'xliff-unknown-data',
        edit: (xml) =>
          replaceOnce(
            xml,
            '<target><ph id="1" dataRef="d1" type="fmt" subType="jlaga:block" canCopy="no" canDelete="no"/>1. Bevezetés',
            '<target><ph id="1" dataRef="d7"/>1. Bevezetés',
          ),
        at: (xml) => pointOf(xml, '<ph id="1" dataRef="d7"/>'),
      },
      {
        name: 'a target that would make the manuscript invalid',
        rule: 'xliff-invalid-markdown',
        // `[^second]: ` moved into the text is no definition any more.
        edit: (xml) =>
          replaceOnce(
            xml,
            '<target><ph id="1" dataRef="d1" type="fmt" subType="jlaga:block" canCopy="no" canDelete="no"/>SMITH, Jane: ',
            '<target>SMITH, Jane: <ph id="1" dataRef="d1"/>',
          ),
        at: (xml) => pointOf(xml, '<target>SMITH, Jane: <ph id="1" dataRef="d1"/>'),
      },
      {
        name: 'another target language',
        rule: 'xliff-wrong-language',
        edit: (xml) => replaceOnce(xml, 'trgLang="hu"', 'trgLang="de"'),
        at: (xml) => pointOf(xml, '<xliff'),
      },
      {
        name: 'another issue',
        rule: 'xliff-wrong-issue',
        edit: (xml) => replaceOnce(xml, 'jlaga:issue="2099/1"', 'jlaga:issue="2026/3"'),
        at: (xml) => pointOf(xml, '<file'),
      },
      {
        name: 'XML that is not well-formed',
        rule: 'xliff-not-xliff',
        edit: (xml) =>
          replaceOnce(
            xml,
            '</segment>\n    </unit>\n    <unit id="fn-second"',
            '\n    </unit>\n    <unit id="fn-second"',
          ),
        at: (xml) => pointOf(xml, '</unit>\n    <unit id="fn-second"'),
      },
      {
        name: 'a file that is not XML',
        rule: 'xliff-not-xliff',
        edit: () => 'Executive Summary\tVezetői összefoglaló\n',
        at: () => ({ line: 1, column: 1 }),
      },
      {
        name: 'XML that is not XLIFF 2.0',
        rule: 'xliff-not-xliff',
        edit: () =>
          '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>\n',
        at: () => ({ line: 2, column: 1 }),
      },
      {
        name: 'a character reference to a character XML 1.0 does not allow',
        rule: 'xliff-not-xliff',
        edit: (xml) => replaceOnce(xml, '2099-re már', '2099-re&#7;már'),
        at: (xml) => pointOf(xml, '&#7;'),
      },
      {
        name: 'a hexadecimal character reference to a character XML 1.0 does not allow, in an attribute',
        rule: 'xliff-not-xliff',
        edit: (xml) => replaceOnce(xml, '<unit id="lead"', '<unit id="lead&#x1B;"'),
        at: (xml) => pointOf(xml, '&#x1B;'),
      },
      {
        name: 'a raw control character',
        rule: 'xliff-not-xliff',
        edit: (xml) => replaceOnce(xml, '2099-re már', '2099-re\u0007már'),
        at: (xml) => pointOf(xml, '\u0007'),
      },
      {
        name: 'a <cp> of a character a manuscript cannot hold',
        rule: 'xliff-invalid-markdown',
        edit: (xml) => replaceOnce(xml, '2099-re már', '2099-re<cp hex="0008"/>már'),
        at: (xml) => pointOf(xml, '<cp hex="0008"/>'),
      },
      {
        name: 'a document type declaration with entities',
        rule: 'xliff-not-xliff',
        edit: (xml) =>
          replaceOnce(
            replaceOnce(
              xml,
              '<?xml version="1.0" encoding="UTF-8"?>',
              '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xliff [\n  <!ENTITY a "aaaaaaaaaa">\n  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n',
            ),
            '2099-re már',
            '2099-re &b; már',
          ),
        at: (xml) => pointOf(xml, '<!DOCTYPE'),
      },
      {
        name: 'an entity XML does not predefine',
        rule: 'xliff-not-xliff',
        edit: (xml) => replaceOnce(xml, '2099-re már', '2099-re&nbsp;már'),
        at: (xml) => pointOf(xml, '&nbsp;'),
      },
      {
        name: 'an ampersand that starts no reference',
        rule: 'xliff-not-xliff',
        edit: (xml) => replaceOnce(xml, '2099-re már', '2099-re R&D már;'),
        at: (xml) => pointOf(xml, '&D'),
      },
      {
        name: 'an encoding other than UTF-8',
        rule: 'xliff-not-xliff',
        edit: (xml) => replaceOnce(xml, 'encoding="UTF-8"', 'encoding="ISO-8859-2"'),
        at: () => ({ line: 1, column: 1 }),
      },
      {
        name: 'a link whose URL was swapped in its <data>',
        rule: 'xliff-changed-data',
        edit: (xml) =>
          replaceOnce(
            xml,
            '<data id="d3">](https://example.org/institute)</data>',
            '<data id="d3">](https://attacker.example/institute)</data>',
          ),
        at: (xml) =>
          pointOf(xml, '<pc id="2" dataRefStart="d2" dataRefEnd="d3" type="link" canCopy="no" canDelete="no">Teszt'),
      },
      {
        name: 'a link of the target that refers to a <data> of its own',
        rule: 'xliff-changed-data',
        edit: (xml) =>
          replaceOnce(
            replaceOnce(
              xml,
              '<data id="d3">](https://example.org/institute)</data>',
              '<data id="d3">](https://example.org/institute)</data>\n        <data id="d9">](https://attacker.example/)</data>',
            ),
            '<pc id="2" dataRefStart="d2" dataRefEnd="d3" type="link" canCopy="no" canDelete="no">Teszt',
            '<pc id="2" dataRefStart="d2" dataRefEnd="d9">Teszt',
          ),
        at: (xml) => pointOf(xml, '<pc id="2" dataRefStart="d2" dataRefEnd="d9">Teszt'),
      },
      ...[
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        'vbscript:msgbox(1)',
        'data:text/html;base64,PHNjcmlwdD4=',
        'file:///etc/passwd',
        '//attacker.example/',
        'javascript&amp;#58;alert(1)',
        'mailto:office@example.org?subject=Hi&amp;body=Text',
      ].map((url) => ({
        name: `a link to ${url}`,
        rule: 'xliff-unsafe-url',
        edit: (xml: string) =>
          replaceOnce(xml, '<data id="d3">](https://example.org/institute)</data>', `<data id="d3">](${url})</data>`),
        at: (xml: string) =>
          pointOf(xml, '<pc id="2" dataRefStart="d2" dataRefEnd="d3" type="link" canCopy="no" canDelete="no">Teszt'),
      })),
      {
        name: 'an image whose source is a data: URL',
        rule: 'xliff-unsafe-url',
        edit: (xml) =>
          replaceOnce(
            xml,
            '<data id="d2">](assets/chart.svg)</data>',
            '<data id="d2">](data:image/svg+xml;base64,PHN2Zz4=)</data>',
          ),
        at: (xml) =>
          pointOf(xml, '<pc id="1" dataRefStart="d1" dataRefEnd="d2" type="image" canCopy="no" canDelete="no">Balról'),
      },
      {
        name: 'a target that would not read back as written',
        rule: 'xliff-invalid-markdown',
        // `a*“tesztek”*b`: an asterisk between a letter and a quotation mark opens no emphasis.
        edit: (xml) =>
          replaceOnce(
            xml,
            'változnak; a <pc id="3" dataRefStart="d3" dataRefEnd="d3" type="fmt" subType="xlf:i" canCopy="no" canDelete="no">tesztek</pc> becsületesen',
            'változnak; a<pc id="3" dataRefStart="d3" dataRefEnd="d3">“tesztek”</pc>becsületesen',
          ),
        at: (xml) =>
          pointOf(
            xml,
            '<target><ph id="1" dataRef="d1" type="fmt" subType="jlaga:block" canCopy="no" canDelete="no"/>Vezetői',
          ),
      },
    ];
    for (const { name, rule, edit, at } of cases) {
      it(name, async () => {
        const { issue } = await copyFixtureManuscript();
        const file = path.join(issue, 'index.md');
        const before = await readFile(file);
        const xml = edit(await exportOf(issue));
        const result = await importOf(issue, xml);
        expect(result.written).toBe(false);
        expect(await readFile(file)).toEqual(before);
        expect((await readdir(issue)).sort()).toEqual(['assets', 'index.md']);
        const messages = result.files.flatMap((each) => each.messages);
        expect(messages.length).toBeGreaterThan(0);
        const place = at(xml);
        const message = messages.find(
          (candidate) =>
            candidate.ruleId === rule && candidate.line === place.line && candidate.column === place.column,
        );
        expect(message, messages.map(String).join('\n')).toBeDefined();
        expect(message?.fatal).toBe(true);
        expect(message?.file).toMatch(/translated\.xlf$/);
      });
    }
  });
});

describe('npm run xliff', () => {
  it('exports to standard output or a file, imports, and exits 0', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const exported = await cli('export', issue);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><xliff /);
    const out = path.join(root, 'out.xlf');
    const written = await cli('export', issue, '--lang', 'hu', '--only', 'confirmed', '--out', out);
    expect(written).toMatchObject({ code: 0, stdout: `Exported 15 segments of 2099-1 into hu to ${out}.\n` });
    expect(await readFile(out, 'utf8')).toBe(exported.stdout);
    expect(await cli('export', issue, '--only', 'missing')).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'Nothing to export: no segment of 2099-1 is missing in hu.\n',
    });
    expect(await cli('import', issue, out)).toMatchObject({
      code: 0,
      stdout: 'Nothing to change in 2099-1: every target is as in the manuscript.\n',
    });
    await writeFile(
      out,
      exported.stdout
        .replace('state="final">\n        <source>In 1999', 'state="reviewed">\n        <source>In 1999')
        .replace('2099-re már', '2099-re pedig'),
    );
    expect(await cli('import', issue, out)).toMatchObject({
      code: 0,
      stdout: 'updated hu #lead (confirmed, src=5b2b1200)\n1 block changed in 2099-1.\n',
    });
  });

  it('export --out refuses a manuscript, series.yaml, a folder or a link to a manuscript (exit 2, one line)', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const manuscript = path.join(issue, 'index.md');
    const before = await readFile(manuscript);
    const link = path.join(root, 'export.xlf');
    await symlink(manuscript, link);
    const targets = [manuscript, path.join(root, 'series.yaml'), issue, link];
    const results = await Promise.all(targets.map((target) => cli('export', issue, '--out', target)));
    expect(results.map((result) => [result.code, result.stdout])).toEqual(targets.map(() => [2, '']));
    expect(results.map((result) => result.stderr)).toEqual([
      `Will not write over ${manuscript}: it is the manuscript of an issue (only \`align confirm\` and \`xliff import\` write it).\n`,
      `Will not write over ${path.join(root, 'series.yaml')}: it is the series file.\n`,
      `Will not write over ${issue}: it is a folder; give the path of a file.\n`,
      `Will not write over ${link} (a link to ${manuscript}): it is the manuscript of an issue (only \`align confirm\` and \`xliff import\` write it).\n`,
    ]);
    expect(await readFile(manuscript)).toEqual(before);
  });

  it('exits 1 on a refused file, with file:line:column and the rule', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const out = path.join(root, 'refused.xlf');
    const xml = replaceOnce(await exportOf(issue), '<unit id="lead"', '<unit id="nowhere"');
    await writeFile(out, xml);
    const before = await readFile(path.join(issue, 'index.md'));
    const { code, stderr } = await cli('import', issue, out);
    expect(code).toBe(1);
    const { line, column } = pointOf(xml, '<unit id="nowhere"');
    expect(stderr).toMatch(/refused\.xlf\n/);
    expect(stderr).toMatch(
      new RegExp(`^\\s*${line}:${column}\\s+error\\s+Unexpected unit \`nowhere\`.*xliff-unknown-unit\\s+xliff$`, 'm'),
    );
    expect(stderr).toMatch(/Nothing imported: the manuscript is as it was\./);
    expect(await readFile(path.join(issue, 'index.md'))).toEqual(before);
  });

  it('import --json writes the same messages as JSON to standard output', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const out = path.join(root, 'refused.xlf');
    const xml = replaceOnce(await exportOf(issue), '<unit id="lead"', '<unit id="nowhere"');
    await writeFile(out, xml);
    const { code, stdout, stderr } = await cli('import', issue, out, '--json');
    expect(code).toBe(1);
    const { line, column } = pointOf(xml, '<unit id="nowhere"');
    const report = JSON.parse(stdout) as JsonFile[];
    expect(report).toHaveLength(1);
    expect(report[0]?.file).toMatch(/refused\.xlf$/);
    expect(report[0]?.messages).toEqual([
      expect.objectContaining({
        ruleId: 'xliff-unknown-unit',
        source: 'xliff',
        severity: 'error',
        line,
        column,
        url: 'docs/xliff.md#xliff-unknown-unit',
      }),
    ]);
    expect(stderr).toBe('Nothing imported: the manuscript is as it was.\n');
  });

  it('exits 2 on bad usage', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const usages = [
      [],
      ['frobnicate', issue],
      ['export'],
      ['export', 'no-such-issue'],
      ['export', issue, '--only', 'stale,bogus'],
      ['export', issue, '--lang', 'en'],
      ['export', issue, 'extra'],
      ['import', issue],
      ['import', issue, path.join(root, 'missing.xlf')],
      ['import', issue, path.join(root, 'missing.xlf'), '--lang', 'hu'],
    ];
    const codes = await Promise.all(usages.map(async (args) => [args.join(' '), (await cli(...args)).code]));
    expect(codes).toEqual(usages.map((args) => [args.join(' '), 2]));
  });
});
