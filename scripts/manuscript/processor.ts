/**
 * The one place that assembles the unified processor of a manuscript.
 *
 * Every stage that reads a manuscript goes through `createManuscriptProcessor`.
 */
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkFootnoteRules } from './remark-footnote-rules.js';
import { remarkIssueFrontMatter } from './remark-issue-front-matter.js';
import { remarkSegments } from './remark-segments.js';
import { remarkTranslationQa } from './remark-translation-qa.js';
import type { Lang } from './schema.js';

export interface ManuscriptProcessorOptions {
  /** The issue's slug, for the hints in messages. */
  slug: string;
  /** Languages the project has interface labels for. */
  supported: readonly Lang[];
}

/** remark-parse with the syntax extensions, then our plugins that give it meaning. */
export function createManuscriptProcessor(options: ManuscriptProcessorOptions) {
  return (
    unified()
      // Syntax: CommonMark, then GFM (footnotes, tables), `---` YAML, `:::` directives.
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkDirective)
      // Meaning: the front matter, the aligned segments, the footnote rules.
      .use(remarkIssueFrontMatter, { supported: options.supported })
      .use(remarkSegments, { slug: options.slug })
      .use(remarkFootnoteRules)
      // Translation QA: each translation compared with its source block, as warnings.
      .use(remarkTranslationQa)
  );
}
