/**
 * What an import changes: for each unit with a target, nothing (the block says the
 * same), a new `src` (the block says the same and the unit is confirmed), or the
 * target's Markdown for the block, with the bytes of text nobody changed kept.
 */
import type { VFile } from 'vfile';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { XliffUnit } from './xliff-import-unit.js';
import { report } from './xliff-import-rules.js';
import { hoistSpaces, markdownRuns, readBlock, sameContent, toMarkdown } from './xliff-inline.js';
import type { Piece } from './xliff-inline.js';

/** What one import did to one block. */
export interface ImportChange {
  id: string;
  lang: Lang;
  /** `added`: a new block; `updated`: new text; `confirmed`: only its `src`. */
  action: 'added' | 'updated' | 'confirmed';
  /** The block's `src` now (none: unconfirmed). */
  src: string | undefined;
}

/** A change to make to the manuscript. */
export interface Edit {
  unit: XliffUnit;
  change: ImportChange;
  /** The Markdown between the fences; absent when only the fence changes. */
  markdown: string | undefined;
  /** The pieces `markdown` must read back as. */
  intended: Piece[];
}

/** Decide what to write for each unit; source-changed warnings go on `file`. */
export function planEdits(file: VFile, issue: ValidatedIssue, lang: Lang, units: readonly XliffUnit[]): Edit[] {
  const source = issue.languages[0] ?? '';
  const edits: Edit[] = [];
  for (const unit of units) {
    if (!unit.target) continue;
    const { segment } = unit;
    const block = segment.blocks[lang];
    const sourceBlock = segment.blocks[source];
    const currentSource = sourceBlock ? readBlock(sourceBlock) : [];
    // Tools that fill untranslated targets with a copy of the source leave them
    // `initial`: that is no translation.
    if (unit.state === 'initial' && sameContent(unit.target, unit.source)) continue;
    const sourceSame = sameContent(unit.source, currentSource);
    const confirm = unit.state === 'final' || unit.state === 'reviewed';
    // Confirmed against the source the translator saw: if that is no longer the
    // source, the translation reads as stale, as it is.
    const confirmTo = sourceSame ? segment.sourceHash : unit.exportedSourceHash;
    const intended = hoistSpaces(unit.target);
    const current = block ? readBlock(block) : undefined;
    const warnChanged = () => {
      if (sourceSame) return;
      report(
        file,
        'xliff-source-changed',
        `The \`${source}\` text of \`#${segment.id}\` changed since the export: ${
          confirm && confirmTo !== undefined
            ? `its translation is confirmed against the exported text (src=${confirmTo}) and reads as stale`
            : 'its translation is written unconfirmed'
        }; check it against the new text`,
        unit.place,
      );
    };

    if (block && current && sameContent(intended, current)) {
      if (confirm && confirmTo !== undefined && block.src !== confirmTo) {
        warnChanged();
        edits.push({
          unit,
          intended,
          markdown: undefined,
          change: { id: segment.id, lang, action: 'confirmed', src: confirmTo },
        });
      }
      continue;
    }
    warnChanged();
    // Text nobody changed keeps its bytes: the translation's own first, else the source's.
    const runs = new Map([...markdownRuns(currentSource), ...markdownRuns(current ?? [])]);
    edits.push({
      unit,
      intended,
      markdown: toMarkdown(intended, runs),
      change: { id: segment.id, lang, action: block ? 'updated' : 'added', src: confirm ? confirmTo : undefined },
    });
  }
  return edits;
}
