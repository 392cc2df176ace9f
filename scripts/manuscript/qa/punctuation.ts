/** `qa-punctuation`: how the last paragraph, heading, list item or cell ends. */
import { endMark } from './text-runs.js';
import type { EndMark } from './text-runs.js';
import type { BlockView, QaCheck } from './types.js';

/** Warns at the translation's end mark when it is not the source's. */
export const punctuation: QaCheck = {
  rule: 'qa-punctuation',
  check({ from, to, warn, toPoint }) {
    const lastRun = (view: BlockView) => view.runs.findLast((run) => run.text.trim() !== '');
    const sourceRun = lastRun(from);
    const targetRun = lastRun(to);
    if (!sourceRun || !targetRun) return;
    const expected = endMark(sourceRun.text).mark;
    const actual = endMark(targetRun.text);
    if (expected === actual.mark) return;
    const name = (mark: EndMark) => (mark === 'none' ? 'no punctuation' : `\`${mark}\``);
    warn(
      `Unexpected end with ${name(actual.mark)} in \`${to.lang}\`, expected ${name(expected)} as in \`${from.lang}\``,
      toPoint(targetRun.offsets[actual.index]),
    );
  },
};
