/**
 * Phrases in another language (`:en[…]` in a Hungarian note) through the editions: the
 * span with its `lang` in HTML and EPUB (whole: the browser or reading system
 * hyphenates it by that language), hyphenation by the phrase's own patterns in the
 * PDF's print page, the phrase's own typography.
 */
import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Paragraph } from 'mdast';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { makeEdition } from '../../scripts/manuscript/split-editions.js';
import { hastToXml } from '../../scripts/output/hast-to-xml.js';
import { editionToHast } from '../../scripts/render/edition-hast.js';
import { renderEditionPage } from '../../scripts/render/edition-page.js';
import { renderPrintPage } from '../../scripts/render/print-page.js';
import { epubDocuments } from '../../scripts/render/epub-documents.js';
import { rehypeHyphenate } from '../../scripts/render/hyphenate.js';
import { loadLabels } from '../../scripts/render/labels.js';
import { fixtureIssue, readValid } from '../helpers.js';

const require = createRequire(import.meta.url);
type Hyphenator = { hyphenateSync: (text: string) => string };
const englishPatterns = require('hyphen/en-gb') as Hyphenator;
const hungarianPatterns = require('hyphen/hu') as Hyphenator;

const labels = loadLabels();
const hu = labels.get('hu');
if (!hu) throw new Error('labels missing');
const shy = '\u00ad';

/** The elements of `tree` with `lang` other than the page's, as `lang: text`. */
function phrases(tree: Root | Element): string[] {
  const found: string[] = [];
  visit(tree, 'element', (element) => {
    if (element.tagName === 'span' && typeof element.properties.lang === 'string') {
      found.push(`${element.properties.lang}: ${toHtml(element.children)}`);
    }
  });
  return found;
}

describe('phrases in another language', async () => {
  const issue = await readValid(fixtureIssue);
  const edition = makeEdition(issue, 'hu');

  it('carry lang on a span in the HTML edition, whole, for the browser to hyphenate as English', () => {
    const page = renderEditionPage(edition, { editions: [edition], labels }, []);
    const [phrase] = phrases(page);
    // No soft hyphens: the browser breaks the phrase by its `lang` (`hyphens: auto`),
    // with its English rules, and search and copy find its words whole.
    expect(phrase).toBe('en: <em>A Book on Points</em>, Proceedings of the conference on engagement');
    // The text around it stays Hungarian, the page too.
    expect(toHtml(page)).toMatch(/<html lang="hu"/);
  });

  it('are hyphenated only where English allows in the PDF’s print page', () => {
    const page = renderPrintPage(edition, hu);
    const [phrase] = phrases(page);
    expect(phrase).toMatch(/^en: <em>A Book on Points<\/em>, Pro\u00adceed\u00adings of the /);
    // The English patterns' breaks, not the Hungarian ones': con-fer-ence, en-gage-ment.
    for (const word of ['conference', 'engagement']) {
      const english = englishPatterns.hyphenateSync(word);
      expect(english).not.toBe(hungarianPatterns.hyphenateSync(word));
      expect(phrase).toContain(english);
    }
    expect(phrase).toContain(`con${shy}fer${shy}ence`);
    expect(phrase).not.toContain(`confe${shy}rence`);
  });

  it('carry lang and xml:lang in the EPUB, whole, for the reading system to hyphenate as English', () => {
    const documents = epubDocuments(edition, hu);
    const notes = documents.documents.find((document) => document.href === 'notes.xhtml');
    if (!notes) throw new Error('no notes document');
    const xml = hastToXml(notes.tree, { declare: ['epub'] });
    expect(xml).toContain(
      '<span lang="en" xml:lang="en"><em>A Book on Points</em>, Proceedings of the conference on engagement</span>',
    );
    expect(xml).not.toContain(shy);
  });

  it('are set by their own language’s typography: English quotes in a Hungarian block', () => {
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [
        { type: 'text', value: 'A "kifejezés" és a ' },
        {
          type: 'textDirective',
          name: 'en',
          attributes: {},
          children: [{ type: 'text', value: 'Being a "Model Ally" - or \'not\'' }],
        },
        { type: 'text', value: ' cím, és "' },
        { type: 'textDirective', name: 'en', attributes: {}, children: [{ type: 'text', value: 'graduated' }] },
        { type: 'text', value: '".' },
      ],
    };
    const trees = editionToHast(
      {
        ...edition,
        notes: [],
        segments: [{ id: 'x', classes: [], state: 'confirmed', children: [paragraph], position: undefined }],
      },
      hu,
    );
    const [segment] = trees.segments;
    if (!segment) throw new Error('no segment');
    expect(toHtml(segment)).toBe(
      '<div id="x" class="segment"><p>A\u00a0„kifejezés” és a\u00a0<span lang="en">Being a “Model Ally”\u00a0– or ‘not’</span> cím, és „<span lang="en">graduated</span>”.</p></div>',
    );
  });

  it('are not hyphenated in a language without patterns, and keep their patterns by a tag’s prefix', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('div', { className: ['segment'] }, [
          h('p', [h('span', { lang: 'ko' }, 'international'), ' ', h('span', { lang: 'en-GB' }, 'international')]),
          h('p', [h('span', { lang: 'de-AT' }, 'Zusammenarbeit'), ' ', h('span', { lang: 'de' }, 'zusammenarbeit')]),
        ]),
      ],
    };
    unified().use(rehypeHyphenate, { lang: 'hu' }).runSync(tree);
    expect(phrases(tree)).toEqual([
      'ko: international',
      `en-GB: in${shy}ter${shy}na${shy}tional`,
      `de-AT: Zu${shy}sam${shy}men${shy}ar${shy}beit`,
      `de: zu${shy}sam${shy}men${shy}ar${shy}beit`,
    ]);
  });
});
