/**
 * The parallel edition, `html/parallel.html`: every language side by side, segment by
 * segment, notes too; the state of each translation marked and explained. It is the
 * translators' and bilingual readers' view.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { TranslationState } from '../manuscript/types.js';
import { editionToHast } from '../render/edition-hast.js';
import type { EditionTrees } from '../render/edition-hast.js';
import { rehypeHyphenate } from '../render/hyphenate.js';
import { rehypeKeepRanges } from '../render/rehype-keep-ranges.js';
import type { Labels } from '../render/labels.js';
import { fillTemplate, loadTemplate } from '../render/template.js';
import type { HtmlContext } from './html.js';
import { mediaUrl, stringifyHtml } from './html-shared.js';

/** The parallel page of `issue`, as a hast tree (in the source language, cells in theirs). */
export function renderParallelPage(issue: ValidatedIssue, context: HtmlContext): Root {
  const [source] = issue.languages;
  const sourceLabels = source === undefined ? undefined : context.labels.get(source);
  if (!sourceLabels || source === undefined) throw new Error('No labels for the source language');
  const columns = context.editions.map((edition) => {
    const labels = context.labels.get(edition.lang);
    if (!labels) throw new Error(`No labels for \`${edition.lang}\``);
    const trees = editionToHast(edition, labels, { idPrefix: `${edition.lang}-`, rewriteUrl: (url) => mediaUrl(url, 0) });
    return { edition, labels, trees, byId: indexSegments(trees) };
  });

  // The title, then the authors' notes, then every segment in manuscript order.
  const rows: ElementContent[] = [
    row('title', columns.map(({ edition, trees }) => cell(edition.lang, [trees.titleBlock], 'source'))),
    row(
      'author-notes',
      columns.map(({ edition, trees }) => cell(edition.lang, trees.notes.slice(0, edition.notes.filter((note) => note.kind === 'author').length), 'source')),
    ),
  ];
  for (const segment of issue.segments) {
    rows.push(
      row(
        segment.id,
        columns.map(({ edition, labels, trees, byId }) => {
          const state = segment.states[edition.lang] ?? 'missing';
          if (state === 'missing') return cell(edition.lang, [], state, labels);
          const content =
            segment.footnote === undefined
              ? byId.get(`${edition.lang}-${segment.id}`)
              : trees.notes.find((note) => note.properties.dataNote === String(edition.noteNumbers[segment.footnote ?? '']));
          return cell(edition.lang, content ? [content] : [], state, labels);
        }),
      ),
    );
  }

  const page = fillTemplate(loadTemplate('parallel', { fragment: false }), {
    labels: sourceLabels,
    values: {
      lang: source,
      pageTitle: `${sourceLabels.t('parallelEdition')} – ${context.editions[0]?.series.name ?? ''} ${issue.frontMatter.issue}`,
      seriesName: context.editions[0]?.series.name ?? '',
      issue: issue.frontMatter.issue,
      heading: sourceLabels.t('parallelHeading'),
    },
    slots: { legend: [legend(sourceLabels)], rows },
  });
  unified().use(rehypeKeepRanges).use(rehypeHyphenate, { lang: source }).runSync(page);
  return page;
}

function indexSegments(trees: EditionTrees): Map<string, Element> {
  return new Map(trees.segments.map((element) => [String(element.properties.id), element]));
}

function row(id: string, cells: Element[]): Element {
  return h('div', { className: ['row'], id: `row-${id}`, dataSegment: id }, cells);
}

/** One language's cell; a translation that is not confirmed says so, in its language. */
function cell(lang: Lang, content: ElementContent[], state: TranslationState, labels?: Labels): Element {
  const children: ElementContent[] = [];
  if (labels && state !== 'source' && state !== 'confirmed') {
    children.push(h('p', { className: ['state', `state-${state}`] }, labels.t(`translationState.${state}`)));
  }
  children.push(...content);
  return h('div', { className: ['cell', `state-${state}`], lang }, children);
}

function legend(labels: Labels): Element {
  const states: TranslationState[] = ['confirmed', 'stale', 'unconfirmed', 'missing'];
  return h(
    'ul',
    { className: ['legend'] },
    states.map((state) => h('li', { className: [`state-${state}`] }, labels.t(`translationState.${state}`))),
  );
}

/** Write `htmlDir/parallel.html`. */
export async function writeParallelEdition(htmlDir: string, issue: ValidatedIssue, context: HtmlContext): Promise<string> {
  const file = path.join(htmlDir, 'parallel.html');
  await mkdir(htmlDir, { recursive: true });
  await writeFile(file, stringifyHtml(renderParallelPage(issue, context)));
  return file;
}
