/**
 * The pages that list the series' issues or speak of the series, one of each per
 * language: the home (every issue, newest first), the index of authors, the series'
 * description and its editors; and the language choice at the site's root. Cheap to
 * make from the issues' entries, so they are made on every build.
 */
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { formatName } from '../manuscript/names.js';
import type { Lang } from '../manuscript/schema.js';
import { fillTemplate, loadTemplateFile } from '../render/template.js';
import { typeset } from '../render/typography.js';
import type { IssueEntry } from './issue-entry.js';
import { sitePaths } from './layout.js';
import { inLanguage, linkTo, siteLabels } from './site-context.js';
import type { SiteContext } from './site-context.js';
import { renderSitePage } from './site-page.js';
import { downloadLinks } from './downloads-list.js';

/** The same page in every language of the site, by site path. */
function everyLanguage(context: SiteContext, pathOf: (lang: Lang) => string): Partial<Record<Lang, string>> {
  return Object.fromEntries(context.languages.map((lang) => [lang, pathOf(lang)]));
}

/** The home of `lang`: every issue written in it, newest first. */
export function homePage(context: SiteContext, lang: Lang): Root {
  const labels = siteLabels(context, lang);
  const page = sitePaths.home(lang);
  const link = (to: string) => linkTo(context, page, to);
  const issues = context.issues.filter((issue) => issue.languages.includes(lang));
  const seriesName = inLanguage(context.series.name, lang);
  const cards = issues.map((issue) => {
    const edition = issue.editions[lang];
    if (!edition) return h('li');
    const rules = labels.typography;
    return h('li', [
      h('article', { className: ['issue-card'], ariaLabelledBy: `issue-${issue.slug}` }, [
        h('p', { className: ['issue-meta'] }, [
          h('span', { className: ['issue-number'] }, labels.t('issueNumber', { issue: issue.issue })),
          ' · ',
          h('time', { dateTime: issue.date }, labels.formatDate(issue.date)),
        ]),
        h('h2', { id: `issue-${issue.slug}` }, [
          h('a', { href: link(sitePaths.issue(lang, issue.slug)) }, typeset(edition.title, rules)),
        ]),
        h('p', { className: ['authors'] }, edition.authors.join(', ')),
        ...(edition.summary ? [h('p', { className: ['issue-summary'] }, typeset(edition.summary, rules))] : []),
        h('ul', { className: ['issue-links'] }, [
          h('li', [h('a', { href: link(sitePaths.read(lang, issue.slug)) }, labels.t('site.readOnline'))]),
          ...downloadLinks(context, page, issue, lang),
        ]),
      ]),
    ]);
  });
  return renderSitePage(context, {
    path: page,
    lang,
    title: labels.t('site.homeTitle', { series: seriesName }),
    description: typeset(inLanguage(context.series.description, lang), labels.typography),
    alternates: everyLanguage(context, sitePaths.home),
    main: [
      h('h1', labels.t('site.homeHeading')),
      issues.length > 0 ? h('ol', { className: ['issue-list'] }, cards) : h('p', labels.t('site.noIssues')),
    ],
  });
}

/** The index of authors of `lang`: each author in the language's name order, with the issues they wrote. */
export function authorsPage(context: SiteContext, lang: Lang): Root {
  const labels = siteLabels(context, lang);
  const page = sitePaths.authors(lang);
  const byPerson = new Map<string, { family: string; given: string; issues: IssueEntry[] }>();
  for (const issue of context.issues.filter((candidate) => candidate.languages.includes(lang))) {
    for (const person of issue.people) {
      const key = `${person.family}\u0000${person.given}`;
      const entry = byPerson.get(key) ?? { ...person, issues: [] };
      entry.issues.push(issue);
      byPerson.set(key, entry);
    }
  }
  const collator = new Intl.Collator(labels.locale);
  const people = [...byPerson.values()].sort(
    (a, b) => collator.compare(a.family, b.family) || collator.compare(a.given, b.given),
  );
  const seriesName = inLanguage(context.series.name, lang);
  return renderSitePage(context, {
    path: page,
    lang,
    title: labels.t('site.authorsTitle', { series: seriesName }),
    description: labels.t('site.authorsTitle', { series: seriesName }),
    alternates: everyLanguage(context, sitePaths.authors),
    main: [
      h('h1', labels.t('site.authorsHeading')),
      h(
        'ul',
        { className: ['author-list'] },
        people.map((person) =>
          h('li', [
            h('h2', { className: ['author-name'] }, formatName(person, lang)),
            h(
              'ul',
              person.issues.map((issue) =>
                h('li', [
                  h(
                    'a',
                    { href: linkTo(context, page, sitePaths.issue(lang, issue.slug)) },
                    typeset(issue.editions[lang]?.title ?? '', labels.typography),
                  ),
                  ` (${issue.issue})`,
                ]),
              ),
            ),
          ]),
        ),
      ),
    ],
  });
}

/** The series' description in `lang`: what it is, who edits it, its ISSN. */
export function aboutPage(context: SiteContext, lang: Lang): Root {
  const labels = siteLabels(context, lang);
  const rules = labels.typography;
  const { series } = context;
  return renderSitePage(context, {
    path: sitePaths.about(lang),
    lang,
    title: `${labels.t('site.aboutHeading')} – ${inLanguage(series.name, lang)}`,
    description: typeset(inLanguage(series.description, lang), rules),
    alternates: everyLanguage(context, sitePaths.about),
    main: [
      h('article', { className: ['series-about'] }, [
        h('h1', labels.t('site.aboutHeading')),
        h('p', typeset(inLanguage(series.description, lang), rules)),
        h('p', typeset(inLanguage(series.editing, lang), rules)),
        ...(series.issn ? [h('p', { className: ['issn'] }, labels.t('site.issn', { issn: series.issn }))] : []),
      ]),
    ],
  });
}

/** The editors and publisher of the series in `lang`, with its contact. */
export function editorsPage(context: SiteContext, lang: Lang): Root {
  const labels = siteLabels(context, lang);
  const { series } = context;
  const row = (term: string, ...values: Array<ElementContent | string>) => [h('dt', term), h('dd', values)];
  return renderSitePage(context, {
    path: sitePaths.editors(lang),
    lang,
    title: `${labels.t('site.editorsHeading')} – ${inLanguage(series.name, lang)}`,
    description: `${labels.t('site.editorsHeading')} – ${inLanguage(series.name, lang)}`,
    alternates: everyLanguage(context, sitePaths.editors),
    main: [
      h('article', { className: ['series-editors'] }, [
        h('h1', labels.t('site.editorsHeading')),
        h(
          'ul',
          { className: ['editor-list'] },
          series.editors.map((person) => h('li', formatName(person, lang))),
        ),
        h('dl', { className: ['series-facts'] }, [
          ...row(
            labels.t('publisher'),
            inLanguage(series.publisher.institute, lang),
            h('br'),
            inLanguage(series.publisher.centre, lang),
            h('br'),
            inLanguage(series.publisher.university, lang),
          ),
          ...row(labels.t('postalAddress'), inLanguage(series.contact.postal, lang)),
          ...row(labels.t('address'), inLanguage(series.contact.street, lang)),
          ...row(labels.t('telephone'), series.contact.telephone),
          ...row(labels.t('email'), h('a', { href: `mailto:${series.contact.email}` }, series.contact.email)),
        ]),
      ]),
    ],
  });
}

/** The root: a choice of language, each home linked in its own language (the `x-default`). */
export function languageChoicePage(context: SiteContext): Root {
  const first = context.languages[0] ?? 'en';
  const labels = siteLabels(context, first);
  const page = sitePaths.root;
  return fillTemplate(loadTemplateFile('site/language-choice.html', { fragment: false }), {
    labels,
    values: { lang: first, pageTitle: inLanguage(context.series.name, first) },
    slots: {
      head: [
        ...context.languages.map((lang) =>
          h('link', { rel: 'alternate', hreflang: lang, href: linkTo(context, page, sitePaths.home(lang), true) }),
        ),
        h('link', { rel: 'alternate', hreflang: 'x-default', href: linkTo(context, page, page, true) }),
      ],
      languages: context.languages.map((lang) =>
        h('li', [
          h('a', { href: linkTo(context, page, sitePaths.home(lang)), hreflang: lang, lang }, [
            h('span', { className: ['series-name'] }, inLanguage(context.series.name, lang)),
            h('span', { className: ['language-name'] }, siteLabels(context, lang).t('languageName')),
          ]),
        ]),
      ),
    },
  });
}
