/** The links to an issue's PDF and EPUB in one language, as the home and the issue page show them. */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Lang } from '../manuscript/schema.js';
import type { DownloadEntry, IssueEntry } from './issue-entry.js';
import { sitePaths } from './layout.js';
import { linkTo, siteLabels } from './site-context.js';
import type { SiteContext } from './site-context.js';

/** The files of `issue` in `lang`, PDF first. */
export function languageFiles(issue: IssueEntry, lang: Lang): DownloadEntry[] {
  return issue.files
    .filter((file) => file.lang === lang)
    .sort((a, b) => (a.format === b.format ? 0 : a.format === 'pdf' ? -1 : 1));
}

/** One `li` per file of `issue` in `lang`, linked from the page at `page`; a draft's marked as such. */
export function downloadLinks(context: SiteContext, page: string, issue: IssueEntry, lang: Lang): ElementContent[] {
  const labels = siteLabels(context, lang);
  return languageFiles(issue, lang).map((file) => {
    const text = labels.t(file.format === 'pdf' ? 'downloadPdf' : 'downloadEpub');
    return h('li', [
      h(
        'a',
        {
          href: linkTo(context, page, sitePaths.download(issue.slug, file.name)),
          type: file.format === 'pdf' ? 'application/pdf' : 'application/epub+zip',
        },
        issue.downloads === 'draft' ? `${text} (${labels.t('site.draft')})` : text,
      ),
    ]);
  });
}
