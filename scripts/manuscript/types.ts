/**
 * Shapes of the validated issue, shared by the manuscript stage's plugins and read by
 * every later stage.
 */
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { FrontMatter, Lang } from './schema.js';

/** Where a translation stands against its source. */
export type TranslationState = 'source' | 'confirmed' | 'stale' | 'unconfirmed' | 'missing';

/** One language's block of a segment: `:::hu{#id .class src=…}` … `:::`. */
export interface LanguageBlock {
  lang: Lang;
  id: string | undefined;
  classes: string[];
  /** The `src` attribute as written, if any. */
  src: string | undefined;
  /** The block's content (comments removed). */
  children: RootContent[];
  /** The directive node, for its position. */
  node: ContainerDirective;
  /** The opening fence line as written, to point at attributes. */
  fence: string;
  /** The Markdown between the fences, as written (the text the `src` hash is taken of). */
  text: string;
}

/** One aligned segment: the same id in every language. */
export interface Segment {
  id: string;
  classes: string[];
  /** The blocks, by language; a missing translation has no entry. */
  blocks: Partial<Record<Lang, LanguageBlock>>;
  /** The state of each language of the issue. */
  states: Record<Lang, TranslationState>;
  /** The hash of the source block's current text. */
  sourceHash: string;
  /** The footnote label this segment defines, when it is a footnote definition segment. */
  footnote: string | undefined;
  position: Position | undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** The languages as far as they could be read (the first is the source). */
    languages: Lang[];
    /** The validated front matter; absent when it has errors. */
    frontMatter: FrontMatter;
    /** Segments in manuscript order. */
    segments: Segment[];
  }
}
