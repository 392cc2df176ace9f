/**
 * An issue's own pages in one language: its page (title, authors, date, summary, the
 * way to read it and its downloads) and its HTML edition, the edition's text in the
 * site's shell with the metadata scholars' search engines read. Made only when the
 * issue changed.
 */
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import type { Lang } from '../manuscript/schema.js';
import type { Edition } from '../manuscript/split-editions.js';
import { editionBody } from '../render/edition-page.js';
import { rehypeHyphenate } from '../render/hyphenate.js';
import { rehypeKeepRanges } from '../render/rehype-keep-ranges.js';
import { typeset } from '../render/typography.js';
import { downloadLinks, languageFiles } from './downloads-list.js';
import type { IssueEntry } from './issue-entry.js';
import { relativeLink, sitePaths } from './layout.js';
import { searchBody, searchIgnore } from './search-marks.js';
import { citationMeta, jsonLdScript, scholarlyArticle } from './scholarly-metadata.js';
import { inLanguage, linkTo, siteLabels } from './site-context.js';
import type { SiteContext } from './site-context.js';
import { renderSitePage } from './site-page.js';

/** The page of each language of the issue, by site path. */
function issueAlternates(issue: IssueEntry, pathOf: (lang: Lang, slug: string) => string) {
  return Object.fromEntries(issue.languages.map((lang) => [lang, pathOf(lang, issue.slug)]));
}

/** The issue's page in `lang`: what it is, where to read it, its downloads. */
export function issuePage(context: SiteContext, issue: IssueEntry, lang: Lang): Root {
  const labels = siteLabels(context, lang);
  const rules = labels.typography;
  const page = sitePaths.issue(lang, issue.slug);
  const edition = issue.editions[lang];
  const title = typeset(edition?.title ?? '', rules);
  const files = languageFiles(issue, lang);
  const downloads: ElementContent[] =
    issue.downloads === 'not-built'
      ? [h('p', [labels.t('site.notBuilt'), ' ', h('code', `jlaga build ${issue.slug}`)])]
      : [
          ...(issue.downloads === 'draft'
            ? [h('p', { className: ['draft-files'] }, labels.t('site.draftDownloads'))]
            : []),
          h('ul', { className: ['download-list'] }, [
            ...downloadLinks(context, page, issue, lang).map((item, index) => {
              const file = files[index];
              if (!file?.sha256 || item.type !== 'element') return item;
              item.children.push(
                h(
                  'span',
                  { className: ['file-details'] },
                  labels.t('site.fileDetails', { size: fileSize(file.bytes, labels.locale), sha256: file.sha256 }),
                ),
              );
              return item;
            }),
          ]),
        ];
  return renderSitePage(context, {
    path: page,
    lang,
    title: `${title} – ${inLanguage(context.series.name, lang)} ${issue.issue}`,
    description: typeset(edition?.summary ?? title, rules),
    alternates: issueAlternates(issue, sitePaths.issue),
    draft: issue.downloads === 'draft',
    main: [
      h('article', { className: ['issue-page'], ...searchBody(lang, 'issue', { ...issue, title }) }, [
        h('p', { className: ['issue-meta'], ...searchIgnore }, [
          h('span', { className: ['issue-number'] }, labels.t('issueNumber', { issue: issue.issue })),
          ' · ',
          h('time', { dateTime: issue.date }, labels.formatDate(issue.date)),
        ]),
        h('h1', title),
        ...(edition?.subtitle ? [h('p', { className: ['subtitle'] }, typeset(edition.subtitle, rules))] : []),
        h('p', { className: ['authors'] }, edition?.authors.join(', ') ?? ''),
        ...(edition?.summary ? [h('p', { className: ['issue-summary'] }, typeset(edition.summary, rules))] : []),
        ...(edition?.doi
          ? [
              h('p', { className: ['doi'] }, [
                `${labels.t('site.doi')}: `,
                h('a', { href: `https://doi.org/${edition.doi}` }, `https://doi.org/${edition.doi}`),
              ]),
            ]
          : []),
        h('p', { className: ['read-online'] }, [
          h('a', { href: linkTo(context, page, sitePaths.read(lang, issue.slug)) }, labels.t('site.readOnline')),
        ]),
        h('section', { className: ['downloads'], ariaLabelledBy: 'downloads-title', ...searchIgnore }, [
          h('h2', { id: 'downloads-title' }, labels.t('site.downloadsHeading')),
          ...downloads,
        ]),
      ]),
    ],
  });
}

/** The issue's HTML edition in `lang`, in the site's shell, with its citation metadata and JSON-LD. */
export function readPage(context: SiteContext, issue: IssueEntry, edition: Edition): Root {
  const { lang } = edition;
  const labels = siteLabels(context, lang);
  const page = sitePaths.read(lang, issue.slug);
  const body = editionBody(edition, labels, {
    rewriteUrl: (url) =>
      url.startsWith('assets/') ? relativeLink(page, sitePaths.media(issue.slug, url.slice('assets/'.length))) : url,
  });
  const main: Root = {
    type: 'root',
    children: [
      h('article', searchBody(lang, 'edition', { ...issue, title: typeset(edition.title, labels.typography) }), [
        ...body['title-block'],
        // The links to the files and the contents are no text to find.
        ...[...downloadsNav(context, page, issue, lang), ...body.toc].map((node) =>
          node.type === 'element' ? { ...node, properties: { ...node.properties, ...searchIgnore } } : node,
        ),
        ...body.content,
        ...body.notes,
      ]),
      ...body['editors-page'],
    ],
  };
  unified().use(rehypeKeepRanges).use(rehypeHyphenate, { lang }).runSync(main);
  const title = typeset(edition.title, labels.typography);
  return renderSitePage(context, {
    path: page,
    lang,
    title: `${title} – ${edition.series.name} ${edition.issue}`,
    description: typeset(issue.editions[lang]?.summary ?? title, labels.typography),
    alternates: issueAlternates(issue, sitePaths.read),
    head: [...citationMeta(context, page, issue, lang), jsonLdScript(scholarlyArticle(context, page, issue, lang))],
    scripts: [
      h('script', {
        src: relativeLink(page, `${sitePaths.assets}/notes.js`),
        defer: true,
        dataCloseLabel: labels.t('closeNote'),
      }),
    ],
    main: main.children as ElementContent[],
  });
}

/** The edition's PDF and EPUB, linked below its title; nothing when they are not built. */
function downloadsNav(context: SiteContext, page: string, issue: IssueEntry, lang: Lang): ElementContent[] {
  const links = downloadLinks(context, page, issue, lang);
  if (links.length === 0) return [];
  const labels = siteLabels(context, lang);
  return [
    h('nav', { className: ['edition-downloads'], ariaLabel: labels.t('site.downloadsHeading') }, [h('ul', links)]),
  ];
}

/** A size in the language's numbers: `1.2 MB`, `340 kB`. */
function fileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  return bytes >= 1_000_000 ? format(bytes / 1_000_000, 'MB') : format(Math.max(1, Math.round(bytes / 1000)), 'kB');
}
