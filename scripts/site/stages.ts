/**
 * The stages of a site build that run after its pages are written, in order: each gets
 * the staging folder, what the build changed against the site so far, and the site's
 * context, and puts its own files through `files` (so that they too are compared with
 * the site's and linked when unchanged). A stage that derives from the pages (the
 * search index) may keep its files as they are when no page changed.
 */
import type { SiteChanges, SiteFiles } from './site-files.js';
import type { SiteContext } from './site-context.js';

/** What a stage after the pages is given. */
export interface SiteStageInput {
  context: SiteContext;
  files: SiteFiles;
  /** The HTML pages this build made, by site path (every one, changed or not). */
  pages: readonly string[];
  /** What the build changed so far: pages, feeds, media, downloads. */
  changes: SiteChanges;
  progress: (line: string) => void;
}

/** A stage after the pages. */
export interface SiteStage {
  name: string;
  run: (input: SiteStageInput) => Promise<void>;
}

/** The stages after the pages, in the order they run. */
export const afterPages: readonly SiteStage[] = [
  // Loaded when a build gets this far: a site that is up to date never loads Pagefind.
  { name: 'search', run: async (input) => (await import('./search-stage.js')).putSearch(input) },
];
