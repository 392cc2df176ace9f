/**
 * The downloads page of a release, `index.html`: one section per language, each in its
 * language, with links to read the HTML editions online (in the release's `html/`) and
 * the files, each with its format, language, size and SHA-256. Set in the house fonts,
 * which the release's `html/assets/` holds, light or dark as the reader's system is, from
 * 320 px up: every file is a block of its own, its checksum broken where it must. A
 * draft's says it is one in every language and lists the problems it was released despite.
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
  const styles = readFileSync(path.join(templatesDir, 'styles', 'downloads.css'), 'utf8');
  return fillTemplate(loadTemplate('downloads', { fragment: false }), {
    labels: main,
    values: {
      lang: first,
      pageTitle: `${manifest.series[first] ?? ''} ${manifest.issue} – ${manifest.languages.map((lang) => labels.get(lang)?.t('release.title')).join(' / ')}`,
      // The editions' fonts, from their assets beside the parallel page.
      fonts: path.posix.join(path.posix.dirname(manifest.online.parallel), 'assets', 'fonts.css'),
      styles,
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
  const edition = manifest.online.editions[lang];
  const online = [
    ...(edition === undefined ? [] : [h('li', [h('a', { href: edition, hreflang: lang }, t('readInLanguage'))])]),
    h('li', [h('a', { href: manifest.online.parallel }, t('release.parallelOnline'))]),
  ];
  return h('section', { lang, ariaLabelledBy: `downloads-${lang}` }, [
    h(
      'h1',
      { id: `downloads-${lang}` },
      t('release.heading', { series: manifest.series[lang] ?? '', issue: manifest.issue }),
    ),
    h('p', { className: ['work'] }, [
      h('span', { className: ['title'] }, manifest.titles[lang] ?? ''),
      ' – ',
      manifest.authors.map((author) => author[lang] ?? '').join(', '),
    ]),
    h('h2', { id: `online-${lang}` }, t('release.readOnline')),
    h('ul', { className: ['online'], ariaLabelledBy: `online-${lang}` }, online),
    h('h2', { id: `files-${lang}` }, t('release.files')),
    h(
      'ul',
      { className: ['files'], ariaLabelledBy: `files-${lang}` },
      files.map((file) =>
        h('li', [
          h('a', { className: ['file-name'], href: file.name, type: file.mediaType }, file.name),
          h('dl', [
            entry(t('release.format'), t(`release.formats.${file.format}`)),
            entry(
              t('release.language'),
              file.languages.length > 1 ? t('release.bothLanguages') : labels.t('languageName'),
            ),
            entry(t('release.size'), `${number.format(Math.ceil(file.bytes / 1024))} kB`),
            entry(t('release.checksum'), h('code', file.sha256), 'checksum'),
          ]),
        ]),
      ),
    ),
  ]);
}

/** One term of a file's description, and its value. */
function entry(term: string, value: string | Element, className?: string): Element {
  return h('div', { className: className === undefined ? [] : [className] }, [h('dt', term), h('dd', [value])]);
}
