/** `qa-numbers`: numbers of one language the other lacks. */
import { compareNumbers, describeNumber, numbersIn } from './number-tokens.js';
import type { TextRun } from './text-runs.js';
import type { BlockView, QaCheck } from './types.js';

/** Warns at each number of the translation its source lacks, and at the fence for each it lost. */
export const numbers: QaCheck = {
  rule: 'qa-numbers',
  check({ from, to, warn, toPoint }) {
    const numbersOf = (view: BlockView) =>
      view.runs.flatMap((run) =>
        numbersIn(maskCode(run)).map((token) => ({ token, offset: run.offsets[token.index] })),
      );
    const sourceNumbers = numbersOf(from);
    const targetNumbers = numbersOf(to);
    const { missing, extra } = compareNumbers(
      sourceNumbers.map(({ token }) => token),
      targetNumbers.map(({ token }) => token),
    );
    for (const token of extra) {
      const offset = targetNumbers.find((entry) => entry.token === token)?.offset;
      warn(
        `Unexpected number ${describeNumber(token)} in \`${to.lang}\`, expected it in the \`${from.lang}\` block too`,
        toPoint(offset),
      );
    }
    for (const token of missing) {
      warn(`Missing number ${describeNumber(token)} in \`${to.lang}\` (\`${from.lang}\` has it)`);
    }
  },
};

/** A run's text with inline code blanked out, so that its numbers are not read. */
function maskCode(run: TextRun): string {
  // `[\s\S]` without the `u` flag matches UTF-16 units, as `run.code` counts them.
  return run.code.some(Boolean) ? run.text.replace(/[\s\S]/g, (unit, index: number) => (run.code[index] ? ' ' : unit)) : run.text;
}
