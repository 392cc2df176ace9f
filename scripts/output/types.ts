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
  progress: (line: string) => void;
  /** The build's one browser, launched on first use. */
  browser: () => Promise<BrowserSession>;
}

/** A format's writer: writes its files under `job.staging`, returns their paths. */
export type FormatWriter = (job: BuildJob) => Promise<string[]>;
