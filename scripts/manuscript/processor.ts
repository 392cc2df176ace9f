/**
 * The one place that assembles the unified processor of a manuscript.
 *
 * Every stage that reads a manuscript goes through `createManuscriptProcessor`.
 */
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkComments } from './remark-comments.js';
import { remarkFootnoteRules } from './remark-footnote-rules.js';
import { remarkGlossary } from './remark-glossary.js';
import type { Glossary } from './glossary.js';
import { remarkGfmSyntax } from './remark-gfm-syntax.js';
import { remarkIssueFrontMatter } from './remark-issue-front-matter.js';
import { remarkNestingRules } from './remark-nesting-rules.js';
import { remarkReferenceRules } from './remark-reference-rules.js';
import { remarkSegments } from './remark-segments.js';
import { remarkTranslationQa } from './remark-translation-qa.js';
import type { Lang } from './schema.js';

export interface ManuscriptProcessorOptions {
  /** The issue's slug, for the hints in messages. */
  slug: string;
  /** Languages the project has interface labels for. */
  supported: readonly Lang[];
  /** The issue folder, where its images are; absent for an old version read from history. */
  folder?: string | undefined;
  /**
   * Whether to read literal autolinks (`www.example.org`); default yes. A text without
   * any is parsed faster without them (`parseSkippingLiteralAutolinks`).
   */
  literalAutolinks?: boolean | undefined;
  /** The series glossary the translations are held to, when the series has one. */
  glossary?: Glossary | undefined;
}

/** remark-parse with the syntax extensions, then our plugins that give it meaning. */
export function createManuscriptProcessor(options: ManuscriptProcessorOptions) {
  return (
    unified()
      // Syntax: CommonMark, then GFM (footnotes, tables), `---` YAML, `:::` directives.
      .use(remarkParse)
      .use(remarkGfmSyntax, { literalAutolinks: options.literalAutolinks })
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkDirective)
      // Meaning: the front matter; comments out, the text between them kept; no
      // nesting deeper than the later stages can walk; the aligned segments; the
      // footnote rules.
      .use(remarkIssueFrontMatter, { supported: options.supported })
      .use(remarkComments)
      .use(remarkNestingRules)
      .use(remarkSegments, { slug: options.slug })
      .use(remarkFootnoteRules)
      // What the text points at: links, and images with their files.
      .use(remarkReferenceRules, { folder: options.folder })
      // Translation QA: each translation compared with its source block, as warnings.
      .use(remarkTranslationQa)
      // The series' settled terms in every translation, as warnings.
      .use(remarkGlossary, { glossary: options.glossary })
  );
}
