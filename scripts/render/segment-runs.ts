/**
 * Runs of segments: adjacent segments with the same classes (a `.summary` heading and a
 * `.summary` list written as two segments) are one thing to a reader, so they are set
 * as one box. Each segment keeps its id and classes; a run of two or more is wrapped in
 * `div.segment-run` with the same classes, which the styles draw as the box.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';

/**
 * Group `segments` (`div.segment`, in text order) into runs.
 *
 * @returns the segments, each run of two or more with the same non-empty classes in a
 *   `div.segment-run` carrying those classes; a segment without a run as it was.
 */
export function groupSegmentRuns(segments: readonly Element[]): Element[] {
  const grouped: Element[] = [];
  let run: Element[] = [];
  let key = '';
  const flush = () => {
    if (run.length > 1) {
      grouped.push(h('div', { className: ['segment-run', ...key.split(' ')] }, run));
    } else grouped.push(...run);
    run = [];
  };
  for (const segment of segments) {
    const classes = runClasses(segment);
    if (classes === '' || classes !== key) flush();
    key = classes;
    run.push(segment);
  }
  flush();
  return grouped;
}

/** The segment's own classes (not `segment`), sorted and joined: what makes segments one run. */
function runClasses(segment: Element): string {
  const value = segment.properties.className;
  const classes = Array.isArray(value) ? value.map(String) : [];
  return classes
    .filter((name) => name !== 'segment')
    .sort()
    .join(' ');
}
