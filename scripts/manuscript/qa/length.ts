/** `qa-length`: a length ratio far from the median. */
import type { QaCheck } from './types.js';

/** Warns at the fence when the segment's length ratio is outside the median within `lengthFactor`. */
export const length: QaCheck = {
  rule: 'qa-length',
  check({ from, to, warn, settings, length: measured }) {
    if (!measured) return;
    const { ratio, median } = measured;
    const factor = settings.lengthFactor;
    const low = median / factor;
    const high = median * factor;
    if (ratio >= low && ratio <= high) return;
    warn(
      `Unexpected length of the \`${to.lang}\` text, ${ratio.toFixed(2)} times the \`${from.lang}\` text, ` +
        `expected ${low.toFixed(2)}–${high.toFixed(2)} ` +
        `(the issue’s median ${median.toFixed(2)}, within a factor of ${factor})`,
    );
  },
};
