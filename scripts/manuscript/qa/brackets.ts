/**
 * `qa-brackets`: a bracket or quotation mark without its partner in the block. The
 * source block is read the same way: what is unbalanced there in the same way (a
 * quotation that goes on in the next segment) is not reported in the translation.
 */
import { joinRuns, unbalancedMarks } from './text-runs.js';
import type { QaCheck } from './types.js';

/** Warns at each unbalanced mark of the translation that its source does not share. */
export const brackets: QaCheck = {
  rule: 'qa-brackets',
  check({ from, to, warn, toPoint }) {
    const sourceText = joinRuns(from.runs);
    const targetText = joinRuns(to.runs);
    const inSource = new Map<string, number>();
    for (const mark of unbalancedMarks(sourceText.text, sourceText.code)) {
      inSource.set(mark.key, (inSource.get(mark.key) ?? 0) + 1);
    }
    for (const mark of unbalancedMarks(targetText.text, targetText.code)) {
      const shared = inSource.get(mark.key) ?? 0;
      if (shared > 0) {
        inSource.set(mark.key, shared - 1);
        continue;
      }
      const reason = mark.key.endsWith(':open')
        ? `Unexpected unclosed \`${mark.mark}\` in \`${to.lang}\`, expected a closing \`${mark.partner}\``
        : mark.key.endsWith(':close')
          ? `Unexpected \`${mark.mark}\` in \`${to.lang}\`, expected an opening \`${mark.partner}\` before it`
          : `Unexpected unpaired \`"\` in \`${to.lang}\`, expected straight quotes in pairs`;
      warn(reason, toPoint(targetText.offsets[mark.index]));
    }
  },
};
