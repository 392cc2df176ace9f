/**
 * What scholars' search engines and other machines read on an edition's page: the
 * `citation_*` meta tags of Google Scholar (Highwire Press tags) and schema.org JSON-LD
 * (the analysis a `ScholarlyArticle`, part of its `PublicationIssue`, part of the series
 * as a `Periodical`; each language's edition the other's translation).
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Lang } from '../manuscript/schema.js';
import type { IssueEntry } from './issue-entry.js';
import { sitePaths } from './layout.js';
import { inLanguage, linkTo } from './site-context.js';
import type { SiteContext } from './site-context.js';
import { languageFiles } from './downloads-list.js';

/** The `citation_*` meta tags of `issue`'s edition in `lang`, for its page at `page`. */
export function citationMeta(context: SiteContext, page: string, issue: IssueEntry, lang: Lang): Element[] {
  const edition = issue.editions[lang];
  if (!edition) return [];
  const meta = (name: string, content: string) => h('meta', { name, content });
  const pdf = languageFiles(issue, lang).find((file) => file.format === 'pdf');
  const { series } = context;
  return [
    meta('citation_title', edition.title),
    // "Family, Given": the form Google Scholar reads without doubt about the order.
    ...issue.people.map((person) => meta('citation_author', `${person.family}, ${person.given}`)),
    meta('citation_publication_date', issue.date.replaceAll('-', '/')),
    meta('citation_journal_title', inLanguage(series.name, lang)),
    meta('citation_issue', issue.issue),
    meta('citation_language', lang),
    meta('citation_publisher', inLanguage(series.publisher.institute, lang)),
    ...(series.issn ? [meta('citation_issn', series.issn)] : []),
    ...(edition.doi ? [meta('citation_doi', edition.doi)] : []),
    ...edition.keywords.map((keyword) => meta('citation_keywords', keyword)),
    meta('citation_abstract_html_url', linkTo(context, page, sitePaths.issue(lang, issue.slug), true)),
    meta('citation_fulltext_html_url', linkTo(context, page, page, true)),
    ...(pdf ? [meta('citation_pdf_url', linkTo(context, page, sitePaths.download(issue.slug, pdf.name), true))] : []),
  ];
}

/** The schema.org description of `issue`'s edition in `lang`, as a JSON-LD object. */
export function scholarlyArticle(context: SiteContext, page: string, issue: IssueEntry, lang: Lang): object {
  const edition = issue.editions[lang];
  const { series } = context;
  const url = (lang: Lang) => linkTo(context, page, sitePaths.read(lang, issue.slug), true);
  const id = (lang: Lang) => `${url(lang)}#article`;
  const source = issue.languages[0];
  const others = issue.languages.filter((other) => other !== lang);
  const publisher = { '@type': 'Organization', name: inLanguage(series.publisher.institute, lang) };
  const periodical = {
    '@type': 'Periodical',
    '@id': `${linkTo(context, page, sitePaths.home(lang), true)}#series`,
    name: inLanguage(series.name, lang),
    ...(series.issn ? { issn: series.issn } : {}),
    publisher,
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': id(lang),
    url: url(lang),
    headline: edition?.title ?? '',
    name: edition?.title ?? '',
    ...(edition?.subtitle ? { alternativeHeadline: edition.subtitle } : {}),
    inLanguage: lang,
    datePublished: issue.date,
    author: issue.people.map((person, index) => ({
      '@type': 'Person',
      name: edition?.authors[index] ?? '',
      givenName: person.given,
      familyName: person.family,
    })),
    keywords: edition?.keywords.join(', ') ?? '',
    ...(edition?.summary ? { abstract: edition.summary } : {}),
    publisher,
    ...(edition?.doi
      ? {
          identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: edition.doi },
          sameAs: `https://doi.org/${edition.doi}`,
        }
      : {}),
    isPartOf: {
      '@type': 'PublicationIssue',
      '@id': `${linkTo(context, page, sitePaths.issue(lang, issue.slug), true)}#issue`,
      issueNumber: issue.issue,
      datePublished: issue.date,
      isPartOf: periodical,
    },
    encoding: languageFiles(issue, lang).map((file) => ({
      '@type': 'MediaObject',
      contentUrl: linkTo(context, page, sitePaths.download(issue.slug, file.name), true),
      encodingFormat: file.format === 'pdf' ? 'application/pdf' : 'application/epub+zip',
    })),
    // The source language's edition has translations; a translation is one of the source's.
    ...(lang === source
      ? others.length > 0
        ? { workTranslation: others.map((other) => ({ '@id': id(other), inLanguage: other })) }
        : {}
      : source !== undefined
        ? { translationOfWork: { '@id': id(source), inLanguage: source } }
        : {}),
  };
}

/** `data` as a `<script type="application/ld+json">`; `<` escaped so that no text can close the script. */
export function jsonLdScript(data: object): Element {
  return h('script', { type: 'application/ld+json' }, JSON.stringify(data, null, 2).replaceAll('<', '\\u003c'));
}
