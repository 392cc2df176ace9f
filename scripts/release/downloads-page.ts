/**
 * The downloads page of a release, `index.html`: one section per language, each in its
 * language, listing the files with their format, language, size and SHA-256. A draft's
 * says it is one in every language and lists the problems it was released despite.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { templatesDir } from '../project.js';
import type { Labels } from '../render/labels.js';
import { fillTemplate, loadTemplate } from '../render/template.js';
import type { Manifest } from './manifest.js';

/** The page as a hast tree: the source language's page with a section per language. */
export function renderDownloadsPage(manifest: Manifest, labels: Map<string, Labels>, archive: string): Root {
  const [first] = manifest.languages;
  const main = first === undefined ? undefined : labels.get(first);
  if (!main || first === undefined) throw new Error('No labels for the release');
  const styles = ['fonts.css', 'downloads.css']
    .map((name) => readFileSync(path.join(templatesDir, 'styles', name), 'utf8'))
    .join('\n');
  return fillTemplate(loadTemplate('downloads', { fragment: false }), {
    labels: main,
    values: {
      lang: first,
      pageTitle: `${manifest.series[first] ?? ''} ${manifest.issue} – ${manifest.languages.map((lang) => labels.get(lang)?.t('release.title')).join(' / ')}`,
      // Fonts are not part of a release: the page falls back to the system's.
      styles: styles.replace(/@font-face\s*\{[^}]*\}/g, ''),
      seriesName: manifest.series[first] ?? '',
      issue: manifest.issue,
      archive,
      archiveHeading: manifest.languages.map((lang) => labels.get(lang)?.t('release.everything')).join(' / '),
    },
    slots: {
      draft: manifest.draft
        ? [
            ...manifest.languages.map((lang) =>
              h('p', { className: ['draft'], lang, role: 'note' }, labels.get(lang)?.t('release.draft') ?? ''),
            ),
            ...draftProblems(manifest, labels),
          ]
        : [],
      sections: manifest.languages.map((lang) => section(manifest, lang, labels.get(lang) ?? main)),
    },
  });
}

/** The problems a draft was released despite, as the manifest lists them; nothing when there are none. */
function draftProblems(manifest: Manifest, labels: Map<string, Labels>): Element[] {
  const problems = manifest.problems ?? [];
  if (problems.length === 0) return [];
  return [
    // Part of the draft's note, not a section: the page's first heading stays its h1.
    h('div', { className: ['draft-problems'], role: 'note' }, [
      h('p', manifest.languages.map((lang) => labels.get(lang)?.t('release.problems')).join(' / ')),
      // The release words its problems in English, whatever the languages of the issue.
      h(
        'ul',
        { lang: 'en' },
        problems.map((problem) => h('li', problem)),
      ),
    ]),
  ];
}

function section(manifest: Manifest, lang: string, labels: Labels): Element {
  const t = labels.t;
  const number = new Intl.NumberFormat(labels.locale);
  const files = manifest.files.filter((file) => file.languages.includes(lang));
  return h('section', { lang, ariaLabelledBy: `downloads-${lang}` }, [
    h(
      'h1',
      { id: `downloads-${lang}` },
      t('release.heading', { series: manifest.series[lang] ?? '', issue: manifest.issue }),
    ),
    h('p', [manifest.titles[lang] ?? '', ' – ', manifest.authors.map((author) => author[lang] ?? '').join(', ')]),
    h('div', { className: ['table-wrap'] }, [
      h('table', [
        h('thead', [
          h(
            'tr',
            [
              t('release.file'),
              t('release.format'),
              t('release.language'),
              t('release.size'),
              t('release.checksum'),
            ].map((label) => h('th', { scope: 'col' }, label)),
          ),
        ]),
        h(
          'tbody',
          files.map((file) =>
            h('tr', [
              h('td', { className: ['file'] }, [h('a', { href: file.name, type: file.mediaType }, file.name)]),
              h('td', t(`release.formats.${file.format}`)),
              h('td', file.languages.length > 1 ? t('release.bothLanguages') : labels.t('languageName')),
              h('td', { className: ['size'] }, `${number.format(Math.ceil(file.bytes / 1024))} kB`),
              h('td', [h('code', file.sha256)]),
            ]),
          ),
        ),
      ]),
    ]),
  ]);
}
