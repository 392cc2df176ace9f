/**
 * The shapes the build and its format writers share: what a writer is given, and what
 * a writer is. The build makes a job, the registry lists the writers, each writer
 * imports these types and nothing of the others.
 */
import type { BrowserSession } from '../browser.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { Edition } from '../manuscript/split-editions.js';
import type { Labels } from '../render/labels.js';
import type { Format } from './file-names.js';

/** What every page of a build needs to know. */
export interface HtmlContext {
  editions: Edition[];
  labels: Map<Lang, Labels>;
  /** The formats this build makes: download links are given for those only. */
  formats: ReadonlySet<Format>;
  /**
   * A draft's build (a release made with `--draft`): its PDFs and EPUBs are named
   * `-draft`, linked by those names, and marked as drafts (every PDF page, both
   * titles). False for every other build, whose files are as if this did not exist.
   */
  draft: boolean;
}

/** What a format's writer gets: one issue, its editions, and where to write. */
export interface BuildJob {
  /** The issue, with its location (the folder its media are read from). */
  issue: ValidatedIssue;
  context: HtmlContext;
  /** The languages to write. */
  langs: readonly Lang[];
  /** The temporary folder that becomes `output/<slug>/`. */
  staging: string;
  /**
   * The edition files an earlier build left in `staging` (a narrowed build starts from
   * a copy of the previous output), by path relative to it (`jlaga-2026-3-en.pdf`):
   * `current` when built from the same input as this build, `out-of-date` when not or
   * when that is unknown. A page links an out-of-date edition only marked as such.
   */
  kept: ReadonlyMap<string, KeptEdition>;
  progress: (line: string) => void;
  /** The build's one browser, launched on first use. */
  browser: () => Promise<BrowserSession>;
}

/** Whether an edition kept from an earlier build was built from what this build is built from. */
export type KeptEdition = 'current' | 'out-of-date';

/** A format's writer: writes its files under `job.staging`, returns their paths. */
export type FormatWriter = (job: BuildJob) => Promise<string[]>;
