/**
 * Confirm translations: write the current `src` hash of their source into the opening
 * fence of translation blocks, and change no other byte of the manuscript.
 */
import { rewriteLines, withSrc } from '../manuscript/fence.js';
import type { LineRewrite } from '../manuscript/fence.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';

export interface ConfirmSelection {
  /** Segment ids to confirm; ignored when `all` is set. */
  ids: readonly string[];
  /** Confirm every translation block present (`--all-current`). */
  all: boolean;
  /** Target languages to confirm (default: every translation language). */
  langs?: readonly Lang[] | undefined;
}

export interface Confirmation {
  id: string;
  lang: Lang;
  /** The `src` before, if any. */
  from: string | undefined;
  to: string;
}

export interface ConfirmResult {
  /** The manuscript with the new `src` values (byte-identical elsewhere). */
  text: string;
  /** What changed; a translation already confirmed against this text is not listed. */
  confirmed: Confirmation[];
  /** Selected ids that name no segment. */
  unknownIds: string[];
  /** Selected segments without a block in a selected language. */
  missing: Array<{ id: string; lang: Lang }>;
}

/**
 * Set `src` on the selected translation blocks of `issue`, editing `raw` (the file as
 * it is on disk: byte order mark and line endings are kept).
 */
export function confirmTranslations(raw: string, issue: ValidatedIssue, selection: ConfirmSelection): ConfirmResult {
  const [source, ...targets] = issue.languages;
  const langs = targets.filter((lang) => !selection.langs || selection.langs.includes(lang));
  const byId = new Map(issue.segments.map((segment) => [segment.id, segment]));
  const unknownIds = selection.all ? [] : selection.ids.filter((id) => !byId.has(id));
  const chosen = selection.all ? issue.segments : selection.ids.flatMap((id) => byId.get(id) ?? []);

  const rewrites = new Map<number, LineRewrite>();
  const confirmed: Confirmation[] = [];
  const missing: Array<{ id: string; lang: Lang }> = [];
  for (const segment of chosen) {
    for (const lang of langs) {
      if (lang === source) continue;
      const block = segment.blocks[lang];
      if (!block) {
        if (!selection.all) missing.push({ id: segment.id, lang });
        continue;
      }
      if (block.src === segment.sourceHash) continue;
      // The lines are those of the text the issue was read from: each fence is there.
      rewrites.set(block.node.position?.start.line ?? 1, (line) => [
        { ...line, text: withSrc(line.text, segment.sourceHash) },
      ]);
      confirmed.push({ id: segment.id, lang, from: block.src, to: segment.sourceHash });
    }
  }
  return { text: rewriteLines(raw, rewrites), confirmed, unknownIds, missing };
}
