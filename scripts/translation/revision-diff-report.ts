/**
 * A revision diff for people and programs: the terminal (with or without colour), a
 * JSON document of a fixed shape, and a self-contained HTML page with the languages
 * side by side.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { hasErrors } from '../messages/report.js';
import type { Lang } from '../manuscript/schema.js';
import { templatesDir } from '../project.js';
import type { Labels } from '../render/labels.js';
import { fillTemplate, loadTemplate } from '../render/template.js';
import type { DefaultChoice } from './default-versions.js';
import type { ReadVersion } from './read-version.js';
import { hasDifference } from './revision-diff.js';
import type {
  BlockDiff,
  Change,
  LanguageSummary,
  Place,
  RevisionDiff,
  SegmentDiff,
  TranslationFollowUp,
} from './revision-diff.js';
import { formatWordDiff } from './word-diff.js';
import type { DiffPart } from './word-diff.js';

/** What was compared with what. */
export interface DiffSubject {
  /** The issue's slug. */
  issue: string;
  from: ReadVersion;
  to: ReadVersion;
  /** How the versions were chosen when none was given (`defaultVersions`); absent when given. */
  choice?: DefaultChoice | undefined;
}

// ---------------------------------------------------------------------------------------
// Terminal

const ansi = { bold: [1, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/**
 * The diff as lines for a terminal: a heading, one entry per segment that differs (the
 * word diff of each changed block as `[-deleted-]{+inserted+}`), and a summary line per
 * language. `color` uses ANSI colours as well as the brackets.
 */
export function formatTerminal(diff: RevisionDiff, subject: DiffSubject, options: { color: boolean }): string {
  const paint = (style: keyof typeof ansi, text: string) =>
    options.color ? `\u001b[${ansi[style][0]}m${text}\u001b[${ansi[style][1]}m` : text;
  const changeColor: Record<Change, keyof typeof ansi> = {
    added: 'green',
    removed: 'red',
    changed: 'yellow',
    unchanged: 'bold',
  };
  const lines = [paint('bold', `${subject.issue}: ${subject.from.label} → ${subject.to.label}`)];
  if (subject.choice === 'last-change') {
    lines.push(
      'No change in the working tree: the manuscript’s last change, between the two commits that changed it last.',
    );
  }
  const differing = diff.segments.filter(hasDifference);
  for (const segment of differing) {
    const marks = [
      ...(segment.change === 'unchanged' ? [] : [paint(changeColor[segment.change], segment.change)]),
      ...(segment.moved
        ? [paint('cyan', `moved: position ${segment.from?.index ?? '?'} → ${segment.to?.index ?? '?'}`)]
        : []),
    ];
    lines.push('', `${paint('bold', `#${segment.id}`)} ${marks.join(', ')} ${placeText(segment.from, segment.to)}`);
    for (const lang of diff.languages) {
      const block = segment.blocks.find((candidate) => candidate.lang === lang);
      const followUp = followUpOf(diff, segment, lang);
      if ((!block || block.change === 'unchanged') && followUp === undefined) continue;
      const state = !block
        ? 'missing'
        : block.change === 'unchanged'
          ? 'unchanged'
          : paint(changeColor[block.change], block.change);
      const note = followUp ? ` (${paint(followUp === 'changed' ? 'cyan' : 'yellow', followUpText[followUp])})` : '';
      lines.push(`  ${lang} ${state}${note}`);
      if (block && block.change !== 'unchanged') lines.push(indent(formatWordDiff(block.words, options.color), '    '));
    }
  }
  if (differing.length === 0) lines.push('', 'No differences.');
  lines.push('');
  for (const lang of diff.languages) {
    const counts = diff.summary[lang];
    if (counts) lines.push(`${lang}: ${summaryText(counts, lang !== diff.source)}`);
  }
  return `${lines.join('\n')}\n`;
}

const followUpText: Record<TranslationFollowUp, string> = {
  changed: 'changed with its source: review and confirm it',
  'not-changed': 'translation not updated: its source changed; stale or needs review',
  missing: 'no translation, and its source changed',
};

function summaryText(counts: LanguageSummary, isTarget: boolean): string {
  const parts = [
    `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed, ${counts.unchanged} unchanged`,
    `${counts.moved} moved`,
  ];
  if (isTarget) parts.push(`${counts.notUpdated} not updated`);
  return parts.join('; ');
}

function placeText(from: Place | undefined, to: Place | undefined): string {
  const line = (place: Place | undefined) => (place?.line === undefined ? '–' : String(place.line));
  if (from && to) return `(line ${line(from)} → ${line(to)})`;
  return to ? `(line ${line(to)})` : `(was line ${line(from)})`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${prefix}${line}`))
    .join('\n');
}

/** What happened to `lang`'s translation when the segment's source block changed. */
function followUpOf(diff: RevisionDiff, segment: SegmentDiff, lang: Lang): TranslationFollowUp | undefined {
  return segment.blocks.find((block) => block.lang === diff.source)?.translations?.[lang];
}

// ---------------------------------------------------------------------------------------
// JSON

/** The version of the JSON shape; raised only when a field changes meaning or goes. */
export const jsonFormatVersion = 1;

/**
 * The diff as a JSON value of a fixed shape (documented in docs/revision-diff.md):
 * every key always present, `null` where a value does not apply; only the segments
 * that differ are listed.
 */
export function toJson(diff: RevisionDiff, subject: DiffSubject): unknown {
  const version = (read: ReadVersion) => ({
    kind: read.spec.kind,
    label: read.label,
    revision: read.spec.kind === 'revision' ? read.spec.revision : null,
    commit: read.commit ?? null,
    date: read.date ?? null,
    path: read.path,
    errors: hasErrors(read.result.files),
  });
  const place = (value: Place | undefined) => (value ? { index: value.index, line: value.line ?? null } : null);
  const block = (value: BlockDiff) => ({
    lang: value.lang,
    change: value.change,
    from: value.from ? { ...place(value.from), state: value.from.state } : null,
    to: value.to ? { ...place(value.to), state: value.to.state } : null,
    words: value.words.map((part) => ({ type: part.type, text: part.text })),
    translations: value.translations ?? null,
  });
  return {
    version: jsonFormatVersion,
    issue: subject.issue,
    default: subject.choice ?? null,
    from: version(subject.from),
    to: version(subject.to),
    languages: diff.languages,
    source: diff.source ?? null,
    summary: diff.summary,
    segments: diff.segments.filter(hasDifference).map((segment) => ({
      id: segment.id,
      change: segment.change,
      moved: segment.moved,
      from: place(segment.from),
      to: place(segment.to),
      blocks: segment.blocks.map(block),
    })),
  };
}

// ---------------------------------------------------------------------------------------
// HTML

/**
 * The HTML report (`templates/html/revision-diff.html`, its stylesheet inlined so the
 * page is one file): a summary table, then every segment that differs with one column
 * per language, each showing that language's change word by word, and on a translation
 * whether it followed its source. Interface labels are in `labels`' language.
 */
export function renderHtmlReport(diff: RevisionDiff, subject: DiffSubject, labels: Labels): Root {
  const t = labels.t;
  const names = new Intl.DisplayNames(labels.locale, { type: 'language' });
  const languageName = (lang: Lang) => names.of(lang) ?? lang;
  const issueNumber = subject.to.result.issue?.frontMatter.issue ?? subject.from.result.issue?.frontMatter.issue;
  const differing = diff.segments.filter(hasDifference);
  return fillTemplate(loadTemplate('revision-diff', { fragment: false }), {
    labels,
    values: {
      lang: labels.lang,
      styles: readFileSync(path.join(templatesDir, 'styles', 'revision-diff.css'), 'utf8'),
      pageTitle: t('revisionDiff.pageTitle', {
        issue: issueNumber ?? subject.issue,
        from: subject.from.label,
        to: subject.to.label,
      }),
      issue: issueNumber ?? subject.issue,
      heading: t('revisionDiff.heading', { from: subject.from.label, to: subject.to.label }),
      fromPath: subject.from.path,
      toPath: subject.to.path,
    },
    slots: {
      summary: [summaryTable(diff, labels, languageName)],
      legend: [legend(labels)],
      segments:
        differing.length === 0
          ? [h('p', { className: ['no-differences'] }, t('revisionDiff.noDifferences'))]
          : differing.map((segment) => segmentSection(diff, segment, labels, languageName)),
    },
  });
}

function summaryTable(diff: RevisionDiff, labels: Labels, languageName: (lang: Lang) => string): Element {
  const t = labels.t;
  const columns: Array<[string, (counts: LanguageSummary, lang: Lang) => string]> = [
    [t('revisionDiff.change.added'), (counts) => String(counts.added)],
    [t('revisionDiff.change.removed'), (counts) => String(counts.removed)],
    [t('revisionDiff.change.changed'), (counts) => String(counts.changed)],
    [t('revisionDiff.moved'), (counts) => String(counts.moved)],
    [t('revisionDiff.change.unchanged'), (counts) => String(counts.unchanged)],
    [t('revisionDiff.notUpdated'), (counts, lang) => (lang === diff.source ? '–' : String(counts.notUpdated))],
  ];
  // A narrow screen scrolls the table, not the page; the region can take the focus to
  // scroll it from the keyboard.
  const table = h('table', { className: ['summary'] }, [
    h('caption', { id: 'summary-caption' }, t('revisionDiff.summaryCaption')),
    h('thead', [
      h('tr', [
        h('th', { scope: 'col' }, t('revisionDiff.language')),
        ...columns.map(([label]) => h('th', { scope: 'col' }, label)),
      ]),
    ]),
    h(
      'tbody',
      diff.languages.map((lang) => {
        const counts = diff.summary[lang];
        return h('tr', [
          h('th', { scope: 'row' }, languageName(lang)),
          ...columns.map(([, value]) => h('td', counts ? value(counts, lang) : '')),
        ]);
      }),
    ),
  ]);
  return h('div', { className: ['table-scroll'], role: 'region', ariaLabelledBy: 'summary-caption', tabIndex: 0 }, [
    table,
  ]);
}

function legend(labels: Labels): Element {
  const t = labels.t;
  return h('ul', { className: ['legend'] }, [
    h('li', [
      ...wordPart({ type: 'insert', text: t('revisionDiff.legendExampleInserted') }, labels),
      ' ',
      t('revisionDiff.legendInserted'),
    ]),
    h('li', [
      ...wordPart({ type: 'delete', text: t('revisionDiff.legendExampleDeleted') }, labels),
      ' ',
      t('revisionDiff.legendDeleted'),
    ]),
  ]);
}

function segmentSection(
  diff: RevisionDiff,
  segment: SegmentDiff,
  labels: Labels,
  languageName: (lang: Lang) => string,
): Element {
  const t = labels.t;
  const headingId = `segment-${segment.id}`;
  const marks: Element[] = [];
  if (segment.change !== 'unchanged') {
    marks.push(h('li', { className: ['mark', `mark-${segment.change}`] }, t(`revisionDiff.change.${segment.change}`)));
  }
  if (segment.moved) {
    marks.push(
      h(
        'li',
        { className: ['mark', 'mark-moved'] },
        t('revisionDiff.movedFromTo', { from: segment.from?.index, to: segment.to?.index }),
      ),
    );
  }
  const cells = diff.languages.map((lang) => {
    const block = segment.blocks.find((candidate) => candidate.lang === lang);
    return blockCell(lang, block, followUpOf(diff, segment, lang), labels, languageName);
  });
  return h('section', { className: ['segment'], ariaLabelledBy: headingId, dataSegment: segment.id }, [
    h('div', { className: ['segment-head'] }, [
      h('h3', { id: headingId }, [
        h('span', { className: ['visually-hidden'] }, `${t('revisionDiff.segment')} `),
        h('code', `#${segment.id}`),
      ]),
      h('ul', { className: ['marks'] }, marks),
    ]),
    h('div', { className: ['cells'], style: `--columns: ${diff.languages.length}` }, cells),
  ]);
}

function blockCell(
  lang: Lang,
  block: BlockDiff | undefined,
  followUp: TranslationFollowUp | undefined,
  labels: Labels,
  languageName: (lang: Lang) => string,
): Element {
  const t = labels.t;
  const change = block?.change;
  const heading =
    change && change !== 'unchanged'
      ? `${languageName(lang)} – ${t(`revisionDiff.change.${change}`)}`
      : languageName(lang);
  const children: ElementContent[] = [h('h4', heading)];
  if (followUp) {
    const key = followUp === 'not-changed' ? 'notChanged' : followUp;
    children.push(h('p', { className: ['follow-up', `follow-up-${followUp}`] }, t(`revisionDiff.followUp.${key}`)));
  }
  children.push(
    block
      ? h(
          'p',
          { className: ['text'], lang },
          block.words.flatMap((part) => wordPart(part, labels)),
        )
      : h('p', { className: ['absent'] }, t('revisionDiff.noBlock')),
  );
  return h('div', { className: ['cell', `cell-${change ?? 'absent'}`] }, children);
}

/**
 * One run of words: as it is, or as `<ins>`/`<del>` with hidden words that say which.
 * The space after a changed run stays outside it, so `<del>old</del> <ins>new</ins>`
 * reads as two words.
 */
function wordPart(part: DiffPart, labels: Labels): ElementContent[] {
  if (part.type === 'equal') return [{ type: 'text', value: part.text }];
  const text = part.text.trimEnd();
  const space = part.text.slice(text.length);
  const [tag, start, end] =
    part.type === 'insert'
      ? ['ins', 'revisionDiff.insertionStart', 'revisionDiff.insertionEnd']
      : ['del', 'revisionDiff.deletionStart', 'revisionDiff.deletionEnd'];
  // The hidden words are in the page's language, inside text that may be in another.
  const hidden = (text: string) => h('span', { className: ['visually-hidden'], lang: labels.lang }, text);
  const element = h(tag, [hidden(`${labels.t(start)} `), text, hidden(` (${labels.t(end)})`)]);
  return space === '' ? [element] : [element, { type: 'text', value: space }];
}
