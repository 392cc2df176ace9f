/** `qa-identical`: a translation that is its source, word for word. */
import type { QaCheck } from './types.js';

/** Warns at the fence when a translation of enough words is its source's text; footnote segments are not checked. */
export const identical: QaCheck = {
  rule: 'qa-identical',
  check({ segment, from, to, warn, settings }) {
    if (segment.footnote !== undefined) return;
    if (from.words < settings.identicalMinWords || from.plain !== to.plain) return;
    warn(`Unexpected \`${to.lang}\` text identical to the \`${from.lang}\` text, expected a translation`);
  },
};
