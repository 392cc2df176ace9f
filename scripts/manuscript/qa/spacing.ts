/** `qa-spacing`: two or more spaces in a row inside a line. */
import { doubledSpaces } from './text-runs.js';
import type { QaCheck } from './types.js';

/** Warns at each doubled space of the translation outside code. */
export const spacing: QaCheck = {
  rule: 'qa-spacing',
  check({ to, warn, toPoint }) {
    for (const run of to.runs) {
      for (const index of doubledSpaces(run.text, run.code)) {
        warn(`Unexpected doubled space in \`${to.lang}\`, expected one space`, toPoint(run.offsets[index]));
      }
    }
  },
};
