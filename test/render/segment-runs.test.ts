/**
 * Runs of segments: adjacent segments with the same classes are one box in every
 * edition (HTML, print page, EPUB); each keeps its id and classes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { splitEditions } from '../../scripts/manuscript/split-editions.js';
import { renderEditionPage } from '../../scripts/render/edition-page.js';
import { epubDocuments } from '../../scripts/render/epub-documents.js';
import { loadLabels } from '../../scripts/render/labels.js';
import { renderPrintPage } from '../../scripts/render/print-page.js';
import { groupSegmentRuns } from '../../scripts/render/segment-runs.js';
import { copyFixtureManuscript, readValid } from '../helpers.js';

const segment = (id: string, ...classes: string[]): Element =>
  h('div', { id, className: ['segment', ...classes] }, [h('p', id)]);

/** The ids of the groups: a run as its segments' ids in brackets. */
function shape(elements: readonly Element[]): string[] {
  return elements.map((element) =>
    (element.properties.className as string[]).includes('segment-run')
      ? `[${element.children.map((child) => (child as Element).properties.id).join(' ')}]`
      : String(element.properties.id),
  );
}

describe('groupSegmentRuns', () => {
  it('wraps adjacent segments of the same classes, and nothing else', () => {
    const grouped = groupSegmentRuns([
      segment('a', 'summary'),
      segment('b', 'summary'),
      segment('c'),
      segment('d'),
      segment('e', 'lead'),
      segment('f', 'summary', 'wide'),
      segment('g', 'wide', 'summary'),
      segment('h', 'summary'),
    ]);
    expect(shape(grouped)).toEqual(['[a b]', 'c', 'd', 'e', '[f g]', 'h']);
    expect(grouped[0]?.properties.className).toEqual(['segment-run', 'summary']);
    expect(grouped[4]?.properties.className).toEqual(['segment-run', 'summary', 'wide']);
    // The segments keep their classes.
    expect((grouped[0]?.children[1] as Element).properties.className).toEqual(['segment', 'summary']);
  });

  it('sets a summary written as two segments as one box in the HTML, print and EPUB editions', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const text = await readFile(file, 'utf8');
    // The heading of the summary as a segment of its own, in both languages.
    const start = text.indexOf(':::en{#exec-summary');
    const end = text.indexOf(':::en{#fn-second}');
    const split = `${text.slice(0, start)}${[
      ':::en{#exec-title .summary}\n## Executive Summary\n:::',
      ':::hu{#exec-title .summary}\n## Vezetői összefoglaló\n:::',
      ':::en{#exec-summary .summary}\n- Alliances change.\n- A second point.[^second]\n:::',
      ':::hu{#exec-summary .summary}\n- A szövetségek változnak.\n- Egy második pont.[^second]\n:::',
    ].join('\n\n')}\n\n${text.slice(end)}`;
    expect(split).not.toBe(text);
    await writeFile(file, split);
    const validated = await readValid(issue);
    const [edition] = splitEditions(validated);
    if (!edition) throw new Error('no edition');
    const labels = loadLabels(['en', 'hu']);
    const enLabels = labels.get('en');
    if (!enLabels) throw new Error('no labels');
    // One box around both segments, each with its id and class; the lead after it on its own.
    const oneBox =
      /<div class="segment-run summary"><div id="exec-title" class="segment summary">.*?<\/div><div id="exec-summary" class="segment summary">.*?<\/div><\/div><div id="lead" class="segment lead">/s;
    const html = renderEditionPage(edition, { editions: splitEditions(validated), labels }, []);
    expect(toHtml(html)).toMatch(oneBox);
    expect(toHtml(renderPrintPage(edition, enLabels))).toMatch(oneBox);
    const epubText = epubDocuments(edition, enLabels).documents.find((document) => document.id === 'text');
    expect(toHtml(epubText?.tree as Root)).toMatch(oneBox);
  });
});
